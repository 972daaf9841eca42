import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAnalyses } from '$lib/evidence/analyses';
import { CERTAINTY_LEVELS } from '$lib/evidence/certainty';
import type { ClaimView } from '$lib/evidence/claim-context';
import { bundledClaims } from '$lib/evidence/claims';
import { evaluateClaim } from '$lib/evidence/evaluate';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '$lib/evidence/types';
import { verdictBasis } from '$lib/evidence/verdicts';
import { trial } from './factory';

const VIEW: ClaimView = { mids: { MD: 15, SMD: 0.5, RR: 1.25, OR: 1.25, RD: 0.05 } };
const claim = (id: string) => bundledClaims.claims.find((c) => c.id === id)!;
const rank = (level: string | undefined) =>
	CERTAINTY_LEVELS.indexOf(level as (typeof CERTAINTY_LEVELS)[number]);

/** Trials of real vs sham: per trial a difference of means, an SD and an arm size. */
const trials = fc.array(
	fc.record({
		d: fc.double({ min: -20, max: 20, noNaN: true }),
		sd: fc.double({ min: 5, max: 40, noNaN: true }),
		n: fc.integer({ min: 10, max: 400 })
	}),
	{ minLength: 2, maxLength: 6 }
);

function evaluate(rows: ReturnType<typeof trial>, test: AnalysisSettings['test'], id: string) {
	const analyses = buildAnalyses({ trials: rows, contrasts: [] }, { ...DEFAULT_SETTINGS, test });
	return evaluateClaim(claim(id), analyses, VIEW);
}

describe('switching the CI method never makes a verdict stronger than the Wald result', () => {
	it.each(['sham-as-good', 'backed-by-study'])(
		'%s: Hartung-Knapp (verdicts read the ad hoc result)',
		(id) => {
			fc.assert(
				fc.property(trials, (ts) => {
					const rows = ts.flatMap((t, i) =>
						trial(`t${i}`, 'acupuncture', 'sham', -20 + t.d, -20, { n: t.n, sd: t.sd })
					);
					const wald = evaluate(rows, 'z', id);
					for (const test of ['knha', 'adhoc'] as const) {
						const hk = evaluate(rows, test, id);
						const w = verdictBasis(wald.analyses[0]!)!;
						const h = verdictBasis(hk.analyses[0]!)!;
						// The interval the verdict reads contains the Wald interval...
						expect(h.ci.lower).toBeLessThanOrEqual(w.ci.lower + 1e-9);
						expect(h.ci.upper).toBeGreaterThanOrEqual(w.ci.upper - 1e-9);
						// ...so an undecided Wald verdict stays undecided, and certainty is never higher.
						if (wald.verdict === 'inconclusive') expect(hk.verdict).toBe('inconclusive');
						expect(rank(hk.certainty?.level)).toBeGreaterThanOrEqual(rank(wald.certainty?.level));
					}
				}),
				{ numRuns: 150 }
			);
		}
	);

	it('plain Hartung-Knapp alone would narrow the interval when Q < k - 1 (why verdicts use the ad hoc result)', () => {
		// Three trials with nearly identical effects: Q is far below k - 1.
		const rows = [-5, -5.1, -4.9].flatMap((d, i) =>
			trial(`q${i}`, 'acupuncture', 'sham', -20 + d, -20, { n: 100, sd: 20 })
		);
		const z = buildAnalyses({ trials: rows, contrasts: [] }, { ...DEFAULT_SETTINGS, test: 'z' })[0]!;
		const hk = buildAnalyses({ trials: rows, contrasts: [] }, { ...DEFAULT_SETTINGS, test: 'knha' })[0]!;
		const width = (r: { ci: { lower: number; upper: number } }) => r.ci.upper - r.ci.lower;
		expect(width(hk.result!)).toBeLessThan(width(z.result!));
		expect(width(hk.verdictResult!)).toBeGreaterThan(width(z.result!));
	});
});
