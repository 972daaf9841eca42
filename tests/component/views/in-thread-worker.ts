import { vi } from 'vitest';
import type { AnalysisMessage, WorkerRequest } from '$lib/evidence/worker-protocol';

// The page's analysis client and the real worker module (src/lib/evidence/worker.ts) wired together in one
// thread: the Worker constructor and the worker's global scope are stand-ins that pass messages asynchronously.
const scope: {
	onmessage: ((e: { data: WorkerRequest }) => void) | null;
	postMessage: (m: AnalysisMessage) => void;
} = { onmessage: null, postMessage: () => {} };

/** Every request the page sent to the worker, and how many workers it started (reset by `installInThread`). */
export const requests: WorkerRequest[] = [];
export const started = { count: 0 };

export class InThreadWorker {
	onmessage: ((e: { data: AnalysisMessage }) => void) | null = null;
	onerror: ((e: { message: string; preventDefault(): void }) => void) | null = null;
	constructor() {
		started.count++;
		scope.postMessage = (m) => setTimeout(() => this.onmessage?.({ data: m }), 0);
	}
	postMessage(m: WorkerRequest) {
		requests.push(m);
		setTimeout(() => scope.onmessage!({ data: m }), 0);
	}
	terminate() {}
}

export const startInThread = () => new InThreadWorker() as unknown as Worker;

/** Call in beforeEach: loads the worker module into this thread and stubs `Worker` (then `afterEach(vi.unstubAllGlobals)`). */
export async function installInThread(): Promise<void> {
	vi.stubGlobal('self', scope);
	vi.stubGlobal('Worker', InThreadWorker); // `typeof Worker` tells the page that workers exist
	await import('$lib/evidence/worker');
	requests.length = 0;
	started.count = 0;
}
