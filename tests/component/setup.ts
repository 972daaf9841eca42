// Component tests run beside the unit tests on a shared 2-core CI machine: the DOM queries that wait (findBy*,
// waitFor) get 10 s instead of Testing Library's 1 s, so a loaded machine cannot fail them. No test asserts a time.
// The page loads the engine and the worker client on demand (src/lib/state/engine.ts, session.svelte.ts); the
// tests load them first, so every view computes at once as before.
import { configure } from '@testing-library/svelte';
import { loadEngine } from '$lib/state/engine';
import { loadWorkerClient } from '$lib/state/session.svelte';

configure({ asyncUtilTimeout: 10_000 });
await Promise.all([loadEngine(), loadWorkerClient()]);
