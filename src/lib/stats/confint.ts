/**
 * Q-profile confidence intervals for tau^2, tau, I^2 and H^2, as metafor's `confint.rma.uni` with its defaults
 * (type "QP"). The limits solve Q(tau2) = sum (yi - mu(tau2))^2 / (vi + tau2) = chi-square quantiles:
 * lower: Q = qchisq(1 - alpha/2, k - 1), upper: Q = qchisq(alpha/2, k - 1), searched on [0, max(100, 10 tau2)]
 * with R's `uniroot` (tolerance eps^0.25, 1000 iterations). A limit that falls below 0 is set to 0 (and when even
 * the upper limit does, `ciNull` is true: the interval is {0}); a limit beyond the search range is reported as the
 * range end with `'>'`. I^2 and H^2 limits are transformed with the model's typical within-study variance vt.
 * Source: Viechtbauer (2007), Stat Med 26:37-52; metafor `?confint.rma`.
 */
import { alphaFromLevel, qchisq } from './distributions';
import { fitModel } from './fit';
import { qStatistic } from './tau2-pm';
import type { Interval, RmaOptions } from './types';
import { uniroot, UNIROOT_TOL } from './uniroot';

export interface EstimateWithCI {
	estimate: number;
	ci: Interval;
}

export interface ConfintResult {
	tau2: EstimateWithCI;
	tau: EstimateWithCI;
	i2: EstimateWithCI;
	h2: EstimateWithCI;
	/** True when the whole interval is {0} (metafor `ci.null`). */
	ciNull: boolean;
	/** metafor `lb.sign` / `ub.sign`: '<' or '>' when a limit is a search bound, '' otherwise. */
	lowerSign: '' | '<' | '>';
	upperSign: '' | '<' | '>';
}

/**
 * @throws RangeError for common-effect models and k = 1 (metafor stops).
 * @example
 * // BCG, DL model (metafor tests): tau2 0.3088 [0.1197, 1.1115], I2 92.12 [81.92, 97.68]
 * confint(yi, vi, { method: 'DL' }).tau2.ci // { lower: 0.1197, upper: 1.1115 }
 */
export function confint(
	yi: ArrayLike<number>,
	vi: ArrayLike<number>,
	options: RmaOptions = {}
): ConfintResult {
	const m = fitModel(yi, vi, undefined, options);
	if (m.k === 1) throw new RangeError('confint needs k >= 2');
	if (m.method === 'FE') throw new RangeError('a common-effect model has no tau2 to bound');
	const alpha = alphaFromLevel(m.level);
	const df = m.k - 1;
	const critU = qchisq(alpha / 2, df, false);
	const critL = qchisq(alpha / 2, df, true);
	const lo = 0;
	const hi = Math.max(100, 10 * m.tau2);
	const q = (t: number) => qStatistic(yi, vi, t);
	const qMax = q(hi);
	const qMin = q(lo);
	const solve = (target: number) => uniroot((t) => q(t) - target, lo, hi, UNIROOT_TOL, 1000).root;
	// Q(tau2) decreases in tau2: the upper limit solves Q = critL, the lower limit Q = critU (metafor's branches)
	let ciNull = false;
	let upper: number;
	let upperSign: '' | '<' | '>' = '';
	if (qMin < critL) {
		upper = lo;
		upperSign = '<';
		ciNull = true;
	} else if (qMax > critL) {
		upper = hi;
		upperSign = '>';
	} else {
		upper = solve(critL);
	}
	let lower: number;
	let lowerSign: '' | '<' | '>' = '';
	if (qMax > critU) {
		lower = upper = hi;
		lowerSign = upperSign = '>';
	} else if (qMin < critU) {
		lower = lo;
		if (ciNull) lowerSign = '<';
	} else {
		lower = solve(critU);
	}
	const i2 = (t: number) => (100 * t) / (m.vt + t);
	const h2 = (t: number) => t / m.vt + 1;
	return {
		tau2: { estimate: m.tau2, ci: { lower, upper } },
		tau: { estimate: Math.sqrt(m.tau2), ci: { lower: Math.sqrt(lower), upper: Math.sqrt(upper) } },
		i2: { estimate: m.i2, ci: { lower: i2(lower), upper: i2(upper) } },
		h2: { estimate: m.h2, ci: { lower: h2(lower), upper: h2(upper) } },
		ciNull,
		lowerSign,
		upperSign
	};
}
