// Web Worker: every analysis and claim of a large dataset, off the main thread (DESIGN.md 7: no long tasks).
import { datasetOf } from '$lib/data/merge';
import type { Dataset } from '$lib/data/types';
import { buildAnalyses } from './analyses';
import { evaluateClaims } from './evaluate';
import { evidenceNetwork } from './network';
import { STUDY_SLICE, type AnalysisMessage, type AnalysisRequest } from './worker-protocol';

/** The worker's global scope (typed here: the project's TypeScript lib is the DOM's, not WebWorker's). */
const scope = self as unknown as {
	postMessage(message: AnalysisMessage): void;
	onmessage: ((event: MessageEvent<AnalysisRequest>) => void) | null;
};

let data: Dataset = { trials: [], contrasts: [] };
let latest: AnalysisRequest | null = null;

/** Requests that arrive while one is computed are coalesced: only the newest is answered. */
scope.onmessage = (event) => {
	const req = event.data;
	if (req.data) data = datasetOf(req.data);
	latest = req;
	setTimeout(run, 0);
};

function run(): void {
	const req = latest;
	if (!req) return;
	latest = null;
	const post = (m: AnalysisMessage) => scope.postMessage(m);
	try {
		const analyses = buildAnalyses(data, req.settings);
		const results = evaluateClaims(req.claims, analyses, req.view);
		for (const [index, { studies, ...analysis }] of analyses.entries()) {
			post({ type: 'analysis', seq: req.seq, analysis });
			for (let from = 0; from < studies.length; from += STUDY_SLICE)
				post({ type: 'studies', seq: req.seq, index, studies: studies.slice(from, from + STUDY_SLICE) });
		}
		post({
			type: 'done',
			seq: req.seq,
			results: results.map((r) => ({ ...r, analyses: r.analyses.map((a) => a.id) })),
			network: evidenceNetwork(data)
		});
	} catch (e) {
		post({ type: 'failed', seq: req.seq, message: (e as Error)?.message ?? String(e) });
	}
}
