/**
 * Paule-Mandel estimator of tau^2: the value at which the generalised Q statistic sum w (y - fit)^2, with
 * w = 1/(vi + tau2), equals its expected value k - p. Solved as metafor does: tau2 = 0 when Q(0) < k - p;
 * otherwise R's `uniroot` (Brent) on [0, max(100, 10 mad(yi)^2)] with tolerance eps^0.25 and 100 iterations; no
 * solution (Q still above k - p at the upper end) is reported as non-convergence, and so is a Q that is not
 * finite at an end or inside the search (`failure: 'non-finite'`; metafor's `try(uniroot())` fails the same way).
 * se (metafor): sqrt(2 k^2 / (k - p) / (sum w)^2).
 * Source: Paule & Mandel (1982), J Res Natl Bur Stand 87:377-385; metafor `rma.uni` (method = "PM").
 */
import type { Tau2Estimate } from './tau2-moment';
import { uniroot, UNIROOT_TOL } from './uniroot';
import { inverseVarianceWeights, wls } from './wls';

function median(values: number[]): number {
	const s = [...values].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Median absolute deviation with R's consistency constant 1.4826 (R `mad`).
 * @example mad([1, 2, 3, 4, 100]) // 1.4826
 */
export function mad(x: ArrayLike<number>): number {
	const v = Array.from(x);
	const m = median(v);
	return 1.4826 * median(v.map((y) => Math.abs(y - m)));
}

/**
 * Generalised Q statistic at a given tau^2: sum (yi - fit)^2 / (vi + tau2).
 * @example qStatistic([0, 1], [1, 1], 0) // 0.5
 */
export function qStatistic(
	yi: ArrayLike<number>,
	vi: ArrayLike<number>,
	tau2: number,
	xi?: ArrayLike<number>,
	buffer?: Float64Array
): number {
	return Math.max(0, wls(yi, inverseVarianceWeights(vi, tau2, buffer), xi).rss);
}

/**
 * Paule-Mandel tau^2 (metafor `rma(method = "PM")`).
 * @example
 * // BCG vaccine trials (dat.bcg), log risk ratios; metafor rma(method = "PM"): 0.3181
 * tau2PM(yi, vi).tau2 // 0.318094
 */
export function tau2PM(
	yi: ArrayLike<number>,
	vi: ArrayLike<number>,
	xi?: ArrayLike<number>,
	maxiter = 100
): Tau2Estimate {
	const k = yi.length;
	const target = k - (xi ? 2 : 1);
	const buf = new Float64Array(k);
	const f = (t: number) => qStatistic(yi, vi, t, xi, buf) - target;
	const seAt = (tau2: number) => {
		const w = inverseVarianceWeights(vi, tau2, buf);
		let sw = 0;
		for (let i = 0; i < k; i++) sw += w[i]!;
		return Math.sqrt((2 * k * k) / target / (sw * sw));
	};
	const failed = (failure: 'non-finite' | 'no-root'): Tau2Estimate => ({
		tau2: NaN,
		se: null,
		converged: false,
		iterations: 0,
		failure
	});
	const f0 = f(0);
	if (!Number.isFinite(f0)) return failed('non-finite');
	if (f0 < 0) return { tau2: 0, se: seAt(0), converged: true, iterations: 0 };
	const upper = Math.max(100, 10 * mad(yi) ** 2);
	const fUpper = Number.isFinite(upper) ? f(upper) : NaN;
	if (!Number.isFinite(fUpper)) return failed('non-finite');
	if (fUpper > 0) return failed('no-root');
	let r: { root: number; iter: number };
	try {
		r = uniroot(f, 0, upper, UNIROOT_TOL, maxiter, f0, fUpper);
	} catch {
		return failed('non-finite');
	}
	const tau2 = Math.max(0, r.root);
	if (!Number.isFinite(tau2)) return failed('non-finite');
	return { tau2, se: seAt(tau2), converged: true, iterations: Math.max(r.iter, 0) };
}
