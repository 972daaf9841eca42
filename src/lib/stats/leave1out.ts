/**
 * Leave-one-out sensitivity analysis: the model refitted k times, each time without one study, with the same
 * estimator, test and level (metafor `leave1out.rma.uni`; each refit has its own fallback, and a refit on a single
 * study uses the z test as metafor does).
 * Source: metafor `?leave1out`.
 */
import { rma } from './rma';
import type { RmaOptions, RmaResult } from './types';

export interface LeaveOneOut {
	/** Index (in input order) of the study left out. */
	omitted: number;
	result: RmaResult;
}

/**
 * @throws RangeError when k = 1 (metafor: "Stopped because k = 1").
 * @example leave1out(yi, vi)[0].result.estimate // BCG without Aronson 1948: -0.7071 (REML)
 */
export function leave1out(
	yi: ArrayLike<number>,
	vi: ArrayLike<number>,
	options: RmaOptions = {}
): LeaveOneOut[] {
	const k = yi.length;
	if (k < 2) throw new RangeError('leave-one-out needs k >= 2');
	const y = new Float64Array(k - 1);
	const v = new Float64Array(k - 1);
	const out: LeaveOneOut[] = [];
	for (let i = 0; i < k; i++) {
		for (let j = 0, n = 0; j < k; j++) {
			if (j === i) continue;
			y[n] = yi[j]!;
			v[n++] = vi[j]!;
		}
		out.push({ omitted: i, result: rma(y, v, options) });
	}
	return out;
}
