import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DataSource } from '../../../src/lib/data/merge';
import type { ClaimResult } from '../../../src/lib/evidence/claim-context';
import type { Analysis, AnalysisSettings } from '../../../src/lib/evidence/types';
import type {
	AnalysisMessage,
	AnalysisRequest,
	WorkerRequest
} from '../../../src/lib/evidence/worker-protocol';
import { AnalysisClient, type RemoteBias, type RemoteResult } from '../../../src/lib/state/analysis-client';
import { ingestText } from '../../../src/lib/data/ingest';
import { trials } from '../data/helpers';
import { analysisOf, result as rmaResult, study } from '../charts/studies';

/** Stands in for the browser's Worker: keeps what the page posts and lets the test answer. */
class FakeWorker {
	static last: FakeWorker;
	posted: WorkerRequest[] = [];
	transfers: Transferable[][] = [];
	onmessage: ((e: { data: AnalysisMessage }) => void) | null = null;
	onerror: ((e: { message: string; preventDefault(): void }) => void) | null = null;
	terminated = false;
	constructor() {
		FakeWorker.last = this;
	}
	postMessage(m: WorkerRequest, transfer: Transferable[] = []) {
		this.posted.push(m);
		this.transfers.push(transfer);
	}
	terminate() {
		this.terminated = true;
	}
	analyses() {
		return this.posted.filter((m): m is AnalysisRequest => m.type === 'analyse');
	}
	answer(m: AnalysisMessage) {
		this.onmessage!({ data: m });
	}
}

const settings = { method: 'REML', test: 'z', level: 95 } as AnalysisSettings;
const source = (version: number): DataSource => ({
	version,
	bundled: null,
	tables: [],
	counts: { trials: 9000, contrasts: 0 }
});
const view = { mids: { MD: 15, SMD: 0.5, RR: 1.25, OR: 1.25, RD: 0.05 } };

afterEach(() => vi.unstubAllGlobals());

function client() {
	vi.stubGlobal('Worker', FakeWorker);
	const got: RemoteResult[] = [];
	const errors: [string, boolean][] = [];
	const bias: RemoteBias[] = [];
	const c = new AnalysisClient({
		onResult: (r) => got.push(r),
		onError: (m, neverStarted) => errors.push([m, neverStarted]),
		onBias: (b) => bias.push(b)
	});
	return { c, got, errors, bias, worker: FakeWorker.last };
}

describe('AnalysisClient', () => {
	it('sends copies of the tables and transfers only the copies, so the page keeps its own', async () => {
		const { c, worker } = client();
		const table = ingestText(trials([{ study_id: 'a2020' }, { study_id: 'b2021' }]), 'mine.csv').trials!;
		c.request({ ...source(1), tables: [table] }, settings, [], view);
		await vi.waitFor(() => expect(worker.analyses()).toHaveLength(1));
		// The texts come first, in pieces of STRING_CHUNK (one here), then the tables without them.
		expect(worker.posted[0]).toEqual({ type: 'texts', key: '0', texts: table.strings });
		const request = worker.posted[1] as AnalysisRequest;
		expect(request.textsApart).toBe(true);
		const sent = request.data!.tables[0] as typeof table;
		expect(sent.columns.n).toEqual(table.columns.n);
		expect(sent.strings).toEqual([]);
		expect(table.strings.length).toBeGreaterThan(0);
		expect(sent.columns.n.buffer).not.toBe(table.columns.n.buffer);
		expect(worker.transfers[1]).toContain(sent.columns.n.buffer);
		expect(worker.transfers[1]).not.toContain(table.columns.n.buffer);
		expect(worker.transfers[1]).toHaveLength(Object.keys(table.columns).length);
	});

	it('tells a worker that never started (the page can compute) from a computation that failed', () => {
		const { errors, worker } = client();
		worker.onerror!({ message: '', preventDefault() {} });
		expect(errors).toEqual([['the analysis worker failed to start', true]]);
	});

	it('sends the data once per version and the settings with every request, in the order asked', async () => {
		const { c, worker } = client();
		expect(c.request(source(1), settings, [], view)).toBe(1);
		expect(c.request(source(1), { ...settings, method: 'DL' }, [], view)).toBe(2);
		c.requestBias(1, 'pain-sham');
		expect(c.request(source(2), settings, [], view)).toBe(3);
		// Request 1's data are copied in steps: what was asked after it waits, so the worker gets the data first.
		expect(worker.posted).toEqual([]);
		await vi.waitFor(() => expect(worker.posted).toHaveLength(4));
		expect(worker.posted[2]).toEqual({ type: 'bias', seq: 1, id: 'pain-sham' });
		expect(worker.analyses().map((m) => [m.seq, m.data?.version ?? null, m.settings.method])).toEqual([
			[1, 1, 'REML'],
			[2, null, 'DL'],
			[3, 2, 'REML']
		]);
	});

	it('puts an answer together from its pieces, claims linked to the same analysis objects', () => {
		const { c, got, worker } = client();
		c.request(source(7), settings, [], view);
		const a = analysisOf(
			[study('a', -5, 4, 50), study('b', -3, 9, 30), study('c', -1, 16, 20)],
			rmaResult(-4, [-6, -2], [-9, 1], 3)
		);
		const b = analysisOf([study('d', 1, 4, 100)], null, { id: 'other' });
		const { studies: sa, ...ha } = a;
		const { studies: sb, ...hb } = b;
		worker.answer({ type: 'analysis', seq: 1, analysis: ha });
		worker.answer({ type: 'studies', seq: 1, index: 0, studies: sa.slice(0, 2) });
		worker.answer({ type: 'studies', seq: 1, index: 0, studies: sa.slice(2) });
		worker.answer({ type: 'analysis', seq: 1, analysis: hb });
		worker.answer({ type: 'studies', seq: 1, index: 1, studies: sb });
		expect(got).toEqual([]);
		const result = { claim: { id: 'x' }, sentence: 's', extra: {} } as unknown as ClaimResult;
		const network = { nodes: [{ arm: 'sham' as const, n: 9 }], edges: [] };
		worker.answer({
			type: 'done',
			seq: 1,
			results: [{ ...result, analyses: ['other', a.id] }],
			network
		});
		expect(got).toHaveLength(1);
		const r = got[0]!;
		expect(r).toMatchObject({ seq: 1, version: 7, network });
		expect(r.analyses).toEqual([a, b] as Analysis[]);
		expect(r.results[0]!.analyses[0]).toBe(r.analyses[1]);
		expect(r.results[0]!.analyses[1]).toBe(r.analyses[0]);
	});

	it('starts a new answer when pieces of a newer request arrive, and reports a failure', async () => {
		const { c, got, errors, worker } = client();
		c.request(source(1), settings, [], view);
		c.request(source(1), settings, [], view);
		const a = analysisOf([study('a', -5, 4, 100)], null);
		const { studies, ...head } = a;
		worker.answer({ type: 'analysis', seq: 1, analysis: head });
		worker.answer({ type: 'analysis', seq: 2, analysis: head });
		worker.answer({ type: 'studies', seq: 2, index: 0, studies });
		worker.answer({ type: 'done', seq: 2, results: [], network: { nodes: [], edges: [] } });
		expect(got.map((r) => [r.seq, r.analyses.length, r.analyses[0]!.studies.length])).toEqual([[2, 1, 1]]);
		await vi.waitFor(() => expect(worker.posted).toHaveLength(2));
		worker.answer({ type: 'failed', seq: 3, message: 'out of memory' });
		worker.onerror!({ message: 'crashed', preventDefault() {} });
		expect(errors).toEqual([
			['out of memory', false],
			['crashed', false]
		]);
		c.terminate();
		expect(worker.terminated).toBe(true);
	});

	it('asks for the bias checks of one analysis without resending anything, and passes the answer on', async () => {
		const { c, bias, worker } = client();
		c.request(source(1), settings, [], view);
		c.requestBias(1, 'pain-sham');
		await vi.waitFor(() => expect(worker.posted).toHaveLength(2));
		expect(worker.posted[1]).toEqual({ type: 'bias', seq: 1, id: 'pain-sham' });
		expect(worker.transfers[1]).toEqual([]);
		worker.answer({ type: 'bias', seq: 1, id: 'pain-sham', checks: null, message: 'k too small' });
		expect(bias).toEqual([{ seq: 1, id: 'pain-sham', checks: null, message: 'k too small' }]);
	});
});
