/**
 * The step-by-step build of a forest plot for teaching: a cumulative meta-analysis in which the studies are added
 * one at a time in order of publication year and the pooled result is refitted after each addition.
 * Source: metafor `?cumul` (`cumul.rma.uni(res, order = year)`); Lau et al. (1992), N Engl J Med 327:248-254.
 */
import { cumul } from '$lib/stats';
import type { Analysis } from './types';

/**
 * For j = 1..k: the analysis restricted to its first j included studies in year order (ties keep the analysis's
 * order, as R's stable `order()`), pooled again with the estimator, test and level of the full result
 * (`result.requested`, so a REML fallback is decided afresh at each step). Each study's `weight` is its percent
 * weight in that step's fit. Studies left out of the full analysis (`excluded`) take no part; an analysis
 * without a pooled result has no steps. The last step reproduces the full pooled result.
 * @example
 * // BCG vaccine trials (metafor dat.bcg, log risk ratios) ordered by year, REML:
 * cumulativeSteps(bcg).map((a) => a.result!.estimate) // [-0.8893 (Aronson 1948), -1.3250 (+ Ferguson 1949), ...]
 */
export function cumulativeSteps(analysis: Analysis): Analysis[] {
	const r = analysis.result;
	const kept = analysis.studies.filter((s) => !s.excluded);
	if (!r || kept.length === 0) return [];
	let steps: ReturnType<typeof cumul>;
	try {
		steps = cumul(
			kept.map((s) => s.yi),
			kept.map((s) => s.vi),
			{ method: r.requested, test: r.test, level: r.level },
			kept.map((s) => s.year)
		);
	} catch (e) {
		if (e instanceof RangeError) return []; // a step's model is not finite (issue 16): no stepper
		throw e;
	}
	const ordered = steps.map((s) => kept[s.added]!);
	return steps.map((step, j) => ({
		...analysis,
		studies: ordered.slice(0, j + 1).map((s, i) => ({ ...s, weight: step.result.weights[i]! })),
		result: step.result
	}));
}
