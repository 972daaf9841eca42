import type { Outcome } from '$lib/data/schema';
import type { ClaimView } from './claim-context';
import type { Claim, ClaimTest } from './claims';

/** The claim's test with the page's controls applied. */
export function effectiveTest(claim: Claim, view: ClaimView): ClaimTest | null {
	const t = claim.test;
	if (!claim.testable || !t) return null;
	if (t.outcome === 'adverse_events') return t;
	return {
		...t,
		outcome: (view.outcome ?? t.outcome) as Outcome,
		population: t.population === 'chronic' && view.population ? view.population : t.population,
		window: t.window === 'all' || !view.window ? t.window : view.window
	};
}
