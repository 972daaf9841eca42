import { gammaTails } from './special/gammainc';
import { invertTail } from './special/invert';
import { lgamma } from './special/lgamma';
import { qnorm } from './normal';

/**
 * Chi-square distribution function, as R's `pchisq(x, df, lower.tail)`: P(df/2, x/2) for the lower tail and
 * Q(df/2, x/2) for the upper, each computed directly, so p-values far below 1e-16 are exact to ~1e-14 relative.
 * Source: Abramowitz & Stegun (1964) 26.4.19 (the chi-square distribution as an incomplete gamma function).
 * @example pchisq(152.233, 12, false) // 1.9967721373353e-26 (BCG heterogeneity test, Q(df = 12) = 152.23)
 */
export function pchisq(x: number, df: number, lowerTail = true): number {
	if (Number.isNaN(x) || !(df > 0)) return NaN;
	if (x <= 0) return lowerTail ? 0 : 1;
	const g = gammaTails(df / 2, x / 2);
	return lowerTail ? g.lower : g.upper;
}

/**
 * Chi-square quantile, as R's `qchisq(p, df, lower.tail)`, solved on the tail that holds p (invertTail) from the
 * Wilson-Hilferty start  x ~ df (1 - 2/(9 df) + z sqrt(2/(9 df)))^3  (A&S 26.4.17), or, when that is not positive,
 * from the small-x approximation  P(df/2, x/2) ~ (x/2)^(df/2) / G(df/2 + 1).
 * @example qchisq(0.025, 12, false) // 23.33666415864533
 */
export function qchisq(p: number, df: number, lowerTail = true): number {
	if (Number.isNaN(p) || p < 0 || p > 1 || Number.isNaN(df) || !(df > 0)) return NaN;
	const lower = lowerTail ? p : 1 - p;
	if (p === 0) return lowerTail ? 0 : Infinity;
	if (p === 1) return lowerTail ? Infinity : 0;
	const a = df / 2;
	const z = qnorm(p, lowerTail);
	const c = 2 / (9 * df);
	let start = df * (1 - c + z * Math.sqrt(c)) ** 3;
	if (!(start > 0)) start = 2 * Math.exp((Math.log(lower) + lgamma(a + 1)) / a);
	// Solve on the smaller tail: the lower one below the median, the upper one above it.
	const useLower = lowerTail ? p < 0.5 : p > 0.5;
	const target = useLower ? lower : lowerTail ? 1 - p : p;
	const logConst = -a * Math.log(2) - lgamma(a);
	return invertTail(
		(x) => {
			const g = gammaTails(a, x / 2);
			return Math.log(useLower ? g.lower : g.upper);
		},
		(x) => logConst + (a - 1) * Math.log(x) - x / 2,
		target,
		useLower,
		start
	);
}
