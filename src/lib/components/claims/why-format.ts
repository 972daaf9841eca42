import type { RmaResult } from '$lib/stats/types';

/** "random effects (REML), Wald z intervals": the estimator and test of a pooled result, in words. */
export function estimatorLabel(r: RmaResult): string {
	const names = {
		REML: 'random effects (REML)',
		DL: 'random effects (DerSimonian-Laird)',
		PM: 'random effects (Paule-Mandel)',
		FE: 'common effect (inverse variance)'
	};
	return `${names[r.method]}, ${r.test === 'adhoc' ? 'Hartung-Knapp t (ad hoc corrected)' : r.test === 'knha' ? 'Hartung-Knapp t' : 'Wald z'} intervals`;
}
