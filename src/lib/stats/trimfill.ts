/**
 * Trim and fill with metafor's defaults (`trimfill.rma.uni`, estimator "L0", maxiter 100).
 * Side: the side on which studies are missing is chosen from the sign of the slope of yi on sqrt(vi) in a
 * meta-regression with the model's estimator (slope < 0: missing on the right, otherwise on the left).
 * Iteration (on effects flipped so that the missing side is the left): sort the effects; fit the model to the
 * k - k0 smallest (the k0 largest are trimmed); centre all k at that estimate; signed ranks of |centred| (ties
 * by order); S = sum of positive ranks; L0 = (4 S - k(k+1)) / (2k - 1); k0 = max(0, round(L0)); repeat until k0 is
 * stable. se(k0) as metafor. The k0 most extreme studies are mirrored about the last estimate (2 theta - yi, same
 * vi) and the model is refitted to the k + k0 studies.
 * As metafor does, the refit uses only the estimator (with the default z test and 95% level); when k0 = 0 the
 * original model is returned.
 * Source: Duval & Tweedie (2000), Biometrics 56:455-463 and JASA 95:89-98; metafor `?trimfill`.
 */
import { fitModel } from './fit';
import { rma } from './rma';
import type { Effect, RmaOptions, RmaResult } from './types';

export interface TrimfillResult {
	/** Estimated number of missing studies. */
	k0: number;
	se_k0: number;
	side: 'left' | 'right';
	/** The imputed (mirrored) studies. */
	filled: Effect[];
	/** Model of the k + k0 studies (the original model when k0 = 0). */
	result: RmaResult;
}

/**
 * @throws RangeError when k < 3 (metafor stops for k = 1, and for k = 2 the side regression cannot be fitted).
 * @example
 * // BCG vaccine trials (dat.bcg), log risk ratios, REML (metafor trimfill(rma(yi, vi))):
 * trimfill(yi, vi) // { k0: 1, se_k0: 2.4528, side: 'right', result: { estimate: -0.6571, ... }, ... }
 */
export function trimfill(
	yi: ArrayLike<number>,
	vi: ArrayLike<number>,
	options: RmaOptions = {}
): TrimfillResult {
	const k = yi.length;
	if (k < 3) throw new RangeError('trim and fill needs k >= 3');
	const x = rma(yi, vi, options);
	const method = x.method;
	const sei = Array.from(vi, (v) => Math.sqrt(v));
	const side = fitModel(yi, vi, sei, { method }).coefficients[1]!.estimate < 0 ? 'right' : 'left';
	const flip = side === 'right' ? -1 : 1;
	const ix = Array.from({ length: k }, (_, i) => i);
	const yf = Array.from(yi, (y) => flip * y);
	ix.sort((a, b) => yf[a]! - yf[b]! || a - b);
	const ys = ix.map((i) => yf[i]!);
	const vs = ix.map((i) => vi[i]!);
	let k0 = 0;
	let k0prev = -1;
	let iter = 0;
	let beta = 0;
	let seK0 = 0;
	let yc: number[] = [];
	while (k0 !== k0prev) {
		k0prev = k0;
		if (++iter > 100) throw new RangeError('trim and fill did not converge');
		beta = rma(ys.slice(0, k - k0), vs.slice(0, k - k0), { method }).estimate;
		yc = ys.map((y) => y - beta);
		const byAbs = Array.from({ length: k }, (_, i) => i).sort(
			(a, b) => Math.abs(yc[a]!) - Math.abs(yc[b]!) || a - b
		);
		let sr = 0;
		byAbs.forEach((i, r) => {
			if (yc[i]! > 0) sr += r + 1;
		});
		const l0 = (4 * sr - k * (k + 1)) / (2 * k - 1);
		const varSr =
			(k * (k + 1) * (2 * k + 1) +
				10 * l0 ** 3 +
				27 * l0 ** 2 +
				17 * l0 -
				18 * k * l0 ** 2 -
				18 * k * l0 +
				6 * k * k * l0) /
			24;
		seK0 = Math.max(0, (4 * Math.sqrt(varSr)) / (2 * k - 1));
		k0 = Math.max(0, Math.round(l0));
	}
	if (k0 === 0) return { k0, se_k0: seK0, side, filled: [], result: x };
	const filled: Effect[] = [];
	for (let j = k - k0; j < k; j++) filled.push({ yi: flip * -(yc[j]! - beta), vi: vs[j]! });
	const result = rma(
		[...Array.from(yi), ...filled.map((f) => f.yi)],
		[...Array.from(vi), ...filled.map((f) => f.vi)],
		{
			method
		}
	);
	return { k0, se_k0: seK0, side, filled, result };
}
