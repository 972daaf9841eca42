/**
 * Weighted least squares for an intercept and at most one moderator, in O(k) with closed 2x2 algebra (never a
 * k x k matrix). Returns the quantities metafor's `rma.uni` builds from the projection
 * P = W - W X (X'WX)^-1 X'W: Y'PY, Y'PPY, tr(P), tr(PP) and log det(X'WX).
 * The moderator is centred at its weighted mean for numerical stability; P, the traces and det(X'WX) are
 * invariant to that shift, and the coefficients are mapped back to the original parametrisation.
 * Source: metafor `rma.uni` source (Fisher scoring and Q computations); Viechtbauer (2005), J Educ Behav Stat 30.
 */

/** Symmetric 2x2 matrix [[a, b], [b, d]] (for one coefficient only `a` is used). */
interface Sym {
	a: number;
	b: number;
	d: number;
}

export interface WlsFit {
	/** Number of coefficients (1 = intercept only, 2 = intercept and moderator). */
	p: 1 | 2;
	/** Coefficients [intercept] or [intercept, slope]. */
	beta: number[];
	/** (X'WX)^-1, the unscaled covariance of beta, as a p x p array. */
	vb: number[][];
	/** Y'PY = sum w e^2 (the residual heterogeneity statistic when w = 1/vi). */
	rss: number;
	/** Y'PPY = sum w^2 e^2. */
	rssW: number;
	trP: number;
	trPP: number;
	/** log det(X'WX). */
	logDet: number;
	/** sum of the weights. */
	sw: number;
}

const trProd = (x: Sym, y: Sym): number => x.a * y.a + 2 * x.b * y.b + x.d * y.d;

/**
 * Weighted least squares of yi on [1, xi] with weights wi.
 * @example wls([1, 2, 3], [1, 1, 1]).beta // [2]
 */
export function wls(yi: ArrayLike<number>, wi: ArrayLike<number>, xi?: ArrayLike<number>): WlsFit {
	const k = yi.length;
	let s0 = 0;
	let s1 = 0;
	for (let i = 0; i < k; i++) {
		s0 += wi[i]!;
		if (xi) s1 += wi[i]! * xi[i]!;
	}
	const xbar = xi ? s1 / s0 : 0;
	const c1: Sym = { a: 0, b: 0, d: 0 };
	const c2: Sym = { a: 0, b: 0, d: 0 };
	const c3: Sym = { a: 0, b: 0, d: 0 };
	let ty0 = 0;
	let ty1 = 0;
	for (let i = 0; i < k; i++) {
		const w = wi[i]!;
		const w2 = w * w;
		const w3 = w2 * w;
		const x = xi ? xi[i]! - xbar : 0;
		c1.a += w;
		c2.a += w2;
		c3.a += w3;
		ty0 += w * yi[i]!;
		if (xi) {
			c1.b += w * x;
			c1.d += w * x * x;
			c2.b += w2 * x;
			c2.d += w2 * x * x;
			c3.b += w3 * x;
			c3.d += w3 * x * x;
			ty1 += w * x * yi[i]!;
		}
	}
	let b0: number;
	let b1 = 0;
	let inv: Sym;
	let logDet: number;
	if (xi) {
		const det = c1.a * c1.d - c1.b * c1.b;
		inv = { a: c1.d / det, b: -c1.b / det, d: c1.a / det };
		b0 = inv.a * ty0 + inv.b * ty1;
		b1 = inv.b * ty0 + inv.d * ty1;
		logDet = Math.log(det);
	} else {
		inv = { a: 1 / c1.a, b: 0, d: 0 };
		b0 = ty0 / c1.a;
		logDet = Math.log(c1.a);
	}
	let rss = 0;
	let rssW = 0;
	for (let i = 0; i < k; i++) {
		const w = wi[i]!;
		const e = yi[i]! - b0 - (xi ? b1 * (xi[i]! - xbar) : 0);
		rss += w * e * e;
		rssW += w * w * e * e;
	}
	// tr(P) = tr(W) - tr(B C2); tr(PP) = tr(W^2) - 2 tr(B C3) + tr((B C2)^2), with B = (X'WX)^-1, Cm = X'W^m X
	const m00 = inv.a * c2.a + inv.b * c2.b;
	const m01 = inv.a * c2.b + inv.b * c2.d;
	const m10 = inv.b * c2.a + inv.d * c2.b;
	const m11 = inv.b * c2.b + inv.d * c2.d;
	const trP = c1.a - trProd(inv, c2);
	const trPP = c2.a - 2 * trProd(inv, c3) + (m00 * m00 + 2 * m01 * m10 + m11 * m11);
	if (!xi) return { p: 1, beta: [b0], vb: [[inv.a]], rss, rssW, trP, trPP, logDet, sw: s0 };
	// back to the uncentred parametrisation: intercept = b0c - b1 xbar
	const v00 = inv.a - 2 * xbar * inv.b + xbar * xbar * inv.d;
	const v01 = inv.b - xbar * inv.d;
	return {
		p: 2,
		beta: [b0 - b1 * xbar, b1],
		vb: [
			[v00, v01],
			[v01, inv.d]
		],
		rss,
		rssW,
		trP,
		trPP,
		logDet,
		sw: s0
	};
}

/**
 * Inverse-variance weights 1/(vi + tau2) in a reusable buffer.
 * @example inverseVarianceWeights([0.1, 0.2], 0.1) // Float64Array [5, 3.333...]
 */
export function inverseVarianceWeights(
	vi: ArrayLike<number>,
	tau2: number,
	out?: Float64Array
): Float64Array {
	const w = out ?? new Float64Array(vi.length);
	for (let i = 0; i < vi.length; i++) w[i] = 1 / (vi[i]! + tau2);
	return w;
}
