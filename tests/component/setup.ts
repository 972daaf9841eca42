// Component tests run beside the unit tests on a shared 2-core CI machine: the DOM queries that wait (findBy*,
// waitFor) get 10 s instead of Testing Library's 1 s, so a loaded machine cannot fail them. No test asserts a time.
import { configure } from '@testing-library/svelte';

configure({ asyncUtilTimeout: 10_000 });
