import { eggerFor } from './sensitivity';
import {
	DOMINANT_WEIGHT,
	EGGER_P,
	I2_INCONSISTENT,
	MIN_K_CONSISTENCY,
	MIN_K_SMALL_STUDY,
	OIS_PARTICIPANTS,
	ROB_SHARE
} from './thresholds';
import { CERTAINTY_LEVELS, type Certainty } from './certainty-levels';
import type { Analysis } from './types';
import type { Oriented } from './verdicts';

export { CERTAINTY_LEVELS, type Certainty };

export type Domain = 'risk of bias' | 'inconsistency' | 'imprecision' | 'small-study bias' | 'indirectness';

/**
 * One GRADE-style rule as applied: how many levels it took off (0 = checked, no concern) and why. `assessable`
 * is false when the data cannot answer the domain's question (one trial, one dominant trial, too few trials):
 * shown as "not assessable", which is a reason, never a pass.
 */
export interface Rule {
	domain: Domain;
	levels: number;
	reason: string;
	assessable?: boolean;
}

export interface CertaintyRating {
	level: Certainty;
	rules: Rule[];
}

export * from './thresholds';

const pct = (x: number) => `${Math.round(100 * x)}%`;

/**
 * Risk of bias (RoB 2 overall judgements, weighted by each trial's share of the pooled result): more than half the
 * weight from trials at high risk, with some concerns, or not assessed costs one level; more than half from trials
 * at high risk costs two (GRADE: "very serious" limitations).
 */
export function riskOfBiasRule(a: Analysis): Rule {
	const used = a.studies.filter((s) => !s.excluded);
	const share = (f: (s: (typeof used)[number]) => boolean) =>
		used.filter(f).reduce((t, s) => t + (s.weight ?? 0), 0) / 100;
	const high = share((s) => s.rob === 'high');
	const some = share((s) => s.rob === 'some');
	const unknown = share((s) => s.rob === null);
	const parts = `high risk ${pct(high)}, some concerns ${pct(some)}, not assessed ${pct(unknown)}, low risk ${pct(1 - high - some - unknown)} of the weight`;
	if (high > ROB_SHARE)
		return {
			domain: 'risk of bias',
			levels: 2,
			reason: `Most of the weight comes from trials at high risk of bias (${parts}).`
		};
	if (high + some + unknown > ROB_SHARE)
		return {
			domain: 'risk of bias',
			levels: 1,
			reason: `Most of the weight comes from trials at high risk of bias, with some concerns or not assessed (${parts}).`
		};
	return {
		domain: 'risk of bias',
		levels: 0,
		reason: `Most of the weight comes from trials at low risk of bias (${parts}).`
	};
}

/** The largest share of the weight one trial carries (0-1). */
export function largestWeight(a: Analysis): number {
	// A loop, not Math.max(...): tens of thousands of arguments overflow a worker's stack.
	let max = 0;
	for (const s of a.studies) if (!s.excluded) max = Math.max(max, (s.weight ?? 0) / 100);
	return max;
}

/**
 * Inconsistency: with fewer than MIN_K_CONSISTENCY trials, or one trial carrying more than DOMINANT_WEIGHT of the
 * weight, whether the effect replicates cannot be judged: not assessable, and one level down (the result rests on
 * one or two trials whose agreement tells little). Otherwise I^2 >= I2_INCONSISTENT costs one level.
 */
export function inconsistencyRule(a: Analysis): Rule {
	const r = a.result!;
	const top = largestWeight(a);
	if (r.k < MIN_K_CONSISTENCY || top > DOMINANT_WEIGHT)
		return {
			domain: 'inconsistency',
			levels: 1,
			assessable: false,
			reason:
				r.k < MIN_K_CONSISTENCY
					? `Not assessable: ${r.k === 1 ? 'a single trial' : `only ${r.k} trials`}, so whether the effect replicates is unknown.`
					: `Not assessable: one trial carries ${pct(top)} of the weight, so whether the effect replicates is unknown.`
		};
	if (r.i2 >= I2_INCONSISTENT)
		return {
			domain: 'inconsistency',
			levels: 1,
			reason: `The trials disagree more than chance explains (I² = ${r.i2.toFixed(0)}%, at least ${I2_INCONSISTENT}%).`
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
	// For equivalence `o` is the 90% CI and `mid` the equivalence margin (two one-sided tests).
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
				? 'the 90% confidence interval reaches past the equivalence margin'
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

/**
 * Small-study bias: Egger-type test (metafor regtest) when there are at least MIN_K_SMALL_STUDY trials; p < EGGER_P
 * costs a level. With fewer trials it is not assessable: said as such (publication bias cannot be ruled out),
 * without a downgrade, as GRADE rates it "undetected" rather than "absent".
 */
export function smallStudyRule(a: Analysis): Rule {
	const used = a.studies.filter((s) => !s.excluded);
	if (used.length < MIN_K_SMALL_STUDY)
		return {
			domain: 'small-study bias',
			levels: 0,
			assessable: false,
			reason: `Not assessable with ${used.length} trial${used.length === 1 ? '' : 's'} (at least ${MIN_K_SMALL_STUDY} needed): small-study or publication bias cannot be ruled out.`
		};
	// The same test as the funnel panel: the analysis's own estimator and test, a reason instead of a throw.
	const e = eggerFor(a);
	if (!('result' in e))
		return {
			domain: 'small-study bias',
			levels: 0,
			assessable: false,
			reason: `Not assessable: ${e.reason}.`
		};
	const t = e.result;
	if (t.p < EGGER_P)
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
