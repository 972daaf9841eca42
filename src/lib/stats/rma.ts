/**
 * Random- and common-effect meta-analysis without moderators: metafor's `rma.uni(yi, vi, method, test, level)`
 * together with `predict()` (prediction interval) and `weights()` (percent weights).
 * Prediction interval: estimate +/- crit sqrt(se^2 + tau2), crit = qnorm(1 - alpha/2) for z and
 * qt(1 - alpha/2, k - 1) for knha (metafor `predict.rma`, default pi.type).
 * Source: metafor `?rma.uni`, `?predict.rma`, `?weights.rma.uni`; Riley, Higgins & Deeks (2011), BMJ 342:d549.
 */
import { fitModel } from './fit';
import type { RmaOptions, RmaResult } from './types';

/**
 * Pools effects yi with sampling variances vi.
 * @example
 * // BCG vaccine trials (dat.bcg), log risk ratios, REML (Viechtbauer 2010, J Stat Softw 36(3)):
 * rma(yi, vi) // { estimate: -0.7145, se: 0.1798, ci: { lower: -1.0669, upper: -0.3622 },
 * //               pi: { lower: -1.8667, upper: 0.4376 }, tau2: 0.3132, tau2_se: 0.1664, i2: 92.22,
 * //               h2: 12.86, q: 152.2330, q_df: 12, ... }
 */
export function rma(yi: ArrayLike<number>, vi: ArrayLike<number>, options: RmaOptions = {}): RmaResult {
	const m = fitModel(yi, vi, undefined, options);
	const c = m.coefficients[0]!;
	const half = m.crit * Math.sqrt(c.se * c.se + m.tau2);
	let sw = 0;
	for (let i = 0; i < m.k; i++) sw += m.w[i]!;
	const weights = Array.from(m.w, (w) => (100 * w) / sw);
	return {
		k: m.k,
		method: m.method,
		requested: m.requested,
		test: m.test,
		level: m.level,
		estimate: c.estimate,
		se: c.se,
		statistic: c.statistic,
		df: m.df,
		p: c.p,
		ci: c.ci,
		pi: { lower: c.estimate - half, upper: c.estimate + half },
		tau2: m.tau2,
		tau2_se: m.tau2_se,
		i2: m.i2,
		h2: m.h2,
		q: m.q,
		q_df: m.q_df,
		q_p: m.q_p,
		weights,
		notes: m.notes
	};
}
