/**
 * Subgroup analysis: a separate model per subgroup (each with its own tau^2) and the test for subgroup
 * differences Q_between = sum_g w_g (theta_g - theta_FE)^2, w_g = 1/se_g^2, theta_FE = sum w_g theta_g / sum w_g,
 * referred to chi-square with G - 1 degrees of freedom. This is the Q statistic of a common-effect model of the
 * subgroup estimates with their standard errors, i.e. metafor `rma(yi = est, sei = se, method = "FE")$QE`.
 * Source: Borenstein et al. (2009), Introduction to Meta-Analysis, ch. 19; Cochrane Handbook 10.11.3.1.
 */
import { rma } from './rma';
import type { RmaOptions, RmaResult } from './types';

export interface Subgroup {
	name: string;
	/** Indices (input order) of the studies in the subgroup. */
	indices: number[];
	result: RmaResult;
}

export interface SubgroupAnalysis {
	/** Subgroups in order of first appearance. */
	groups: Subgroup[];
	/** Test for subgroup differences. */
	q_between: number;
	df: number;
	p: number;
}

/**
 * @example
 * // BCG vaccine trials by allocation (random / alternate / systematic), REML per subgroup:
 * subgroup(yi, vi, alloc) // { q_between: 1.8614, df: 2, p: 0.3943, groups: [...] }
 */
export function subgroup(
	yi: ArrayLike<number>,
	vi: ArrayLike<number>,
	group: ArrayLike<string>,
	options: RmaOptions = {}
): SubgroupAnalysis {
	if (group.length !== yi.length) throw new RangeError('group must have one label per study');
	const members = new Map<string, number[]>();
	for (let i = 0; i < group.length; i++) {
		const list = members.get(group[i]!) ?? [];
		list.push(i);
		members.set(group[i]!, list);
	}
	const groups = [...members].map(([name, indices]) => ({
		name,
		indices,
		result: rma(
			indices.map((i) => yi[i]!),
			indices.map((i) => vi[i]!),
			options
		)
	}));
	const between = rma(
		groups.map((g) => g.result.estimate),
		groups.map((g) => g.result.se ** 2),
		{ method: 'FE' }
	);
	return { groups, q_between: between.q, df: between.q_df, p: between.q_p };
}
