/** Input checks shared by the model fits (metafor stops on the same conditions). */

/** A bad value of one study: `index` is its position in the input, so a caller can name the study. */
export class StudyInputError extends RangeError {
	constructor(
		readonly index: number,
		message: string
	) {
		super(message);
		this.name = 'StudyInputError';
	}
}

/**
 * Throws a StudyInputError unless yi and vi are equal-length, non-empty, finite vectors with vi > 0 (metafor
 * needs positive sampling variances, `allvipos`, for DL, PM, the Q test and I^2) and a finite weight 1/vi (a
 * subnormal vi such as 1e-320 is positive but its inverse overflows to Infinity).
 * @example checkInput([0.1, 0.2], [0.01, 0]) // throws StudyInputError: vi[1] must be finite and > 0
 */
export function checkInput(yi: ArrayLike<number>, vi: ArrayLike<number>, xi?: ArrayLike<number>): void {
	if (yi.length !== vi.length || (xi && xi.length !== yi.length))
		throw new RangeError('yi and vi differ in length');
	if (yi.length === 0) throw new RangeError('no studies');
	for (let i = 0; i < yi.length; i++) {
		if (!Number.isFinite(yi[i]!)) throw new StudyInputError(i, `yi[${i}] is not finite`);
		if (!(Number.isFinite(vi[i]!) && vi[i]! > 0))
			throw new StudyInputError(i, `vi[${i}] must be finite and > 0`);
		if (!Number.isFinite(1 / vi[i]!))
			throw new StudyInputError(i, `vi[${i}] = ${vi[i]} is too small: its weight 1/vi is not finite`);
		if (xi && !Number.isFinite(xi[i]!)) throw new StudyInputError(i, `xi[${i}] is not finite`);
	}
}

/**
 * metafor's warning threshold (`rma.uni`): when max(vi) / min(vi) >= 1e7 the results may be unstable.
 * @example varianceRatio([1e-8, 1]) // 1e8
 */
export function varianceRatio(vi: ArrayLike<number>): number {
	let lo = Infinity;
	let hi = 0;
	for (let i = 0; i < vi.length; i++) {
		if (vi[i]! < lo) lo = vi[i]!;
		if (vi[i]! > hi) hi = vi[i]!;
	}
	return hi / lo;
}
export const VARIANCE_RATIO_WARN = 1e7;

/**
 * metafor's rank check: the smallest eigenvalue of X'X, X = [1, xi], must exceed 1e-7 (`control$evtol`).
 * @example fullRank([0.2, 0.2, 0.2]) // false
 */
export function fullRank(xi: ArrayLike<number>): boolean {
	const k = xi.length;
	let sx = 0;
	let sxx = 0;
	for (let i = 0; i < k; i++) sx += xi[i]!;
	const mean = sx / k;
	let ss = 0;
	for (let i = 0; i < k; i++) {
		ss += (xi[i]! - mean) ** 2;
		sxx += xi[i]! ** 2;
	}
	const det = k * ss;
	const tr = k + sxx;
	const lmax = (tr + Math.sqrt(Math.max(0, tr * tr - 4 * det))) / 2;
	return det / lmax > 1e-7;
}
