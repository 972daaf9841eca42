import { qnorm, qt } from './distributions';
import type { Interval } from './types';

/**
 * Two-sided critical value of the standard normal for a confidence level in percent: qnorm(1 - (1 - level/100)/2).
 * Source: metafor `rma` (`level`), R `qnorm`.
 * @example zCrit(95) // 1.959963984540054
 */
export function zCrit(level: number): number {
	return qnorm(1 - (1 - level / 100) / 2);
}

/**
 * Wald confidence interval of one study: yi -/+ z * sqrt(vi) (metafor `summary.escalc`, `forest.rma`).
 * @example studyInterval(-10, 8, 95) // { lower: -15.54, upper: -4.46 } (to 2 decimals)
 */
export function studyInterval(yi: number, vi: number, level = 95): Interval {
	const half = zCrit(level) * Math.sqrt(vi);
	return { lower: yi - half, upper: yi + half };
}

/**
 * The pooled estimate's confidence interval at another level, with the same test: estimate +/- crit * se, crit =
 * qnorm for Wald z and qt(df) for Hartung-Knapp (metafor `confint(fit, level = ...)` for the fixed effect; a
 * refit with `level = 90` gives the same). Used for two one-sided tests of equivalence (the 90% CI).
 * @example intervalAtLevel({ estimate: -2.6, se: 1.3, df: null }, 90) // { lower: -4.738, upper: -0.462 } (to 3 d.p.)
 */
export function intervalAtLevel(
	r: { estimate: number; se: number; df: number | null },
	level: number
): Interval {
	const alpha = 1 - level / 100;
	const crit = r.df === null ? qnorm(1 - alpha / 2) : qt(alpha / 2, r.df, false);
	return { lower: r.estimate - crit * r.se, upper: r.estimate + crit * r.se };
}
