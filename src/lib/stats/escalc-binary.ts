/**
 * Effect sizes for two-group binary outcomes, as metafor's `escalc()` with its defaults (add = 1/2,
 * to = "only0", drop00 = FALSE): 1/2 is added to all four cells of a study that has a zero in any cell, for RR, OR
 * and RD alike (metafor 3.8.1 applies the correction to RD too; checked against `escalc("RD", ...)`).
 * Source: metafor help page `escalc` (measures "RR", "OR", "RD").
 */
import type { Effect } from './types';

/** Arm-level counts (metafor argument names): ai events of n1i (group 1), ci events of n2i (group 2). */
export interface BinaryArms {
	ai: number;
	n1i: number;
	ci: number;
	n2i: number;
}

/** The 2x2 table after metafor's default zero-cell correction. */
export interface Table2x2 {
	ai: number;
	bi: number;
	ci: number;
	di: number;
}

/**
 * The 2x2 table of a study with 1/2 added to every cell when any cell is 0 (`add = 1/2, to = "only0"`).
 * @example correctedTable({ ai: 0, n1i: 10, ci: 2, n2i: 12 }) // { ai: 0.5, bi: 10.5, ci: 2.5, di: 10.5 }
 */
export function correctedTable(s: BinaryArms): Table2x2 {
	const { ai, n1i, ci, n2i } = s;
	if (![ai, n1i, ci, n2i].every(Number.isFinite)) throw new RangeError('non-finite count');
	if (ai < 0 || ci < 0 || ai > n1i || ci > n2i) throw new RangeError('events must lie in [0, n]');
	const t = { ai, bi: n1i - ai, ci, di: n2i - ci };
	if (t.ai === 0 || t.bi === 0 || t.ci === 0 || t.di === 0) {
		return { ai: t.ai + 0.5, bi: t.bi + 0.5, ci: t.ci + 0.5, di: t.di + 0.5 };
	}
	return t;
}

/**
 * Log risk ratio: yi = log(a/n1) - log(c/n2), vi = 1/a - 1/n1 + 1/c - 1/n2 (after the zero-cell correction).
 * @example
 * // BCG trial 1 (Aronson 1948): 4/123 vaccinated vs 11/139 controls
 * escalcRR({ ai: 4, n1i: 123, ci: 11, n2i: 139 }) // { yi: -0.8893, vi: 0.3256 }
 */
export function escalcRR(s: BinaryArms): Effect {
	const t = correctedTable(s);
	const n1 = t.ai + t.bi;
	const n2 = t.ci + t.di;
	return {
		yi: Math.log(t.ai / n1) - Math.log(t.ci / n2),
		vi: 1 / t.ai - 1 / n1 + 1 / t.ci - 1 / n2
	};
}

/**
 * Log odds ratio: yi = log(p1/(1-p1)) - log(p2/(1-p2)) with p = events/n, vi = 1/a + 1/b + 1/c + 1/d (after the
 * zero-cell correction).
 * @example escalcOR({ ai: 4, n1i: 123, ci: 11, n2i: 139 }) // { yi: -0.9387, vi: 0.3571 }
 */
export function escalcOR(s: BinaryArms): Effect {
	const t = correctedTable(s);
	const p1 = t.ai / (t.ai + t.bi);
	const p2 = t.ci / (t.ci + t.di);
	return {
		yi: Math.log(p1 / (1 - p1)) - Math.log(p2 / (1 - p2)),
		vi: 1 / t.ai + 1 / t.bi + 1 / t.ci + 1 / t.di
	};
}

/**
 * Risk difference: yi = p1 - p2, vi = p1(1-p1)/n1 + p2(1-p2)/n2 (vtype "LS"; cells zero-corrected as metafor).
 * @example escalcRD({ ai: 0, n1i: 10, ci: 2, n2i: 12 }) // { yi: -0.14685, vi: 0.015893 }
 */
export function escalcRD(s: BinaryArms): Effect {
	const t = correctedTable(s);
	const n1 = t.ai + t.bi;
	const n2 = t.ci + t.di;
	const p1 = t.ai / n1;
	const p2 = t.ci / n2;
	return { yi: p1 - p2, vi: (p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2 };
}
