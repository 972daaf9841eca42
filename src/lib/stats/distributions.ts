/**
 * The normal, t and chi-square distribution functions and quantiles (R's `pnorm`, `qnorm`, `pt`, `qt`, `pchisq`,
 * `qchisq`) and `lgamma`, from the project's own small implementation (normal.ts, student-t.ts, chisquare.ts and
 * special/: the incomplete gamma and beta functions by series and continued fractions, quantiles by bracketed
 * Newton steps). No dependency, no `eval`; every function is checked against R in tests/unit/stats/distributions*.
 * Upper tails are computed directly, never as `1 - cdf`, so tiny p-values keep their precision.
 */
export { pnorm, qnorm } from './normal';
export { pt, qt } from './student-t';
export { pchisq, qchisq } from './chisquare';
export { lgamma } from './special/lgamma';

/**
 * Two-sided alpha from a confidence level in percent, as metafor's `.level()`: 95 -> 0.05.
 * @example alphaFromLevel(95) // 0.05
 */
export function alphaFromLevel(level: number): number {
	if (!(level > 0 && level < 100)) throw new RangeError(`level must be in (0, 100), got ${level}`);
	return (100 - level) / 100;
}
