import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { syntheticTrialsCsv } from '../../../bench/ingest';
import { loadFiles } from '../../../src/cli/summarize';
import { ingestText } from '$lib/data/ingest';
import { datasetOf, sourceOf } from '$lib/data/merge';
import { buildAnalyses } from '$lib/evidence/analyses';
import { bundledClaims } from '$lib/evidence/claims';
import { evaluateClaims } from '$lib/evidence/evaluate';
import { buildNetworks } from '$lib/evidence/network-analysis';
import { prerender } from '$lib/evidence/prerender';
import { biasChecks } from '$lib/evidence/sensitivity';
import type { BiasRequest } from '$lib/evidence/worker-protocol';
import { timeCourseData } from '$lib/evidence/time-points';
import type { Engine } from '$lib/state/engine';
import {
	AnalysisSession,
	WORKER_ROWS,
	WORKER_TIME_COURSE_STUDIES,
	type BiasState
} from '$lib/state/session.svelte';
import { ViewState } from '$lib/state/view.svelte';
import { claimViewOf, DEFAULT_CONTROLS, settingsOf } from '$lib/state/url-params';
import { installInThread, requests, startInThread } from './in-thread-worker';

const { data: bundled } = loadFiles([]);
const claims = bundledClaims.claims;
const large = ingestText(syntheticTrialsCsv(WORKER_ROWS + 1000), 'large.csv');
const source = sourceOf(1, bundled, [large.trials!]);
const rows = datasetOf(source);

/** A session over the large data: in the worker when given the tables, else on the page. */
function session(tables: boolean) {
	return new AnalysisSession({
		data: () => rows,
		source: tables ? () => source : undefined,
		claims,
		settings: () => settingsOf(DEFAULT_CONTROLS),
		view: () => claimViewOf(DEFAULT_CONTROLS),
		maxTrialMarks: 300,
		startWorker: startInThread
	});
}

beforeEach(installInThread);
afterEach(() => vi.unstubAllGlobals());

describe('AnalysisSession', () => {
	it('gives the same bias checks and time courses whether the page or the worker computed them', async () => {
		const page = session(false);
		const worker = session(true);
		expect(page.offPage).toBe(false);
		expect(worker.offPage).toBe(true);
		worker.schedule();
		await vi.waitFor(() => expect(worker.computing).toBe(false), { timeout: 30_000 });
		expect(worker.results.map((r) => r.sentence)).toEqual(page.results.map((r) => r.sentence));

		// The analyses the "Why this verdict" panels show checks for: the first of each claim, when pooled.
		const shown = (s: AnalysisSession) =>
			s.results.flatMap((r) => r.analyses.slice(0, 1).filter((a) => a.result));
		const onPage = shown(page).map((a) => page.biasChecks(a));
		expect(onPage.length).toBeGreaterThan(0);
		expect(onPage.every((b) => b.status === 'ready')).toBe(true);
		expect(onPage).toEqual(shown(page).map((a) => ({ status: 'ready', value: biasChecks(a) })));

		// The worker is asked once per analysis, answers in the background, and the session shows its answer.
		const first = shown(worker).map((a) => worker.biasChecks(a));
		expect(first.every((b) => b.status === 'computing')).toBe(true);
		shown(worker).forEach((a) => worker.biasChecks(a));
		const asked = requests.filter((r): r is BiasRequest => r.type === 'bias');
		expect(asked.map((r) => r.id)).toEqual([...new Set(shown(worker).map((a) => a.id))]);
		let fromWorker: BiasState[] = [];
		await vi.waitFor(() => {
			fromWorker = shown(worker).map((a) => worker.biasChecks(a));
			expect(fromWorker.every((b) => b.status === 'ready')).toBe(true);
		});
		expect(fromWorker).toEqual(onPage);

		const courses = (s: AnalysisSession) => s.results.map((r) => r.timeCourse ?? null);
		expect(courses(page).some((c) => c !== null)).toBe(true);
		expect(courses(worker)).toEqual(courses(page));
	});

	it('reports the data version as analysed only once the worker has answered', async () => {
		const worker = session(true);
		expect(worker.analysedVersion).toBe(null);
		worker.schedule();
		expect(worker.analysedVersion).toBe(null);
		await vi.waitFor(() => expect(worker.analysedVersion).toBe(source.version), { timeout: 30_000 });
		expect(session(false).analysedVersion).toBe(null); // no tables: nothing saved to mark
	});

	it('sends data with many time-course trials to the worker even below WORKER_ROWS rows', () => {
		// The synthetic file has 36 rows per trial, each trial with pain and function at weeks 8, 26 and 52.
		const withStudies = (k: number) => {
			const t = ingestText(syntheticTrialsCsv(36 * k), 'many.csv');
			const src = sourceOf(2, { trials: [], contrasts: [] }, [t.trials!]);
			const d = datasetOf(src);
			return new AnalysisSession({
				data: () => d,
				source: () => src,
				claims,
				settings: () => settingsOf(DEFAULT_CONTROLS),
				view: () => claimViewOf(DEFAULT_CONTROLS),
				maxTrialMarks: 300,
				startWorker: startInThread
			});
		};
		expect(36 * (WORKER_TIME_COURSE_STUDIES + 1)).toBeLessThan(WORKER_ROWS);
		expect(withStudies(WORKER_TIME_COURSE_STUDIES).offPage).toBe(false);
		expect(withStudies(WORKER_TIME_COURSE_STUDIES + 1).offPage).toBe(true);
	});
});

describe('AnalysisSession and the engine loaded on demand', () => {
	it('shows the build-time results without the engine, loads it on the first change and keeps the old numbers until it is there', async () => {
		const controls = new ViewState(() => bundled, claims); // only for its reactive controls
		const pre = prerender(bundled, claims, settingsOf(DEFAULT_CONTROLS), claimViewOf(DEFAULT_CONTROLS));
		let resolve: (e: Engine) => void = () => {};
		const loader = vi.fn(() => new Promise<Engine>((r) => (resolve = r)));
		const s = new AnalysisSession({
			data: () => bundled,
			source: () => sourceOf(1, bundled, []),
			claims,
			settings: () => controls.settings,
			view: () => controls.claimView,
			maxTrialMarks: 300,
			prerendered: pre,
			isBundled: () => true,
			loadEngine: loader
		});
		expect(s.results).toBe(pre.results);
		expect(s.analysedVersion).toBe(1);
		expect(loader).not.toHaveBeenCalled();
		// The network section's certainty and study shares come from the build too.
		const n = pre.networks.find((x) => x.analysis?.components[0])!;
		const fit = n.analysis!.components[0]!;
		const built = pre.networkCertainty[n.id]!;
		expect(built.rows.length).toBeGreaterThan(0);
		expect(s.networkCertainty(n, fit, built.mid)).toBe(built.rows);
		const side = fit.side[0]!;
		expect(s.studyShares(n, fit, side.treatment, side.comparator)).toBe(
			built.shares[`${side.treatment}|${side.comparator}`]
		);
		expect(loader).not.toHaveBeenCalled();

		controls.set('method', 'DL');
		expect(s.results).toBe(pre.results); // the engine is loading: the numbers shown before stay
		expect(s.analysedVersion).toBe(null);
		expect(loader).toHaveBeenCalledTimes(1);
		void s.analyses;
		expect(loader).toHaveBeenCalledTimes(1);

		resolve(await import('$lib/evidence/engine'));
		await vi.waitFor(() => expect(s.analysedVersion).toBe(1));
		const fresh = evaluateClaims(
			claims,
			buildAnalyses(bundled, controls.settings),
			controls.claimView,
			buildNetworks(bundled, controls.settings),
			timeCourseData(bundled, controls.settings)
		);
		expect(s.results).not.toBe(pre.results);
		expect(s.results.map((r) => r.sentence)).toEqual(fresh.map((r) => r.sentence));
		expect(s.analyses.find((a) => a.result)!.result!.method).toBe('DL');
	});
});
