/**
 * Effect size from a reported estimate and its confidence interval (generic inverse variance).
 * Source: Cochrane Handbook 6.3.1 and 6.5.2.3 (SE = (upper - lower) / (2 z_{1-alpha/2})); metafor takes yi and
 * vi = sei^2 directly (`rma(yi, sei = ...)`).
 */
import { alphaFromLevel, qnorm } from './distributions';
import type { Effect } from './types';

/** A reported contrast: estimate with its CI, on the reported scale (ratios as ratios, not logs). */
export interface ReportedEstimate {
	estimate: number;
	lower: number;
	upper: number;
	/** True for ratio measures (RR, OR, HR): analysed on the log scale. */
	ratio: boolean;
	/** Confidence level of the reported interval, in percent (default 95). */
	level?: number;
}

/**
 * yi = estimate (log(estimate) for ratios); vi = ((upper - lower) / (2 qnorm(1 - alpha/2)))^2, with logs of the
 * limits for ratios. The exact normal quantile is used (qnorm(0.975) = 1.959964...), never a rounded constant.
 * @example
 * effectFromCI({ estimate: 0.49, lower: 0.34, upper: 0.70, ratio: true })
 * // { yi: log(0.49) = -0.7133, vi: ((log(0.70) - log(0.34)) / (2 * 1.959964))^2 = 0.03394 }
 */
export function effectFromCI(r: ReportedEstimate): Effect {
	const { estimate, lower, upper, ratio } = r;
	if (![estimate, lower, upper].every(Number.isFinite)) throw new RangeError('non-finite estimate or limit');
	if (!(lower < upper)) throw new RangeError('the lower limit must be below the upper limit');
	if (!(lower <= estimate && estimate <= upper)) throw new RangeError('the estimate must lie within its CI');
	if (ratio && !(lower > 0)) throw new RangeError('ratio limits must be > 0');
	const z = qnorm(1 - alphaFromLevel(r.level ?? 95) / 2);
	const f = ratio ? Math.log : (x: number) => x;
	const se = (f(upper) - f(lower)) / (2 * z);
	return { yi: f(estimate), vi: se * se };
}
