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
	const r = a.result;
	if (!r) return null;
	if (a.measure === 'MD' || a.measure === 'SMD')
		return { est: -r.estimate, lower: -r.ci.upper, upper: -r.ci.lower };
	return { est: r.estimate, lower: r.ci.lower, upper: r.ci.upper };
}

/**
 * "X is better than Y" (DESIGN.md section 5): a CI wholly above 0 supports it (partly when the estimate is below
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
 * "X performs as well as Y", an equivalence question: the CI wholly inside +/- MID supports it; a CI wholly
 * beyond the MID on one side contradicts it; a CI that excludes 0 is a clear difference (partly supported when
 * the estimate is smaller than the MID, not supported otherwise); a CI that includes 0 but reaches past the
 * MID is inconclusive: "no significant difference" is not evidence of equivalence.
 */
export function equivalenceVerdict(o: Oriented | null, mid: number): Verdict {
	if (!o) return 'no trial data';
	if (o.lower > -mid && o.upper < mid) return 'supported';
	if (o.lower >= mid || o.upper <= -mid) return 'contradicted';
	if (o.lower > 0 || o.upper < 0) return Math.abs(o.est) < mid ? 'partly supported' : 'not supported';
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
