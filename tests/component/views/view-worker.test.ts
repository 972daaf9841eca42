import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { syntheticTrialsCsv } from '../../../bench/ingest';
import { loadFiles } from '../../../src/cli/summarize';
import { ingestText } from '$lib/data/ingest';
import { memoryStore } from '$lib/data/persist';
import { buildNetworks } from '$lib/evidence/network-analysis';
import { buildAnalyses } from '$lib/evidence/analyses';
import { bundledClaims } from '$lib/evidence/claims';
import { evaluateClaims } from '$lib/evidence/evaluate';
import { evidenceNetwork } from '$lib/evidence/network';
import { timeCourseData } from '$lib/evidence/time-points';
import type { AnalysisRequest } from '$lib/evidence/worker-protocol';
import { DatasetState } from '$lib/state/dataset.svelte';
import { claimViewOf, DEFAULT_CONTROLS, settingsOf, type Controls } from '$lib/state/url-params';
import { WORKER_ROWS } from '$lib/state/session.svelte';
import { ViewState } from '$lib/state/view.svelte';
import {
	InThreadWorker,
	installInThread,
	requests as sent,
	startInThread,
	started
} from './in-thread-worker';

const { data: bundled } = loadFiles([]);
const claims = bundledClaims.claims;
const ROWS = WORKER_ROWS + 1000;
const large = ingestText(syntheticTrialsCsv(ROWS), 'large.csv');

/** The page's dataset and view state, with this way of starting the analysis worker. */
function page(start: () => Worker) {
	const store = new DatasetState(bundled, memoryStore());
	return {
		store,
		view: new ViewState(
			() => store.dataset,
			claims,
			() => store.source,
			start
		)
	};
}

/** Waits until the worker's answer for the newest request is shown. */
const settled = (view: ViewState) =>
	vi.waitFor(() => expect(view.computing).toBe(false), { timeout: 30_000 });

/** What the page computes itself for these data and controls. */
function onPage(store: DatasetState, controls: Controls) {
	const analyses = buildAnalyses(store.dataset, settingsOf(controls));
	const settings = settingsOf(controls);
	const networks = buildNetworks(store.dataset, settings);
	const courses = timeCourseData(store.dataset, settings);
	return evaluateClaims(claims, analyses, claimViewOf(controls), networks, courses).map((r) => r.sentence);
}

/** The analysis requests the page sent (not the bias checks it asked for). */
const requests = {
	get all() {
		return sent.filter((r): r is AnalysisRequest => r.type === 'analyse');
	}
};

beforeEach(installInThread);
afterEach(() => vi.unstubAllGlobals());

// 60 s: with no worker the page computes the large data itself, time-course model included (seconds under load).
describe('ViewState with large data', { timeout: 60_000 }, () => {
	it('computes small data on the page and large data in the worker, showing the same numbers', async () => {
		const { store, view } = page(startInThread);
		view.schedule();
		expect(view.offPage).toBe(false);
		expect(started.count).toBe(0);
		expect(view.results.map((r) => r.sentence)).toEqual(onPage(store, DEFAULT_CONTROLS));

		expect(await store.add([large])).toEqual([]);
		expect(view.offPage).toBe(true);
		expect(view.results).toEqual([]);
		expect(view.computing).toBe(true);
		view.schedule();
		expect(view.remoteError).toBe(null);
		await vi.waitFor(() => expect(requests.all).toHaveLength(1)); // the tables are copied in steps
		expect(requests.all[0]!.data).toMatchObject({
			version: store.source.version,
			counts: { trials: ROWS + bundled.trials.length, contrasts: bundled.contrasts.length }
		});
		await settled(view);
		expect(view.results.map((r) => r.sentence)).toEqual(onPage(store, DEFAULT_CONTROLS));
		expect(view.network).toEqual(evidenceNetwork(store.dataset));
	});

	it('computes on the page when no worker can start, or the worker script fails to load', async () => {
		for (const start of [
			() => {
				throw new Error('blocked');
			},
			() => {
				const w = new InThreadWorker();
				setTimeout(() => w.onerror?.({ message: 'not found', preventDefault() {} }), 0);
				return w as unknown as Worker;
			}
		]) {
			const { store, view } = page(start);
			await store.replace([large]);
			expect(view.offPage).toBe(true);
			view.schedule();
			await vi.waitFor(() => expect(view.offPage).toBe(false));
			expect(view.remoteError).toBe(null);
			expect(view.results.map((r) => r.sentence)).toEqual(onPage(store, DEFAULT_CONTROLS));
		}
	});

	it('keeps the last numbers while it updates, sends the data once, and shows only the newest answer', async () => {
		const { store, view } = page(startInThread);
		await store.replace([large]);
		view.schedule();
		await settled(view);
		const reml = view.results;

		view.set('method', 'DL');
		view.schedule();
		view.set('method', 'FE');
		view.schedule();
		expect(view.computing).toBe(true);
		expect(view.results).toBe(reml);
		await settled(view);
		const fe = onPage(store, { ...DEFAULT_CONTROLS, method: 'FE' });
		expect(fe).not.toEqual(reml.map((r) => r.sentence));
		expect(view.results.map((r) => r.sentence)).toEqual(fe);
		expect(requests.all.map((r) => [r.data === null, r.settings.method])).toEqual([
			[false, 'REML'],
			[true, 'DL'],
			[true, 'FE']
		]);
		expect(started.count).toBe(1);
	});
});
