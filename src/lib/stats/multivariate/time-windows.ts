/**
 * Time windows of the time-course model: one mean per window, each named after the listed week it is built
 * around (2, 4, 6, 8, 12, 26 and 52 weeks). A timepoint t (weeks since randomisation, t > 0) belongs to the first
 * window whose upper bound is >= t, as R's `cut(t, breaks = c(0, 3, 5, 7, 10, 17, 39, Inf), right = TRUE)`.
 */

export interface TimeWindow {
	/** The listed week the window estimates. */
	week: number;
	/** Inclusive upper bound in weeks (the lower bound is the previous window's upper bound, exclusive). */
	upper: number;
}

export const TIME_WINDOWS: readonly TimeWindow[] = [
	{ week: 2, upper: 3 },
	{ week: 4, upper: 5 },
	{ week: 6, upper: 7 },
	{ week: 8, upper: 10 },
	{ week: 12, upper: 17 },
	{ week: 26, upper: 39 },
	{ week: 52, upper: Infinity }
];

/**
 * Index of the window holding week t, or -1 when t <= 0 or beyond the last bound.
 * @example windowIndex(9, TIME_WINDOWS) // 3 (the week-8 window, (7, 10])
 */
export function windowIndex(t: number, windows: readonly TimeWindow[] = TIME_WINDOWS): number {
	if (!(t > 0)) return -1;
	return windows.findIndex((w) => t <= w.upper);
}

/**
 * The design matrix with one indicator column per window that holds at least one row (windows without rows
 * have no estimable mean and are left out), as `model.matrix(~ 0 + window)` with unused levels dropped.
 * @example windowDesign([1, 2, 9]).windows // [0, 3]; X = [[1, 0], [1, 0], [0, 1]]
 */
export function windowDesign(
	weeks: readonly number[],
	windows: readonly TimeWindow[] = TIME_WINDOWS
): { windows: number[]; X: number[][] } {
	const idx = weeks.map((t, i) => {
		const w = windowIndex(t, windows);
		if (w < 0)
			throw new RangeError(`row ${i}: week ${t} is not after randomisation or lies beyond every window`);
		return w;
	});
	const used = [...new Set(idx)].sort((a, b) => a - b);
	const col = new Map(used.map((w, j) => [w, j]));
	return { windows: used, X: idx.map((w) => used.map((_, j) => (j === col.get(w) ? 1 : 0))) };
}
