/**
 * The statistics of the bundled data under the default controls, computed at build time (prerender.ts, run by
 * src/routes/+page.server.ts) and shipped with the prerendered page, so that hydration shows them without running
 * the engine: the page recomputes only when a control or the data change (docs/ARCHITECTURE.md section 10.2).
 * This module holds no engine code: the page imports it.
 */
import type { ClaimResult, ClaimView } from './claim-context';
import type { NetworkData } from './network';
import type { OutcomeNetwork } from './network-analysis';
import type { NetworkCertaintyRow } from './network-certainty';
import type { SubgroupSplit } from './subgroups';
import type { Analysis, AnalysisSettings } from './types';

export interface Prerendered {
	/** Which settings and claim view the numbers are for (prerenderKey). */
	key: string;
	analyses: Analysis[];
	results: ClaimResult[];
	network: NetworkData;
	/** The network meta-analyses the claims quote. */
	networks: OutcomeNetwork[];
	/** The subgroup claims' first analysis split by sham type (the chart shows it), by claim id. */
	splits: Record<string, SubgroupSplit | null>;
	/**
	 * Per network (by id), for its first component: the CINeMA certainty rows at the MID the page uses by default,
	 * and each SIDE comparison's study shares (by "treatment|comparator").
	 */
	networkCertainty: Record<
		string,
		{ mid: number; rows: NetworkCertaintyRow[]; shares: Record<string, StudyShare[]> }
	>;
}

/** One study's share of a network estimate (network-certainty.ts studyShares). */
export interface StudyShare {
	key: string;
	label: string;
	share: number;
}

/** Identifies the settings and claim view a set of results was computed for. */
export function prerenderKey(settings: AnalysisSettings, view: ClaimView): string {
	return JSON.stringify([settings, view]);
}
