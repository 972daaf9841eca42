/**
 * Exact normal, t and chi-square distribution functions (R's `pnorm`, `qnorm`, `pt`, `qt`, `pchisq`, `qchisq`),
 * wrapping the maintained @stdlib implementations. Upper tails are computed directly (by symmetry or with the
 * upper regularised incomplete gamma function), never as `1 - cdf`, so tiny p-values keep their precision.
 */
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import chisqCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import chisqQuantile from '@stdlib/stats-base-dists-chisquare-quantile';
import gammainc from '@stdlib/math-base-special-gammainc';
import gammaln from '@stdlib/math-base-special-gammaln';

/**
 * Standard normal distribution function, P(Z <= x) (or P(Z > x) when `lowerTail` is false), as R's `pnorm`.
 * @example pnorm(-1.959963984540054) // 0.025
 */
export function pnorm(x: number, lowerTail = true): number {
	return normalCdf(lowerTail ? x : -x, 0, 1);
}

/**
 * Standard normal quantile, as R's `qnorm(p, lower.tail)`.
 * @example qnorm(0.975) // 1.959963984540054
 */
export function qnorm(p: number, lowerTail = true): number {
	const q = normalQuantile(p, 0, 1);
	return lowerTail ? q : -q;
}

/**
 * Student t distribution function with `df` degrees of freedom, as R's `pt(x, df, lower.tail)`.
 * @example pt(-2.178812829667228, 12) // 0.025
 */
export function pt(x: number, df: number, lowerTail = true): number {
	return tCdf(lowerTail ? x : -x, df);
}

/**
 * Student t quantile with `df` degrees of freedom, as R's `qt(p, df, lower.tail)`.
 * @example qt(0.975, 12) // 2.178812829667228
 */
export function qt(p: number, df: number, lowerTail = true): number {
	const q = tQuantile(p, df);
	return lowerTail ? q : -q;
}

/**
 * Chi-square distribution function, as R's `pchisq(x, df, lower.tail)`. The upper tail is the regularised upper
 * incomplete gamma function Q(df/2, x/2), accurate for p-values far below 1e-16.
 * @example pchisq(152.233, 12, false) // 1.9967721373353e-26 (BCG heterogeneity test, Q(df = 12) = 152.23)
 */
export function pchisq(x: number, df: number, lowerTail = true): number {
	if (lowerTail) return chisqCdf(x, df);
	if (x <= 0) return 1;
	return gammainc(x / 2, df / 2, true, true);
}

/**
 * Chi-square quantile, as R's `qchisq(p, df, lower.tail)`. The upper tail is the lower quantile at 1 - p, which is
 * exact to ~1e-16 / p relative: ample for confidence levels (p = alpha/2), not meant for p below ~1e-8.
 * @example qchisq(0.025, 12, false) // 23.33666415864533
 */
export function qchisq(p: number, df: number, lowerTail = true): number {
	return chisqQuantile(lowerTail ? p : 1 - p, df);
}

/**
 * Natural logarithm of the gamma function, as R's `lgamma`.
 * @example lgamma(10.5) // 13.94062521940376
 */
export function lgamma(x: number): number {
	return gammaln(x);
}

/**
 * Two-sided alpha from a confidence level in percent, as metafor's `.level()`: 95 -> 0.05.
 * @example alphaFromLevel(95) // 0.05
 */
export function alphaFromLevel(level: number): number {
	if (!(level > 0 && level < 100)) throw new RangeError(`level must be in (0, 100), got ${level}`);
	return (100 - level) / 100;
}
