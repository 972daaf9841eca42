/**
 * The statistics of the bundled data under the default controls, computed at build time (src/routes/+page.server.ts)
 * and shipped with the prerendered page, so that hydration shows them without running the engine: the page
 * recomputes only when a control or the data change (docs/ARCHITECTURE.md section 10.2).
 */
import type { Dataset } from '$lib/data/types';
import { buildAnalyses } from './analyses';
import type { Claim } from './claims';
import type { ClaimResult, ClaimView } from './claim-context';
import { evaluateClaims } from './evaluate';
import { evidenceNetwork, type NetworkData } from './network';
import { buildNetworks, type OutcomeNetwork } from './network-analysis';
import { timeCourseData } from './time-points';
import { claimTimeSeries, type TimeSeriesData } from './time-series';
import type { Analysis, AnalysisSettings } from './types';

export interface Prerendered {
	/** Which settings and claim view the numbers are for (prerenderKey). */
	key: string;
	analyses: Analysis[];
	results: ClaimResult[];
	network: NetworkData;
	/** The network meta-analyses the claims quote. */
	networks: OutcomeNetwork[];
	/** Each claim's time course, by claim id. */
	series: Record<string, TimeSeriesData[]>;
}

/** Identifies the settings and claim view a set of results was computed for. */
export function prerenderKey(settings: AnalysisSettings, view: ClaimView): string {
	return JSON.stringify([settings, view]);
}

/** Every statistic the page shows first, as the session would compute it on the page. */
export function prerender(
	data: Dataset,
	claims: Claim[],
	settings: AnalysisSettings,
	view: ClaimView,
	maxTrialMarks: number
): Prerendered {
	const analyses = buildAnalyses(data, settings);
	const networks = buildNetworks(data, settings);
	const results = evaluateClaims(claims, analyses, view, networks, timeCourseData(data, settings));
	const series = Object.fromEntries(
		results.map((r) => [r.claim.id, claimTimeSeries(r.claim, analyses, view, maxTrialMarks)])
	);
	return {
		key: prerenderKey(settings, view),
		analyses,
		results,
		network: evidenceNetwork(data),
		networks,
		series
	};
}
