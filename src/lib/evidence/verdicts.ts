import { intervalAtLevel } from '$lib/stats/interval';
import type { RmaResult } from '$lib/stats/types';
import type { Analysis } from './types';

export const VERDICTS = [
	'supported',
	'partly supported',
	'not supported',
	'contradicted',
	'inconclusive',
	'no trial data',
	'not testable'
] as const;
export type Verdict = (typeof VERDICTS)[number];

/** An estimate and CI on a scale where positive means the treatment is better (or, for harms, worse). */
export interface Oriented {
	est: number;
	lower: number;
	upper: number;
}

/**
 * The pooled result turned so that positive favours the treatment: continuous effects are negated (negative
 * favours the treatment in the data), log ratios of responders kept; for adverse events positive = more harm.
 */
export function oriented(a: Analysis): Oriented | null {
	const r = verdictBasis(a);
	return r ? orient(a, r.estimate, r.ci) : null;
}

/** The result verdicts read: the ad hoc corrected one when plain Hartung-Knapp was chosen, else the result. */
export function verdictBasis(a: Analysis): RmaResult | null {
	return a.verdictResult ?? a.result;
}

function orient(a: Analysis, est: number, ci: { lower: number; upper: number }): Oriented {
	if (a.measure === 'MD' || a.measure === 'SMD') return { est: -est, lower: -ci.upper, upper: -ci.lower };
	return { est, lower: ci.lower, upper: ci.upper };
}

/** Level of the interval of two one-sided tests at alpha = 0.05 each (Schuirmann 1987). */
export const TOST_LEVEL = 90;

/** The oriented 90% CI of the verdict basis (same estimator and test), for two one-sided tests of equivalence. */
export function oriented90(a: Analysis): Oriented | null {
	const r = verdictBasis(a);
	return r ? orient(a, r.estimate, intervalAtLevel(r, TOST_LEVEL)) : null;
}

/**
 * The smallest equivalence margin at which two one-sided tests would conclude equivalence: max(|lower|, |upper|)
 * of the 90% CI (equivalence needs the interval strictly inside +/- margin, so any margin above this).
 */
export function smallestMargin(o90: Oriented): number {
	return Math.max(Math.abs(o90.lower), Math.abs(o90.upper));
}

/**
 * "X is better than Y" (docs/ARCHITECTURE.md section 5.1): a CI wholly above 0 supports it (partly when the estimate is below
 * the MID); wholly below 0 contradicts it; a CI inside +/- MID shows no important effect (not supported);
 * anything else is inconclusive. `mid` is positive, on the oriented scale.
 */
export function superiorityVerdict(o: Oriented | null, mid: number): Verdict {
	if (!o) return 'no trial data';
	if (o.lower > 0) return o.est >= mid ? 'supported' : 'partly supported';
	if (o.upper < 0) return 'contradicted';
	if (o.lower > -mid && o.upper < mid) return 'not supported';
	return 'inconclusive';
}

/**
 * "X performs as well as Y", an equivalence question answered with two one-sided tests (Schuirmann 1987;
 * Lakens 2017): equivalent when the 90% CI lies strictly inside +/- margin. Then `supported` when the 95% CI also
 * includes 0, and `partly supported` when it excludes 0 (one is slightly but clearly better, by less than the
 * margin: both are said). A 95% CI wholly beyond the margin contradicts it; a 95% CI that excludes 0 without
 * equivalence is `not supported`; anything else is inconclusive: "no significant difference" is never
 * evidence of equivalence. `margin` is positive, on the oriented scale.
 */
export function equivalenceVerdict(o95: Oriented | null, o90: Oriented | null, margin: number): Verdict {
	if (!o95 || !o90) return 'no trial data';
	const differs = o95.lower > 0 || o95.upper < 0;
	if (o90.lower > -margin && o90.upper < margin) return differs ? 'partly supported' : 'supported';
	if (o95.lower >= margin || o95.upper <= -margin) return 'contradicted';
	if (differs) return 'not supported';
	return 'inconclusive';
}

/**
 * "It is safe", on the harm scale (log RR, positive = more adverse events): no important excess (CI upper bound
 * below the harm threshold) supports it; a clear excess only partly supports it (more, usually minor, events);
 * otherwise the trials are too imprecise to say.
 */
export function safetyVerdict(o: Oriented | null, harm: number): Verdict {
	if (!o) return 'no trial data';
	if (o.lower > 0) return 'partly supported';
	if (o.upper < harm) return 'supported';
	return 'inconclusive';
}

const POSITIVE: Verdict[] = ['supported', 'partly supported'];

/** A claim that needs two comparisons to hold ("both real and sham beat no therapy"). */
export function bothVerdict(a: Verdict, b: Verdict): Verdict {
	if (a === b) return a;
	if (POSITIVE.includes(a) || POSITIVE.includes(b)) return 'partly supported';
	if (a === 'no trial data') return b;
	if (b === 'no trial data') return a;
	if (a === 'contradicted' || b === 'contradicted') return 'contradicted';
	return 'inconclusive';
}
