import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { syntheticTrialsCsv } from '../../../bench/ingest';
import { ingestText } from '$lib/data/ingest';
import { datasetOf, sourceOf } from '$lib/data/merge';
import { reproducibleBundle } from '$lib/evidence/bundle';
import { bundledClaims } from '$lib/evidence/claims';
import { naturalFrequencies, type Frequencies } from '$lib/evidence/frequencies';
import { leftOutRows, type LeftOutRow } from '$lib/evidence/left-out';
import { networkCertainty } from '$lib/evidence/network-certainty';
import { networkGraph } from '$lib/evidence/network-graph';
import { networkForPage } from '$lib/evidence/network-held';
import { AnalysisSession, WORKER_ROWS, type AskState } from '$lib/state/session.svelte';
import { claimViewOf, DEFAULT_CONTROLS, settingsOf } from '$lib/state/url-params';
import { installInThread, startInThread } from './in-thread-worker';

// Large data without the bundled trials: 6,000 rows, 167 trials, analyses of up to 167 studies each.
const claims = bundledClaims.claims;
const source = sourceOf(1, null, [ingestText(syntheticTrialsCsv(WORKER_ROWS + 1000), 'large.csv').trials!]);
const rows = datasetOf(source);
const CAP = { above: 20, keep: 5 };
// One trial left out by the user: its rows are among those no pooled result uses.
const CONTROLS = { ...DEFAULT_CONTROLS, excluded: ['synth3'] };

function session(tables: boolean) {
	return new AnalysisSession({
		data: () => rows,
		source: tables ? () => source : undefined,
		claims,
		settings: () => settingsOf(CONTROLS),
		view: () => claimViewOf(CONTROLS),
		maxTrialMarks: 300,
		pageStudies: CAP,
		startWorker: startInThread
	});
}

/** Waits for the worker's answer to a question and returns it. */
async function answer<T>(ask: () => AskState<T> | null): Promise<T> {
	let state: AskState<T> | null = null;
	await vi.waitFor(() => {
		state = ask();
		expect(state?.status).toBe('ready');
	});
	return (state as unknown as { value: T }).value;
}

beforeEach(installInThread);
afterEach(() => vi.unstubAllGlobals());

describe('AnalysisSession with analyses the worker sends capped', () => {
	it('shows the pooled numbers, verdicts and counts of the full analyses, with only the first studies', async () => {
		const page = session(false);
		const worker = session(true);
		worker.schedule();
		await vi.waitFor(() => expect(worker.computing).toBe(false), { timeout: 30_000 });
		expect(page.capped).toBe(false);
		expect(worker.capped).toBe(true);
		expect(worker.results.map((r) => r.sentence)).toEqual(page.results.map((r) => r.sentence));
		let cappedCount = 0;
		for (const [i, full] of page.analyses.entries()) {
			const shown = worker.analyses[i]!;
			expect(shown.id).toBe(full.id);
			expect(shown.result).toEqual(full.result);
			if (full.studies.length > CAP.above) {
				cappedCount++;
				expect(shown.summary?.studies).toBe(full.studies.length);
				const named = full.studies.findIndex((s) => s.study_id === 'synth3');
				expect(shown.studies).toEqual(full.studies.filter((_, k) => k < CAP.keep || k === named));
			} else {
				expect(shown.summary).toBeUndefined();
				expect(shown.studies).toEqual(full.studies);
			}
		}
		expect(cappedCount).toBeGreaterThan(5);
		expect([...worker.analysedTrials].sort()).toEqual([...page.analysedTrials].sort());
		expect(page.fromWorker({ kind: 'leftOut', limit: 10 })).toBeNull();
	});

	it('asks the worker for what needs every study: rows not used, frequencies, the download bundle', async () => {
		const page = session(false);
		const worker = session(true);
		worker.schedule();
		await vi.waitFor(() => expect(worker.computing).toBe(false), { timeout: 30_000 });

		const left = await answer(() => worker.fromWorker<LeftOutRow[]>({ kind: 'leftOut', limit: 301 }));
		expect(left.length).toBeGreaterThan(0);
		expect(left).toEqual(leftOutRows(rows, page.analyses, 301));

		const q = {
			kind: 'frequencies',
			outcome: 'responder',
			population: 'chronic',
			windows: ['short']
		} as const;
		const freq = await answer(() => worker.fromWorker<Frequencies | null>({ ...q, windows: [...q.windows] }));
		expect(freq).not.toBeNull();
		expect(freq).toEqual(naturalFrequencies(page.analyses, 'responder', 'chronic', ['short']));

		// The networks stay in the worker (each holds every study): the page asks for the one it shows.
		expect(worker.networks).toEqual([]);
		expect(page.networkFromWorker('pain', 'chronic', 'short', null)).toBeNull();
		// Above CAP.keep trials it comes without its trial lists; its estimates and graph are the full network's.
		const full = page.networks.find((n) => n.id === 'pain:chronic:short')!;
		const fit = full.analysis!.components[0]!;
		expect(full.studies.length).toBeGreaterThan(CAP.keep);
		const net = (await answer(() => worker.networkFromWorker('pain', 'chronic', 'short', null)))!;
		expect(net).toEqual(networkForPage(full, CAP.keep));
		expect(net.studies).toEqual([]);
		expect(net.held?.graph).toEqual(networkGraph(full.studies, fit.treatments));
		// its CINeMA certainty is computed by the worker, which holds every trial's contribution
		const mid = 0.1;
		const certainty = await answer(() => worker.heldCertainty(net, mid));
		expect(worker.networkCertainty(net, net.analysis!.components[0]!, mid)).toEqual(certainty);
		expect(page.heldCertainty(full, mid)).toBeNull(); // a network sent whole: the page computes it
		expect(certainty).toEqual(networkCertainty(full, fit, mid));
		expect(worker.studyShares(net, net.analysis!.components[0]!, 'acupuncture', 'sham')).toEqual([]);

		const controls = { ...CONTROLS };
		const bundle = await worker.askWorker<{ json: string; r: string }>({ kind: 'bundle', controls })!;
		const local = reproducibleBundle(
			controls,
			settingsOf(CONTROLS),
			page.analyses,
			page.results,
			rows,
			page.networks
		);
		expect(bundle.json).toBe(local.json);
		expect(bundle.r).toBe(local.r);
	});
});
