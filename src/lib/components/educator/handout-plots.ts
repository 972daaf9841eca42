/** Which forest plots the printed handout draws: one per analysis, with the claims it decides. */
import type { ClaimResult } from '$lib/evidence/claim-context';
import type { Analysis } from '$lib/evidence/types';

export interface HandoutPlot {
	analysis: Analysis;
	/** 1-based numbers of the claims whose verdict this analysis decides. */
	claims: number[];
}

/**
 * The deciding analysis of every testable claim, each drawn once (claims that share it are listed together), in
 * the order of the first claim that uses it. Analyses with no pooled result are not drawn.
 */
export function handoutPlots(results: readonly ClaimResult[]): HandoutPlot[] {
	const byId = new Map<string, HandoutPlot>();
	results.forEach((r, i) => {
		const a = r.analyses[0];
		if (!r.claim.testable || !a?.result) return;
		const seen = byId.get(a.id);
		if (seen) seen.claims.push(i + 1);
		else byId.set(a.id, { analysis: a, claims: [i + 1] });
	});
	return [...byId.values()];
}
