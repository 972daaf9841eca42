import type { DataSource } from '$lib/data/merge';
import type { Claim } from './claims';
import type { ClaimResult, ClaimView } from './claim-context';
import type { NetworkData } from './network';
import type { Analysis, AnalysisSettings, StudyEffect } from './types';

/** Main thread -> analysis worker: compute every analysis and claim; `data` only when the data changed. */
export interface AnalysisRequest {
	seq: number;
	data: DataSource | null;
	settings: AnalysisSettings;
	claims: Claim[];
	view: ClaimView;
}

/** A claim result with its analyses named by id (they arrive once, in their own messages). */
export type ClaimResultRef = Omit<ClaimResult, 'analyses'> & { analyses: string[] };

/**
 * Analysis worker -> main thread, in pieces small enough to read within one short task: each analysis without
 * its studies, its studies in slices of STUDY_SLICE, then the claim results and the evidence network.
 */
export type AnalysisMessage =
	| { type: 'analysis'; seq: number; analysis: Omit<Analysis, 'studies'> }
	| { type: 'studies'; seq: number; index: number; studies: StudyEffect[] }
	| { type: 'done'; seq: number; results: ClaimResultRef[]; network: NetworkData }
	| { type: 'failed'; seq: number; message: string };

/** Studies per message: Chromium reads ~500 study objects (about 15,000 values) in ~15 ms on the main thread. */
export const STUDY_SLICE = 500;
