import { qnorm } from './distributions';
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
