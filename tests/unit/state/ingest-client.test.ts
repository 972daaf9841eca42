import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IngestResult } from '../../../src/lib/data/ingest';
import type { IngestMessage, IngestRequest } from '../../../src/lib/data/worker-protocol';
import { pageIngest, workerIngest } from '../../../src/lib/state/ingest-client';
import { trials } from '../data/helpers';

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

describe('workerIngest with the real reading worker (in this thread)', () => {
	it('gets each table’s texts in pieces before the result and puts them back: the same result as the page', async () => {
		const seen: IngestMessage[] = [];
		const scope: {
			onmessage: ((e: { data: IngestRequest }) => void) | null;
			postMessage(m: IngestMessage): void;
		} = {
			onmessage: null,
			postMessage: () => {}
		};
		class InThread {
			onmessage: ((e: { data: IngestMessage }) => void) | null = null;
			onerror: unknown = null;
			constructor() {
				scope.postMessage = (m) => {
					seen.push(structuredClone(m));
					setTimeout(() => this.onmessage?.({ data: m }), 0);
				};
			}
			postMessage(m: IngestRequest) {
				setTimeout(() => scope.onmessage!({ data: m }), 0);
			}
			terminate() {}
		}
		vi.stubGlobal('self', scope);
		vi.resetModules();
		await import('../../../src/lib/data/worker');
		vi.stubGlobal('Worker', InThread);
		const file = () => new File([trials([{ study_id: 'a2020' }, { study_id: 'b2021' }])], 'mine.csv');
		const got = (await workerIngest([file()], () => {}))!;
		const onPage = (await pageIngest([file()], () => {}))!;
		expect(got[0]!.trials!.strings.length).toBeGreaterThan(0);
		expect(got).toEqual(onPage);
		// the result itself came without the texts, which came before it
		const done = seen.findIndex((m) => m.type === 'done');
		const texts = seen.filter((m) => m.type === 'texts');
		expect(texts.map((m) => m.key)).toEqual(['0:trials']);
		expect(seen.indexOf(texts[0]!)).toBeLessThan(done);
		expect((seen[done] as { results: IngestResult[] }).results[0]!.trials!.strings).toEqual([]);
	});
});
