// Component tests run beside the unit tests on a shared 2-core CI machine: the DOM queries that wait (findBy*,
// waitFor) get 10 s instead of Testing Library's 1 s, so a loaded machine cannot fail them. No test asserts a time.
// The page loads the engine on demand (src/lib/state/engine.ts); the tests load it first, so every view computes
// at once as before.
import { configure } from '@testing-library/svelte';
import { loadEngine } from '$lib/state/engine';

configure({ asyncUtilTimeout: 10_000 });
await loadEngine();
