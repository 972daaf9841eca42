/**
 * Heterogeneity statistics as metafor's `rma.uni`: Cochran's Q = sum (yi - fit_FE)^2 / vi with k - p df and its
 * upper-tail chi-square p-value; I^2 and H^2 from tau^2 with the "typical" within-study variance
 * vt = (k - p) / tr(P), P at weights 1/vi (for an intercept only vt = (k-1) sum w / ((sum w)^2 - sum w^2)):
 * I^2 = 100 tau2 / (vt + tau2), H^2 = tau2 / vt + 1. For a common-effect model I^2 = max(0, 100 (Q - df) / Q)
 * and H^2 = Q / df. With k <= p: Q = 0, p = 1, I^2 = 0, H^2 = 1.
 * Source: metafor `rma.uni` source and `?print.rma.uni`; Higgins & Thompson (2002), Stat Med 21:1539-1558.
 */
import { pchisq } from './distributions';
import { inverseVarianceWeights, wls } from './wls';

export interface Heterogeneity {
	q: number;
	q_df: number;
	q_p: number;
	i2: number;
	h2: number;
	/** Typical within-study variance (0 when k <= p). */
	vt: number;
}

/**
 * @example
 * // BCG vaccine trials, log RR, REML tau2 = 0.3132: Q(12) = 152.23, I2 = 92.22%, H2 = 12.86
 * heterogeneity(yi, vi, 0.3132433, false)
 */
export function heterogeneity(
	yi: ArrayLike<number>,
	vi: ArrayLike<number>,
	tau2: number,
	commonEffect: boolean,
	xi?: ArrayLike<number>
): Heterogeneity {
	const k = yi.length;
	const p = xi ? 2 : 1;
	if (k <= p) return { q: 0, q_df: 0, q_p: 1, i2: 0, h2: 1, vt: 0 };
	const df = k - p;
	const fe = wls(yi, inverseVarianceWeights(vi, 0), xi);
	const q = Math.max(0, fe.rss);
	const vt = df / fe.trP;
	const i2 = commonEffect ? Math.max(0, (100 * (q - df)) / q) : (100 * tau2) / (vt + tau2);
	const h2 = commonEffect ? q / df : tau2 / vt + 1;
	return { q, q_df: df, q_p: pchisq(q, df, false), i2, h2, vt };
}
