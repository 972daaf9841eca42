// Web Worker: every analysis, claim, time course and bias check of a large dataset, off the main thread
// (docs/ARCHITECTURE.md section 7: no long tasks; section 10.2).
import { datasetOf } from '$lib/data/merge';
import { TextPieces } from '$lib/data/text-chunks';
import type { Dataset } from '$lib/data/types';
import { buildAnalyses } from './analyses';
import { reproducibleBundle } from './bundle';
import type { ClaimResult } from './claim-context';
import { naturalFrequencies } from './frequencies';
import { leftOutRows } from './left-out';
import { evaluateClaims } from './evaluate';
import { timeCourseData } from './time-points';
import { evidenceNetwork } from './network';
import { buildNetwork, buildNetworks, findNetwork, type OutcomeNetwork } from './network-analysis';
import { networkCertainty } from './network-certainty';
import { networkForPage } from './network-held';
import { biasChecks } from './sensitivity';
import { analysedTrials } from './study-count';
import { forPage, timeCourseForPage } from './study-summary';
import type { Analysis } from './types';
import {
	STUDY_SLICE,
	type AnalysisMessage,
	type AnalysisRequest,
	type NetworkQuestion,
	type Question,
	type WorkerRequest
} from './worker-protocol';

/** The worker's global scope (typed here: the project's TypeScript lib is the DOM's, not WebWorker's). */
const scope = self as unknown as {
	postMessage(message: AnalysisMessage): void;
	onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
};
const post = (m: AnalysisMessage) => scope.postMessage(m);

let data: Dataset = { trials: [], contrasts: [] };
let latest: AnalysisRequest | null = null;
/** The analyses of the last answer sent, for the bias checks the page asks about them. */
let answered: {
	seq: number;
	analyses: Analysis[];
	results: ClaimResult[];
	networks: OutcomeNetwork[];
	settings: AnalysisRequest['settings'];
	/** The data they were computed from (`data` may already be newer). */
	data: Dataset;
	/** Trials a network sent whole may have (the request's pageStudies.keep; none when absent). */
	keep: number;
	/** The last network built with other node choices, kept for the questions that follow about it. */
	built: { key: string; network: OutcomeNetwork } | null;
} | null = null;

/** Texts of the next data's tables, sent before them in pieces. */
const texts = new TextPieces();

/** Requests that arrive while one is computed are coalesced: only the newest is answered. */
scope.onmessage = (event) => {
	const req = event.data;
	if (req.type === 'texts') {
		texts.add(req.key, req.texts);
		return;
	}
	if (req.type === 'bias') {
		bias(req.seq, req.id);
		return;
	}
	if (req.type === 'ask') {
		answer(req.id, req.seq, req.question);
		return;
	}
	if (req.data) {
		const source = req.data;
		data = datasetOf(
			req.textsApart
				? { ...source, tables: source.tables.map((t, i) => ({ ...t, strings: texts.take(String(i)) })) }
				: source
		);
		texts.clear();
	}
	latest = req;
	setTimeout(run, 0);
};

function run(): void {
	const req = latest;
	if (!req) return;
	latest = null;
	const computed = data;
	try {
		const analyses = buildAnalyses(computed, req.settings);
		const networks = buildNetworks(computed, req.settings);
		const results = evaluateClaims(
			req.claims,
			analyses,
			req.view,
			networks,
			timeCourseData(computed, req.settings)
		);
		const cap = req.pageStudies;
		const shown = cap ? analyses.map((a) => forPage(a, cap, req.settings.excluded)) : analyses;
		for (const [index, { studies, ...analysis }] of shown.entries()) {
			post({ type: 'analysis', seq: req.seq, analysis });
			for (let from = 0; from < studies.length; from += STUDY_SLICE)
				post({ type: 'studies', seq: req.seq, index, studies: studies.slice(from, from + STUDY_SLICE) });
		}
		answered = {
			seq: req.seq,
			analyses,
			results,
			networks,
			settings: req.settings,
			data: computed,
			keep: cap?.keep ?? Infinity,
			built: null
		};
		post({
			type: 'done',
			seq: req.seq,
			results: results.map((r) => ({
				...r,
				analyses: r.analyses.map((a) => a.id),
				...(cap && r.timeCourse ? { timeCourse: timeCourseForPage(r.timeCourse, req.maxTrialMarks) } : {})
			})),
			network: evidenceNetwork(computed),
			...(shown.some((a) => a.summary)
				? { networks: [], networksHeld: true, analysed: [...analysedTrials(analyses)] }
				: { networks })
		});
	} catch (e) {
		post({ type: 'failed', seq: req.seq, message: (e as Error)?.message ?? String(e) });
	}
}

/** Answers a question about an answer already replaced with silence: the page asks again about the newer one. */
function bias(seq: number, id: string): void {
	if (answered?.seq !== seq) return;
	const a = answered.analyses.find((x) => x.id === id);
	if (!a) return;
	try {
		post({ type: 'bias', seq, id, checks: biasChecks(a), message: null });
	} catch (e) {
		post({ type: 'bias', seq, id, checks: null, message: (e as Error)?.message ?? String(e) });
	}
}

/** Answers a question about the full analyses of answer `seq` (a newer answer replaces them: the page asks again). */
function answer(id: number, seq: number, q: Question): void {
	const a = answered;
	try {
		if (a?.seq !== seq) throw new Error('the analyses were replaced by newer ones');
		post({ type: 'answer', id, value: reply(a, q), message: null });
	} catch (e) {
		post({ type: 'answer', id, value: null, message: (e as Error)?.message ?? String(e) });
	}
}

function reply(a: NonNullable<typeof answered>, q: Question): unknown {
	switch (q.kind) {
		case 'leftOut':
			return leftOutRows(a.data, a.analyses, q.limit);
		case 'frequencies':
			return naturalFrequencies(a.analyses, q.outcome, q.population, q.windows);
		case 'network': {
			const network = networkOf(a, q);
			return network && networkForPage(network, a.keep);
		}
		case 'networkCertainty': {
			const network = networkOf(a, q);
			const fit = network?.analysis?.components[0];
			return network && fit ? networkCertainty(network, fit, q.mid) : [];
		}
		case 'bundle':
			return reproducibleBundle(q.controls, a.settings, a.analyses, a.results, a.data, a.networks);
	}
}

/** The network a question is about: one of the answer's, or built with other node choices (the last kept). */
function networkOf(a: NonNullable<typeof answered>, q: NetworkQuestion): OutcomeNetwork | null {
	if (!q.nodes) return findNetwork(a.networks, q.outcome, q.population, q.window);
	const key = JSON.stringify([q.outcome, q.population, q.window, q.nodes]);
	if (a.built?.key !== key)
		a.built = { key, network: buildNetwork(a.data, a.settings, q.outcome, q.population, q.window, q.nodes) };
	return a.built.network;
}
