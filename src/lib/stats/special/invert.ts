/** Iterations allowed to the bracket search and to the root search of `invertTail`. */
const MAX_STEPS = 200;
/** ln of the largest double. */
const LOG_MAX = Math.log(Number.MAX_VALUE);

/**
 * Quantile of a continuous distribution on (0, inf) from one tail: finds x > 0 with tail(x) = target, where
 * `logTail(x)` is ln of that tail (increasing in x for the lower tail, `increasing` = true; decreasing for the upper)
 * and `logDensity(x)` is ln f(x). It works in u = ln x and on ln tail, where the tails of the normal, t and
 * chi-square distributions are close to linear, so Newton's step
 *   u <- u - (ln tail(e^u) - ln target) / (d ln tail / du),   d ln tail / du = +-e^u f(e^u) / tail(e^u),
 * converges in a few steps from a rough start. A bracket [lo, hi] is found first (steps doubling from `start`)
 * and kept: a Newton step that leaves it is replaced by bisection, so the search always ends (at most
 * 2 x MAX_STEPS evaluations; a RangeError if no bracket is found).
 * Solving on the tail that holds `target` (the smaller one) keeps quantiles of tiny probabilities exact.
 * Source: Press et al. (2007), Numerical Recipes 3rd ed., 9.4 (Newton-Raphson with bracketing, `rtsafe`).
 */
export function invertTail(
	logTail: (x: number) => number,
	logDensity: (x: number) => number,
	target: number,
	increasing: boolean,
	start: number
): number {
	const goal = Math.log(target);
	const sign = increasing ? 1 : -1;
	/** g(u) > 0 when u is past the root: increasing in u. */
	const g = (u: number) => sign * (logTail(Math.exp(u)) - goal);
	let u = Number.isFinite(Math.log(start)) ? Math.log(start) : 0;
	let gu = g(u);
	let lo: number;
	let hi: number;
	let step = 1;
	if (gu > 0) {
		hi = u;
		lo = u - step;
		for (let i = 0; g(lo) > 0; i++) {
			if (i > MAX_STEPS) throw new RangeError(`no quantile found for probability ${target}`);
			hi = lo;
			step *= 2;
			lo -= step;
		}
	} else {
		lo = u;
		hi = u + step;
		for (let i = 0; !(g(hi) >= 0); i++) {
			if (i > MAX_STEPS) throw new RangeError(`no quantile found for probability ${target}`);
			// The quantile is beyond the largest double (e.g. qt(1e-300, 0.5) ~ 1e600): R gives Inf too.
			if (hi > LOG_MAX) return Infinity;
			lo = hi;
			step *= 2;
			hi += step;
		}
	}
	if (!(u > lo && u < hi)) u = (lo + hi) / 2;
	for (let i = 0; i < MAX_STEPS; i++) {
		gu = g(u);
		if (gu === 0) break;
		if (gu > 0) hi = u;
		else lo = u;
		const x = Math.exp(u);
		// dg/du = e^u f(e^u) / tail(e^u), in logs (the sign of the tail's slope cancels the sign in g)
		const slope = Math.exp(u + logDensity(x) - logTail(x));
		let next = u - gu / slope;
		if (!(next > lo && next < hi)) next = (lo + hi) / 2; // Newton left the bracket: bisect
		const delta = Math.abs(next - u);
		u = next;
		// u = ln x, so delta is the relative change of x. Newton converges quadratically: after a step this small
		// the error is far below double precision.
		if (delta <= 1e-12 || hi - lo <= 1e-15 * Math.max(1, Math.abs(u))) break;
	}
	return Math.exp(u);
}
