import type { DataSource } from '$lib/data/merge';
import type { Claim } from './claims';
import type { ClaimResult, ClaimView } from './claim-context';
import type { NetworkData } from './network';
import type { OutcomeNetwork } from './network-analysis';
import type { BiasChecks } from './sensitivity';
import type { PageStudies } from './study-summary';
import type { Outcome, Population } from '$lib/data/schema';
import type { NetworkNodes } from './network-nodes';
import type {
	Analysis,
	AnalysisPopulation,
	AnalysisSettings,
	AnalysisWindow,
	StudyEffect,
	Window
} from './types';

/** Main thread -> analysis worker: compute every analysis and claim; `data` only when the data changed. */
export interface AnalysisRequest {
	type: 'analyse';
	seq: number;
	data: DataSource | null;
	settings: AnalysisSettings;
	claims: Claim[];
	view: ClaimView;
	/** Trial marks a time course may hold before it keeps its pooled points only. */
	maxTrialMarks: number;
	/** Analyses with more studies than the page draws arrive capped, with their summary (none when absent). */
	pageStudies?: PageStudies;
	/** True when `data`'s tables come without their texts, sent before in TextsRequest pieces. */
	textsApart?: boolean;
}

/** Main thread -> analysis worker: a piece of the texts of table `key` (its index) of the next request's data. */
export interface TextsRequest {
	type: 'texts';
	key: string;
	texts: string[];
}

/** Main thread -> analysis worker: the bias checks of one analysis of answer `seq` (asked when shown). */
export interface BiasRequest {
	type: 'bias';
	seq: number;
	id: string;
}

/**
 * What the page asks the worker about the full analyses of answer `seq` when it holds them capped (or the data
 * as typed tables only): the rows no pooled result uses, the download bundle, the patient view's frequencies.
 */
export type Question =
	| { kind: 'leftOut'; limit: number }
	| { kind: 'bundle'; controls: object }
	/**
	 * A network meta-analysis: of the answer's networks (`nodes` null), or built with other node choices; above the
	 * request's `pageStudies.keep` trials without its trial lists (network-held.ts).
	 */
	| ({ kind: 'network' } & NetworkQuestion)
	/** The CINeMA certainty of each comparison of such a network at `mid` (on the analysis scale). */
	| ({ kind: 'networkCertainty'; mid: number } & NetworkQuestion)
	| {
			kind: 'frequencies';
			outcome: 'responder' | 'adverse_events';
			population: AnalysisPopulation;
			windows: AnalysisWindow[];
	  };

/** Which network a question is about. */
export interface NetworkQuestion {
	outcome: Outcome;
	population: Population;
	window: Window;
	nodes: NetworkNodes | null;
}

/** Main thread -> analysis worker: one question (`id` pairs it with its answer). */
export interface AskRequest {
	type: 'ask';
	seq: number;
	id: number;
	question: Question;
}

export type WorkerRequest = AnalysisRequest | TextsRequest | BiasRequest | AskRequest;

/** A claim result with its analyses named by id (they arrive once, in their own messages). */
export type ClaimResultRef = Omit<ClaimResult, 'analyses'> & { analyses: string[] };

/**
 * Analysis worker -> main thread, in pieces small enough to read within one short task: each analysis without
 * its studies (capped as the request's `pageStudies` says, with its summary), its studies in slices of STUDY_SLICE, then the claim results, their time courses (by claim id)
 * and the evidence network; bias checks and answers when asked, with the message that stopped them if they failed.
 */
export type AnalysisMessage =
	| { type: 'analysis'; seq: number; analysis: Omit<Analysis, 'studies'> }
	| { type: 'studies'; seq: number; index: number; studies: StudyEffect[] }
	| {
			type: 'done';
			seq: number;
			results: ClaimResultRef[];
			network: NetworkData;
			networks?: OutcomeNetwork[];
			/** When some analysis arrived capped: the trials in at least one pooled analysis (study-count.ts). */
			analysed?: string[];
			/**
			 * When some analysis arrived capped, `networks` is empty: each network holds every study (tens of MB for a
			 * large upload, and a long task to read), so the page asks for the one it shows (Question 'network').
			 */
			networksHeld?: boolean;
	  }
	| { type: 'bias'; seq: number; id: string; checks: BiasChecks | null; message: string | null }
	| { type: 'answer'; id: number; value: unknown; message: string | null }
	| { type: 'failed'; seq: number; message: string };

/** Studies per message: Chromium reads ~500 study objects (about 15,000 values) in ~15 ms on the main thread. */
export const STUDY_SLICE = 500;
