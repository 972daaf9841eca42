import type { DataSource } from '$lib/data/merge';
import type { Claim } from './claims';
import type { ClaimResult, ClaimView } from './claim-context';
import type { NetworkData } from './network';
import type { OutcomeNetwork } from './network-analysis';
import type { BiasChecks } from './sensitivity';
import type { TimeSeriesData } from './time-series';
import type { Analysis, AnalysisSettings, StudyEffect } from './types';

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
}

/** Main thread -> analysis worker: the bias checks of one analysis of answer `seq` (asked when shown). */
export interface BiasRequest {
	type: 'bias';
	seq: number;
	id: string;
}

export type WorkerRequest = AnalysisRequest | BiasRequest;

/** A claim result with its analyses named by id (they arrive once, in their own messages). */
export type ClaimResultRef = Omit<ClaimResult, 'analyses'> & { analyses: string[] };

/**
 * Analysis worker -> main thread, in pieces small enough to read within one short task: each analysis without
 * its studies, its studies in slices of STUDY_SLICE, then the claim results, their time courses (by claim id)
 * and the evidence network; bias checks when asked, with the message that stopped them if they failed.
 */
export type AnalysisMessage =
	| { type: 'analysis'; seq: number; analysis: Omit<Analysis, 'studies'> }
	| { type: 'studies'; seq: number; index: number; studies: StudyEffect[] }
	| {
			type: 'done';
			seq: number;
			results: ClaimResultRef[];
			series: Record<string, TimeSeriesData[]>;
			network: NetworkData;
			networks?: OutcomeNetwork[];
	  }
	| { type: 'bias'; seq: number; id: string; checks: BiasChecks | null; message: string | null }
	| { type: 'failed'; seq: number; message: string };

/** Studies per message: Chromium reads ~500 study objects (about 15,000 values) in ~15 ms on the main thread. */
export const STUDY_SLICE = 500;
