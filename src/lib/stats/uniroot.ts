/**
 * Root of a univariate function on a bracketing interval by Brent's method (bisection safeguarded by secant and
 * inverse quadratic interpolation), following the steps of R's `uniroot()` so that metafor's roots (Paule-Mandel
 * tau^2, Q-profile limits), found to a tolerance of eps^0.25 ~ 1.2e-4, are reproduced to machine precision.
 * At most maxiter + 1 evaluations of f; an end point or a value of f that is not finite stops the search with a
 * RangeError (R's uniroot stops on a non-finite f too), never a silent NaN root.
 * Source: Brent (1973), Algorithms for Minimization without Derivatives, ch. 4; Forsythe, Malcolm & Moler (1977)
 * `zeroin`; R documentation `?uniroot`.
 */

/** R's default `uniroot` tolerance, `.Machine$double.eps^0.25` (= 2^-13). */
export const UNIROOT_TOL = Math.pow(Number.EPSILON, 0.25);

export interface UnirootResult {
	root: number;
	/** Iterations used; -1 when `maxiter` was reached (R then warns but still returns the last point). */
	iter: number;
}

/**
 * Finds x in [lower, upper] with f(x) = 0, given f(lower) and f(upper) of opposite signs (or one of them zero).
 * @example uniroot((x) => x * x - 2, 0, 2).root // 1.41421... (within 1.2e-4; R gives the same point)
 */
export function uniroot(
	f: (x: number) => number,
	lower: number,
	upper: number,
	tol = UNIROOT_TOL,
	maxiter = 1000,
	fLower = f(lower),
	fUpper = f(upper)
): UnirootResult {
	if (!(Number.isFinite(lower) && Number.isFinite(upper) && lower < upper))
		throw new RangeError('uniroot needs finite lower < upper');
	if (!(Number.isFinite(fLower) && Number.isFinite(fUpper)))
		throw new RangeError('f is not finite at an end point');
	if (fLower * fUpper > 0) throw new RangeError('f values at the end points do not have opposite signs');
	let a = lower;
	let b = upper;
	let fa = fLower;
	let fb = fUpper;
	let c = a;
	let fc = fa;
	if (fa === 0) return { root: a, iter: 0 };
	if (fb === 0) return { root: b, iter: 0 };
	for (let it = 1; it <= maxiter + 1; it++) {
		const prevStep = b - a;
		if (Math.abs(fc) < Math.abs(fb)) {
			// make b the best approximation so far
			a = b;
			b = c;
			c = a;
			fa = fb;
			fb = fc;
			fc = fa;
		}
		const tolAct = 2 * Number.EPSILON * Math.abs(b) + tol / 2;
		let step = (c - b) / 2;
		if (Math.abs(step) <= tolAct || fb === 0) return { root: b, iter: it - 1 };
		if (Math.abs(prevStep) >= tolAct && Math.abs(fa) > Math.abs(fb)) {
			const cb = c - b;
			let p: number;
			let q: number;
			if (a === c) {
				// secant step
				const t1 = fb / fa;
				p = cb * t1;
				q = 1 - t1;
			} else {
				// inverse quadratic interpolation
				const qa = fa / fc;
				const t1 = fb / fc;
				const t2 = fb / fa;
				p = t2 * (cb * qa * (qa - t1) - (b - a) * (t1 - 1));
				q = (qa - 1) * (t1 - 1) * (t2 - 1);
			}
			if (p > 0) q = -q;
			else p = -p;
			if (p < 0.75 * cb * q - Math.abs(tolAct * q) / 2 && p < Math.abs((prevStep * q) / 2)) step = p / q;
		}
		if (Math.abs(step) < tolAct) step = step > 0 ? tolAct : -tolAct;
		a = b;
		fa = fb;
		b += step;
		fb = f(b);
		if (!Number.isFinite(fb)) throw new RangeError(`f is not finite at ${b}`);
		if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
			c = a;
			fc = fa;
		}
	}
	return { root: b, iter: -1 };
}
