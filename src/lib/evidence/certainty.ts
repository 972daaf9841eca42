import { regtest } from '$lib/stats';
import type { Analysis } from './types';
import type { Oriented } from './verdicts';

export const CERTAINTY_LEVELS = ['high', 'moderate', 'low', 'very low'] as const;
export type Certainty = (typeof CERTAINTY_LEVELS)[number];

export type Domain = 'risk of bias' | 'inconsistency' | 'imprecision' | 'small-study bias' | 'indirectness';

/** One GRADE-style rule as applied: how many levels it took off (0 = checked, no concern) and why. */
export interface Rule {
	domain: Domain;
	levels: number;
	reason: string;
}

export interface CertaintyRating {
	level: Certainty;
	rules: Rule[];
}

/** Participants below which a pooled continuous (binary) result is imprecise (GRADE optimal information size). */
export const OIS_PARTICIPANTS = 400;
/** Studies needed before small-study bias can be tested (Cochrane Handbook 13.3.5.4). */
export const MIN_K_SMALL_STUDY = 10;

const pct = (x: number) => `${Math.round(100 * x)}%`;

/** Risk of bias: more than half the weight from trials at high risk or never assessed costs one level. */
export function riskOfBiasRule(a: Analysis): Rule {
	const used = a.studies.filter((s) => !s.excluded);
	const share = (f: (s: (typeof used)[number]) => boolean) =>
		used.filter(f).reduce((t, s) => t + (s.weight ?? 0), 0) / 100;
	const high = share((s) => s.rob === 'high');
	const unknown = share((s) => s.rob === null);
	if (high + unknown > 0.5)
		return {
			domain: 'risk of bias',
			levels: 1,
			reason: `${pct(high + unknown)} of the weight comes from trials at high risk of bias (${pct(high)}) or without a published risk-of-bias assessment (${pct(unknown)}).`
		};
	return {
		domain: 'risk of bias',
		levels: 0,
		reason: `${pct(1 - high - unknown)} of the weight comes from trials at low or some risk of bias.`
	};
}

/** Inconsistency: I^2 of 50% or more with at least two trials costs one level. */
export function inconsistencyRule(a: Analysis): Rule {
	const r = a.result!;
	if (r.k < 2)
		return { domain: 'inconsistency', levels: 0, reason: 'A single trial: consistency cannot be judged.' };
	if (r.i2 >= 50)
		return {
			domain: 'inconsistency',
			levels: 1,
			reason: `The trials disagree more than chance explains (I² = ${r.i2.toFixed(0)}%).`
		};
	return {
		domain: 'inconsistency',
		levels: 0,
		reason: `The trials broadly agree (I² = ${r.i2.toFixed(0)}%).`
	};
}

/**
 * Imprecision: one level when the CI crosses both "no effect" and an important effect (superiority) or reaches
 * past +/- MID (equivalence); one more when the analysis has fewer participants than the optimal information size.
 */
export function imprecisionRule(
	a: Analysis,
	o: Oriented,
	mid: number,
	question: 'superiority' | 'equivalence'
): Rule {
	const n = a.studies.filter((s) => !s.excluded).reduce((t, s) => t + (s.n1 ?? 0) + (s.n2 ?? 0), 0);
	const reasons: string[] = [];
	let levels = 0;
	const wide =
		question === 'equivalence'
			? o.lower <= -mid || o.upper >= mid
			: o.lower < 0 && o.upper > 0 && (o.upper >= mid || o.lower <= -mid);
	if (wide) {
		levels++;
		reasons.push(
			question === 'equivalence'
				? 'the confidence interval reaches past the minimal important difference'
				: 'the confidence interval includes both no effect and an important effect'
		);
	}
	if (n < OIS_PARTICIPANTS) {
		levels++;
		reasons.push(`only ${n} participants (fewer than ${OIS_PARTICIPANTS})`);
	}
	return {
		domain: 'imprecision',
		levels,
		reason: levels
			? `Imprecise: ${reasons.join('; ')}.`
			: `Precise enough: ${n} participants and a confidence interval that answers the question.`
	};
}

/** Small-study bias: Egger-type test (metafor regtest) when there are at least 10 trials; p < 0.10 costs a level. */
export function smallStudyRule(a: Analysis): Rule {
	const used = a.studies.filter((s) => !s.excluded);
	if (used.length < MIN_K_SMALL_STUDY)
		return {
			domain: 'small-study bias',
			levels: 0,
			reason: `Not assessable with ${used.length} trial${used.length === 1 ? '' : 's'} (at least ${MIN_K_SMALL_STUDY} needed).`
		};
	const t = regtest(
		used.map((s) => s.yi),
		used.map((s) => s.vi)
	);
	if (t.p < 0.1)
		return {
			domain: 'small-study bias',
			levels: 1,
			reason: `Smaller trials show larger effects (Egger-type test p = ${t.p.toFixed(3)}).`
		};
	return {
		domain: 'small-study bias',
		levels: 0,
		reason: `No sign of small-study bias (Egger-type test p = ${t.p.toFixed(3)}).`
	};
}

/** Indirectness: evidence that answers a neighbouring question (e.g. usual care standing in for "no therapy"). */
export function indirectnessRule(reason: string | null): Rule {
	return reason
		? { domain: 'indirectness', levels: 1, reason }
		: { domain: 'indirectness', levels: 0, reason: 'The trials compare what the claim compares.' };
}

/** Start at high (randomised trials) and go down one level per level of concern, to very low at most. */
export function rate(rules: Rule[]): CertaintyRating {
	const down = rules.reduce((t, r) => t + r.levels, 0);
	return { level: CERTAINTY_LEVELS[Math.min(down, 3)]!, rules };
}
