import { gammaTails } from './special/gammainc';

/**
 * Upper tail of the standard normal, P(Z > x), from the incomplete gamma function:
 *   P(Z > x) = Q(1/2, x^2 / 2) / 2 for x >= 0,   P(Z > x) = 1/2 + P(1/2, x^2 / 2) / 2 for x < 0,
 * since P(|Z| > |x|) = erfc(|x| / sqrt 2) = Q(1/2, x^2 / 2). Exact to ~1e-14 relative down to the underflow of doubles.
 * Source: Abramowitz & Stegun (1964) 7.1.2 and 6.5.17 (erfc x = Q(1/2, x^2)).
 */
function upperTail(x: number): number {
	if (Number.isNaN(x)) return NaN;
	const g = gammaTails(0.5, (x * x) / 2);
	return x >= 0 ? g.upper / 2 : 0.5 + g.lower / 2;
}

/**
 * Standard normal distribution function, P(Z <= x) (or P(Z > x) when `lowerTail` is false), as R's `pnorm`.
 * Both tails are computed directly (never as 1 - the other), so tiny p-values keep their precision.
 * @example pnorm(-1.959963984540054) // 0.025
 */
export function pnorm(x: number, lowerTail = true): number {
	return upperTail(lowerTail ? -x : x);
}

/** ln of the standard normal density, -x^2/2 - ln(2 pi)/2. */
const logPhi = (x: number) => -0.5 * x * x - 0.5 * Math.log(2 * Math.PI);

// Acklam's rational approximations (relative error < 1.2e-9), only a starting point for the refinement below.
const A = [
	-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
	2.506628277459239
];
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const C = [
	-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
	2.938163982698783
];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];

/** x >= 0 with P(Z > x) = q, for 0 < q <= 1/2: Acklam's start, then Halley steps on the upper tail. */
function upperQuantile(q: number): number {
	let x: number;
	if (q > 0.02425) {
		const s = 0.5 - q;
		const r = s * s;
		x =
			((((((A[0]! * r + A[1]!) * r + A[2]!) * r + A[3]!) * r + A[4]!) * r + A[5]!) * s) /
			(((((B[0]! * r + B[1]!) * r + B[2]!) * r + B[3]!) * r + B[4]!) * r + 1);
	} else {
		const s = Math.sqrt(-2 * Math.log(q));
		x =
			-(((((C[0]! * s + C[1]!) * s + C[2]!) * s + C[3]!) * s + C[4]!) * s + C[5]!) /
			((((D[0]! * s + D[1]!) * s + D[2]!) * s + D[3]!) * s + 1);
	}
	// Halley's method on f(x) = P(Z > x) - q: f' = -phi(x), f'' = x phi(x), so the step is
	// dx = (f / phi) / (1 + x f / (2 phi)). At most 8 steps; it converges cubically from within 1e-9.
	for (let i = 0; i < 8; i++) {
		const f = upperTail(x) - q;
		const u = f / Math.exp(logPhi(x));
		const dx = u / (1 + (x * u) / 2);
		x += dx;
		if (Math.abs(dx) <= 1e-15 * Math.max(1, Math.abs(x))) break;
	}
	return x;
}

/**
 * Standard normal quantile, as R's `qnorm(p, lower.tail)`: the x with P(Z <= x) = p (lower tail) or P(Z > x) = p.
 * Solved on the tail that holds p, so quantiles of tiny probabilities are exact to ~1e-15 relative.
 * Source: P. J. Acklam (2003), "An algorithm for computing the inverse normal cumulative distribution function"
 * (the start); Halley's method (the refinement).
 * @example qnorm(0.975) // 1.959963984540054
 */
export function qnorm(p: number, lowerTail = true): number {
	if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
	if (p === 0) return lowerTail ? -Infinity : Infinity;
	if (p === 1) return lowerTail ? Infinity : -Infinity;
	const q = p < 0.5 ? -upperQuantile(p) : p === 0.5 ? 0 : upperQuantile(1 - p);
	return lowerTail ? q : -q;
}
