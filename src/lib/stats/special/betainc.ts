import { lbeta } from './lgamma';

const MAX_ITER = 1_000_000;
const EPS = 1e-16;
const TINY = 1e-300;

/** Continued fraction for I_x(a, b) (A&S 26.5.8), evaluated by the modified Lentz method. */
function fraction(a: number, b: number, x: number): number {
	let c = 1;
	let d = 1 - ((a + b) * x) / (a + 1);
	if (Math.abs(d) < TINY) d = TINY;
	d = 1 / d;
	let h = d;
	for (let m = 1; ; m++) {
		if (m > MAX_ITER) throw new RangeError(`incomplete beta fraction did not converge (a = ${a}, b = ${b})`);
		const m2 = 2 * m;
		// even step: d_2m = m (b - m) x / ((a + 2m - 1)(a + 2m))
		let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
		d = 1 + aa * d;
		if (Math.abs(d) < TINY) d = TINY;
		c = 1 + aa / c;
		if (Math.abs(c) < TINY) c = TINY;
		d = 1 / d;
		h *= d * c;
		// odd step: d_2m+1 = -(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1))
		aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
		d = 1 + aa * d;
		if (Math.abs(d) < TINY) d = TINY;
		c = 1 + aa / c;
		if (Math.abs(c) < TINY) c = TINY;
		d = 1 / d;
		const delta = d * c;
		h *= delta;
		if (Math.abs(delta - 1) < EPS) break;
	}
	return h;
}

/**
 * Regularised incomplete beta function I_x(a, b) and its complement 1 - I_x(a, b) = I_y(b, a), y = 1 - x.
 * The caller passes x, y = 1 - x and their logarithms, computed without cancellation (for the t distribution
 * x = df / (df + t^2) and y = t^2 / (df + t^2)). Below the mean (x < (a + 1) / (a + b + 2)) I_x is computed as
 *   I_x(a, b) = x^a y^b / (a B(a, b)) * CF(a, b, x),
 * above it the complement is computed the same way with the roles swapped (A&S 26.5.8): the smaller tail is
 * always the direct one, so it keeps its relative precision.
 * Source: Abramowitz & Stegun (1964) 26.5.8; Lentz (1976) as modified by Thompson & Barnett (1986).
 * @example betaTails(2, 1, 0.5, 0.5).lower // 0.25 (I_x(2, 1) = x^2)
 */
export function betaTails(
	a: number,
	b: number,
	x: number,
	y: number,
	logX = Math.log(x),
	logY = Math.log(y)
): { lower: number; upper: number } {
	if (!(a > 0 && b > 0 && x >= 0 && y >= 0)) return { lower: NaN, upper: NaN };
	if (logX === -Infinity) return { lower: 0, upper: 1 };
	if (logY === -Infinity) return { lower: 1, upper: 0 };
	const logFront = a * logX + b * logY - lbeta(a, b);
	if (x < (a + 1) / (a + b + 2)) {
		const lower = (Math.exp(logFront) * fraction(a, b, x)) / a;
		return { lower, upper: 1 - lower };
	}
	const upper = (Math.exp(logFront) * fraction(b, a, y)) / b;
	return { lower: 1 - upper, upper };
}
