/**
 * Restricted maximum-likelihood estimator of tau^2 by Fisher scoring, exactly as metafor's `rma.uni`:
 * start at max(0, HE); update tau2 <- tau2 + (Y'PPY - tr(P)) / tr(PP), halving the step while it would make tau2
 * negative; stop when the change is <= 1e-5 (`threshold`), fail after 100 iterations (`maxiter`). After
 * convergence metafor's `ll0check` sets tau2 = 0 when the restricted log-likelihood at 0 exceeds the one at the
 * estimate by more than eps^0.25 (a local maximum). se = sqrt(2 / tr(PP)).
 * Guards (not in metafor, whose matrix algebra rounds differently): a step that is not finite (tr(PP) rounds to
 * 0 when one variance is ~1e13 times smaller than the others) or a tau2 that leaves the finite range ends the
 * scoring as non-convergence (`failure: 'non-finite'`), so the caller falls back to PM; the step halving stops
 * after MAX_HALVINGS (enough to take any finite double to 0). Every loop is bounded.
 * Each iteration is O(k) (closed 2x2 algebra in `wls`).
 * Source: Viechtbauer (2005), J Educ Behav Stat 30:261-293, eq. 13; metafor `rma.uni` source and `?rma` (control).
 */
import { tau2HE, type Tau2Estimate } from './tau2-moment';
import { UNIROOT_TOL } from './uniroot';
import { inverseVarianceWeights, wls } from './wls';

/** metafor defaults: control = list(threshold = 1e-5, maxiter = 100, stepadj = 1). */
export const REML_THRESHOLD = 1e-5;
export const REML_MAXITER = 100;
/** Halvings that take any finite step (|adj| < 2^1024) below the smallest double (2^-1074). */
export const MAX_HALVINGS = 2100;

/**
 * Restricted log-likelihood of the model at tau2 (metafor's `ll.REML` without the REMLf constant):
 * -1/2 (k - p) log(2 pi) - 1/2 sum log(vi + tau2) - 1/2 log det(X'WX) - 1/2 Y'PY.
 * @example remlLogLik([0, 1], [1, 1], 0) // -1/2 log(2 pi) - 0 - 1/2 log 2 - 1/4
 */
export function remlLogLik(
	yi: ArrayLike<number>,
	vi: ArrayLike<number>,
	tau2: number,
	xi?: ArrayLike<number>
): number {
	const k = yi.length;
	const f = wls(yi, inverseVarianceWeights(vi, tau2), xi);
	let sl = 0;
	for (let i = 0; i < k; i++) sl += Math.log(vi[i]! + tau2);
	return -0.5 * (k - f.p) * Math.log(2 * Math.PI) - 0.5 * sl - 0.5 * f.logDet - 0.5 * f.rss;
}

/** REML tau2 with metafor's Fisher scoring; `localMax` is true when ll0check reset the estimate to 0. */
export interface RemlEstimate extends Tau2Estimate {
	localMax: boolean;
}

/**
 * REML tau^2 (metafor `rma(method = "REML")`).
 * @example
 * // BCG vaccine trials, log risk ratios: tau2 = 0.3132 (SE 0.1664), Viechtbauer (2010) J Stat Softw 36(3)
 * tau2REML(yi, vi) // { tau2: 0.313243, se: 0.166426, converged: true, iterations: 3, ... }
 */
export function tau2REML(
	yi: ArrayLike<number>,
	vi: ArrayLike<number>,
	xi?: ArrayLike<number>,
	maxiter = REML_MAXITER
): RemlEstimate {
	const k = yi.length;
	const buf = new Float64Array(k);
	const fail = (iterations: number, failure: 'maxiter' | 'non-finite'): RemlEstimate => ({
		tau2: NaN,
		se: null,
		converged: false,
		iterations,
		localMax: false,
		failure
	});
	let tau2 = Math.max(0, tau2HE(yi, vi, xi));
	if (!Number.isFinite(tau2)) return fail(0, 'non-finite');
	let change = REML_THRESHOLD + 1;
	let iter = 0;
	while (change > REML_THRESHOLD) {
		iter++;
		const old = tau2;
		const f = wls(yi, inverseVarianceWeights(vi, tau2, buf), xi);
		if (!(Number.isFinite(f.rssW) && Number.isFinite(f.trP) && Number.isFinite(f.trPP)))
			return fail(iter, 'non-finite');
		let adj = (f.rssW - f.trP) / f.trPP;
		if (Number.isNaN(adj)) adj = 0; // 0 / 0, as metafor
		if (!Number.isFinite(adj)) return fail(iter, 'non-finite');
		for (let h = 0; tau2 + adj < 0; h++) {
			if (h === MAX_HALVINGS) return fail(iter, 'non-finite');
			adj /= 2;
		}
		tau2 += adj;
		if (!Number.isFinite(tau2)) return fail(iter, 'non-finite');
		change = Math.abs(old - tau2);
		if (iter > maxiter) return fail(iter, 'maxiter');
	}
	let localMax = false;
	if (tau2 > REML_THRESHOLD) {
		const ll0 = remlLogLik(yi, vi, 0, xi);
		const ll = remlLogLik(yi, vi, tau2, xi);
		if (ll0 - ll > UNIROOT_TOL) {
			tau2 = 0;
			localMax = true;
		}
	}
	tau2 = Math.max(0, tau2);
	const f = wls(yi, inverseVarianceWeights(vi, tau2, buf), xi);
	if (Number.isNaN(f.trPP)) return fail(iter, 'non-finite');
	return { tau2, se: Math.sqrt(2 / f.trPP), converged: true, iterations: iter, localMax };
}
