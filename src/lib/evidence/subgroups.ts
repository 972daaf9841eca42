import { rma, zCrit } from '$lib/stats';
import type { ShamType } from '$lib/data/schema';
import type { Claim, ClaimTest } from './claims';
import {
	certaintyOf,
	findAnalysis,
	marginFor,
	NO_DATA,
	type ClaimResult,
	type ClaimView
} from './claim-context';
import { capitalise, describeEffect, num } from './describe';
import { restrict } from './placebo';
import type { Analysis } from './types';
import type { Verdict } from './verdicts';

export interface SubgroupSplit {
	groups: { key: ShamType; label: string; analysis: Analysis }[];
	/** Test for subgroup differences: Q between groups (common-effect model on the group estimates). */
	q: number;
	df: number;
	p: number;
}

const LABELS: Record<ShamType, string> = {
	penetrating: 'penetrating sham (needles inserted, shallow or off-point)',
	non_penetrating: 'non-penetrating sham (no skin penetration)',
	unclear: 'sham of unreported needle depth'
};

/**
 * Split an analysis by sham type, pool each group with the same estimator, and test the difference between the
 * groups as Q_between = sum w_g (theta_g - theta_bar)^2 with w_g = 1/se_g^2 (Borenstein et al. 2009, ch. 19;
 * metafor: rma(yi = estimates, sei = ses, method = "FE")$QE), df = groups - 1.
 */
export function splitByShamType(a: Analysis): SubgroupSplit | null {
	const groups = (['penetrating', 'non_penetrating'] as const)
		.map((key) => ({
			key,
			label: LABELS[key],
			analysis: restrict(a, new Set(a.studies.filter((s) => s.sham_type === key).map((s) => s.study_id)))
		}))
		.filter((g) => g.analysis.result);
	if (groups.length < 2) return null;
	try {
		const fe = rma(
			groups.map((g) => g.analysis.result!.estimate),
			groups.map((g) => g.analysis.result!.se ** 2),
			{ method: 'FE' }
		);
		return { groups, q: fe.q, df: fe.q_df, p: fe.q_p };
	} catch (e) {
		if (e instanceof RangeError) return null; // a group's SE is 0 or not finite: no test (issue 16)
		throw e;
	}
}

/** Trials each subgroup needs before a difference between subgroups is judged (one trial vs one trial confounds the
 * sham with everything else that differs between two trials). */
export const MIN_K_PER_SUBGROUP = 2;
/** Significance level of the test of interaction (subgroup differences). */
export const INTERACTION_P = 0.05;

/**
 * "A good sham is hard to design": if the kind of sham matters, real-vs-sham differs between penetrating and
 * non-penetrating shams. Judged only with at least MIN_K_PER_SUBGROUP trials in each subgroup, by the test of
 * interaction: p < INTERACTION_P supports it; a difference whose 90% CI lies inside +/- the equivalence margin
 * speaks against it (two one-sided tests: "no significant difference" is never "equal"); otherwise, and whenever
 * a subgroup has fewer trials, the verdict is inconclusive. The difference of the subgroup estimates is shown with
 * its CI and the number of trials in each subgroup.
 */
export function subgroupTest(claim: Claim, all: Analysis[], t: ClaimTest, view: ClaimView): ClaimResult {
	const a = findAnalysis(all, t, t.comparisons[0]!);
	if (!a) return NO_DATA(claim, t);
	const split = splitByShamType(a);
	if (!split) {
		const present = [...new Set(a.studies.map((s) => s.sham_type).filter(Boolean))].map((t) =>
			t!.replace('_', '-')
		);
		const k = a.result!.k;
		return {
			claim,
			verdict: 'inconclusive',
			certainty: null,
			sentence: `${capitalise(describeEffect(a))}. ${k === 1 ? 'The trial' : k === 2 ? 'Both trials' : `All ${k} trials`} used ${present.length ? `a ${present.join(' or ')}` : 'an unrecorded type of'} sham, so the two kinds of sham cannot be compared.`,
			analyses: [a],
			extra: {}
		};
	}
	const [g1, g2] = split.groups;
	const d = g1!.analysis.result!.estimate - g2!.analysis.result!.estimate;
	const se = Math.hypot(g1!.analysis.result!.se, g2!.analysis.result!.se);
	const m = marginFor(a, view);
	const level = a.result!.level;
	const half = zCrit(level) * se;
	const half90 = zCrit(90) * se;
	const k1 = g1!.analysis.result!.k;
	const k2 = g2!.analysis.result!.k;
	const enough = k1 >= MIN_K_PER_SUBGROUP && k2 >= MIN_K_PER_SUBGROUP;
	const verdict: Verdict = !enough
		? 'inconclusive'
		: split.p < INTERACTION_P
			? 'supported'
			: Math.abs(d) + half90 < m
				? 'not supported'
				: 'inconclusive';
	const dText = `${num(d, a.measure)} ${a.measure === 'MD' ? 'points' : a.measure === 'SMD' ? 'SD' : 'on the log scale'} (${level}% CI ${num(d - half, a.measure, true)} to ${num(d + half, a.measure, true)}; ${k1} vs ${k2} trials)`;
	const caveat = enough
		? 'A difference between subgroups of trials is observational: the trials also differ in other ways.'
		: `With fewer than ${MIN_K_PER_SUBGROUP} trials in a subgroup, a difference compares single trials, which differ in much more than the sham, so it cannot be judged.`;
	const sentence = `Against ${g1!.label}: ${describeEffect(g1!.analysis)}. Against ${g2!.label}: ${describeEffect(g2!.analysis)}. Difference between the subgroups: ${dText}; test of interaction Q = ${split.q.toFixed(2)}, df = ${split.df}, p = ${split.p.toFixed(3)}. ${caveat}`;
	return {
		claim,
		verdict,
		certainty: certaintyOf(a, view, 'superiority', null),
		sentence,
		analyses: [a, g1!.analysis, g2!.analysis],
		extra: {
			q: split.q,
			p: split.p,
			difference: d,
			difference_ci_lower: d - half,
			difference_ci_upper: d + half,
			k1,
			k2
		}
	};
}
