/** Computes the build-time statistics of prerendered.ts (run by src/routes/+page.server.ts, never on the page). */
import type { Dataset } from '$lib/data/types';
import { buildAnalyses } from './analyses';
import type { Claim } from './claims';
import type { ClaimView } from './claim-context';
import { evaluateClaims } from './evaluate';
import { timeCourseData } from './time-points';
import { evidenceNetwork } from './network';
import { midOnAnalysisScale } from './mid';
import { buildNetworks } from './network-analysis';
import { networkCertainty, studyShares } from './network-certainty';
import { prerenderKey, type Prerendered } from './prerendered';
import { splitByShamType } from './subgroups';
import type { AnalysisSettings } from './types';

/** Every statistic the page shows first, as the session would compute it on the page. */
export function prerender(
	data: Dataset,
	claims: Claim[],
	settings: AnalysisSettings,
	view: ClaimView
): Prerendered {
	const analyses = buildAnalyses(data, settings);
	const networks = buildNetworks(data, settings);
	const results = evaluateClaims(claims, analyses, view, networks, timeCourseData(data, settings));
	const splits = Object.fromEntries(
		results
			.filter((r) => r.claim.kind === 'subgroup' && r.analyses[0])
			.map((r) => [r.claim.id, splitByShamType(r.analyses[0]!)])
	);
	const certainty: Prerendered['networkCertainty'] = {};
	for (const n of networks) {
		const fit = n.analysis?.components[0];
		if (!fit) continue;
		const mid = midOnAnalysisScale(n.measure, view.mids[n.measure]);
		certainty[n.id] = {
			mid,
			rows: networkCertainty(n, fit, mid),
			shares: Object.fromEntries(
				fit.side.map((s) => [
					`${s.treatment}|${s.comparator}`,
					studyShares(fit, n, s.treatment, s.comparator)
				])
			)
		};
	}
	return {
		key: prerenderKey(settings, view),
		analyses,
		results,
		network: evidenceNetwork(data),
		networks,
		splits,
		networkCertainty: certainty
	};
}
