/**
 * Closed-form (method-of-moments) estimators of the between-study variance tau^2 for a model with an intercept
 * and at most one moderator: Hedges (HE, the starting value of metafor's REML) and DerSimonian-Laird (DL).
 * Source: metafor `rma.uni` (method = "HE", "DL"); DerSimonian & Laird (1986), Control Clin Trials 7:177-188;
 * Raudenbush (2009) for the HE estimator with moderators.
 */
import { inverseVarianceWeights, wls } from './wls';

/** A tau^2 estimate with its standard error (null when metafor does not compute one). */
export interface Tau2Estimate {
	tau2: number;
	se: number | null;
	converged: boolean;
	iterations: number;
	/** Why an iterative estimator did not converge: iteration limit, non-finite arithmetic, or no root. */
	failure?: 'maxiter' | 'non-finite' | 'no-root';
}

/**
 * Hedges' estimator: tau2 = (RSS_ols - tr(P0 V)) / (k - p), with P0 = I - X(X'X)^-1 X', not truncated (metafor
 * truncates it at 0 only when it is the reported estimate; REML starts from max(0, HE)).
 * @example tau2HE([0, 1, 2], [0.1, 0.1, 0.1]) // (2 - 0.2) / 2 = 0.9
 */
export function tau2HE(yi: ArrayLike<number>, vi: ArrayLike<number>, xi?: ArrayLike<number>): number {
	const k = yi.length;
	const p = xi ? 2 : 1;
	const ones = new Float64Array(k).fill(1);
	const ols = wls(yi, ones, xi);
	let sv = 0;
	for (let i = 0; i < k; i++) sv += vi[i]!;
	let trBV: number;
	if (!xi) {
		trBV = sv / k;
	} else {
		let xbar = 0;
		for (let i = 0; i < k; i++) xbar += xi[i]!;
		xbar /= k;
		let sx = 0;
		let sxx = 0;
		let svx = 0;
		let svxx = 0;
		for (let i = 0; i < k; i++) {
			const x = xi[i]! - xbar;
			sx += x;
			sxx += x * x;
			svx += vi[i]! * x;
			svxx += vi[i]! * x * x;
		}
		const det = k * sxx - sx * sx;
		// tr((X'X)^-1 X'VX) with (X'X)^-1 = [[sxx, -sx], [-sx, k]] / det
		trBV = (sxx * sv - 2 * sx * svx + k * svxx) / det;
	}
	return (ols.rss - (sv - trBV)) / (k - p);
}

/**
 * DerSimonian-Laird: tau2 = max(0, (Q - (k - p)) / tr(P)) with P at weights 1/vi (for an intercept only,
 * tr(P) = sum w - sum w^2 / sum w). se (metafor): sqrt((2(k-p) + 4 tau2 tr(P) + 2 tau2^2 tr(PP)) / tr(P)^2).
 * @example
 * // BCG vaccine trials, log risk ratios (dat.bcg): tau2 = 0.3088 (Stata metan; metafor tests)
 * tau2DL(yi, vi).tau2 // 0.308760
 */
export function tau2DL(yi: ArrayLike<number>, vi: ArrayLike<number>, xi?: ArrayLike<number>): Tau2Estimate {
	const k = yi.length;
	const p = xi ? 2 : 1;
	const f = wls(yi, inverseVarianceWeights(vi, 0), xi);
	const tau2 = Math.max(0, (f.rss - (k - p)) / f.trP);
	const se = Math.sqrt((2 * (k - p) + 4 * tau2 * f.trP + 2 * tau2 * tau2 * f.trPP) / (f.trP * f.trP));
	return { tau2, se, converged: true, iterations: 0 };
}
