import { rma, zCrit } from '$lib/stats';
import type { ShamType } from '$lib/data/schema';
import type { Claim, ClaimTest } from './claims';
import {
	certaintyOf,
	findAnalysis,
	midFor,
	NO_DATA,
	type ClaimResult,
	type ClaimView
} from './claim-context';
import { capitalise, describeEffect } from './describe';
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
	non_penetrating: 'non-penetrating sham (no skin penetration)'
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

/**
 * "A good sham is hard to design": if the kind of sham matters, real-vs-sham differs between penetrating and
 * non-penetrating shams. A subgroup difference with p < 0.05 supports it; a difference whose CI lies within
 * +/- MID speaks against it; otherwise (the usual case with few trials) the test is inconclusive.
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
			sentence: `${capitalise(describeEffect(a))}. ${k === 1 ? 'The trial' : `All ${k} trials`} used ${present.length ? `a ${present.join(' or ')}` : 'an unrecorded type of'} sham, so the two kinds of sham cannot be compared.`,
			analyses: [a],
			extra: {}
		};
	}
	const [g1, g2] = split.groups;
	const d = g1!.analysis.result!.estimate - g2!.analysis.result!.estimate;
	const se = Math.hypot(g1!.analysis.result!.se, g2!.analysis.result!.se);
	const m = midFor(a, view);
	const half = zCrit(a.result!.level) * se;
	const verdict: Verdict =
		split.p < 0.05 ? 'supported' : Math.abs(d) + half < m ? 'not supported' : 'inconclusive';
	const sentence = `Against ${g1!.label}: ${describeEffect(g1!.analysis)}. Against ${g2!.label}: ${describeEffect(g2!.analysis)}. Test for subgroup differences: Q = ${split.q.toFixed(2)}, df = ${split.df}, p = ${split.p.toFixed(3)}.`;
	return {
		claim,
		verdict,
		certainty: certaintyOf(a, view, 'superiority', null),
		sentence,
		analyses: [a, g1!.analysis, g2!.analysis],
		extra: { q: split.q, p: split.p }
	};
}
