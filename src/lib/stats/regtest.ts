/**
 * Regression test for funnel-plot asymmetry with metafor's defaults (`regtest(model = "rma", predictor = "sei")`):
 * the meta-regression yi = b0 + b1 sqrt(vi) + u_i + e_i is fitted with the same tau^2 estimator, test and level as
 * the main model, and b1 is tested (Wald z, or t with k - 2 df under knha). The intercept b0 is the "limit
 * estimate", the effect expected for a study with infinite precision (sei -> 0), with its CI.
 * Source: metafor `?regtest`; Egger et al. (1997), BMJ 315:629-634; Sterne & Egger (2005), in Publication Bias in
 * Meta-Analysis, ch. 6.
 */
import { fitModel } from './fit';
import type { Interval, Method, RmaOptions, TestType } from './types';

export interface RegtestResult {
	k: number;
	/** Estimator actually used for tau^2 in the meta-regression. */
	method: Method;
	test: TestType;
	/** z (or t) statistic of the sei coefficient. */
	statistic: number;
	/** df of the t statistic (knha), null for z. */
	df: number | null;
	p: number;
	/** sei coefficient and its standard error. */
	slope: number;
	slope_se: number;
	/** Residual tau^2 of the meta-regression. */
	tau2: number;
	/** Limit estimate (intercept: the effect as sei -> 0) with its CI. */
	limit: { estimate: number; ci: Interval };
	notes: string[];
}

/**
 * @throws RangeError when k is too small for the model (k < 3 with tau^2, k < 2 for FE), and when every study
 * has (nearly) the same variance: sqrt(vi) is then constant, the slope cannot be told from the intercept and
 * fitModel stops ("the moderator is (nearly) constant"). Callers guard both (src/lib/evidence/sensitivity.ts).
 * @example
 * // BCG vaccine trials (dat.bcg), log risk ratios, REML (metafor regtest(rma(yi, vi))):
 * regtest(yi, vi) // { statistic: -0.8033, p: 0.4218, limit: { estimate: -0.5104, ci: [-1.1182, 0.0974] }, ... }
 */
export function regtest(
	yi: ArrayLike<number>,
	vi: ArrayLike<number>,
	options: RmaOptions = {}
): RegtestResult {
	const sei = Array.from(vi, (v) => Math.sqrt(v));
	const m = fitModel(yi, vi, sei, options);
	const b0 = m.coefficients[0]!;
	const b1 = m.coefficients[1]!;
	return {
		k: m.k,
		method: m.method,
		test: m.test,
		statistic: b1.statistic,
		df: m.df,
		p: b1.p,
		slope: b1.estimate,
		slope_se: b1.se,
		tau2: m.tau2,
		limit: { estimate: b0.estimate, ci: b0.ci },
		notes: m.notes
	};
}
