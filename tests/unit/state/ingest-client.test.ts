import { afterEach, describe, expect, it, vi } from 'vitest';
import { workerIngest } from '../../../src/lib/state/ingest-client';

/** Stands in for the reading worker: never answers, records whether it was stopped. */
class SilentWorker {
	static last: SilentWorker;
	terminated = false;
	posted = 0;
	onmessage: unknown = null;
	onerror: unknown = null;
	constructor() {
		SilentWorker.last = this;
	}
	postMessage() {
		this.posted++;
	}
	terminate() {
		this.terminated = true;
	}
}

afterEach(() => vi.unstubAllGlobals());

describe('workerIngest', () => {
	it('stops the reading worker when cancelled and resolves to null', async () => {
		vi.stubGlobal('Worker', SilentWorker);
		const controller = new AbortController();
		const reading = workerIngest([new File(['x'], 'big.csv')], () => {}, controller.signal);
		expect(SilentWorker.last.posted).toBe(1);
		expect(SilentWorker.last.terminated).toBe(false);
		controller.abort();
		expect(await reading).toBe(null);
		expect(SilentWorker.last.terminated).toBe(true);
	});
});
