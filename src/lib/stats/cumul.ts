/**
 * Cumulative meta-analysis: studies are added one at a time in a given order and the model is refitted after
 * each addition (metafor `cumul.rma.uni`). The order is given, as in metafor, by a sort key per study (e.g. the
 * publication year), sorted ascending with ties kept in input order (R's `order()` is stable); without a key the
 * input order is used.
 * Source: metafor `?cumul`; Lau et al. (1992), N Engl J Med 327:248-254.
 */
import { rma } from './rma';
import type { RmaOptions, RmaResult } from './types';

export interface CumulativeStep {
	/** Index (in input order) of the study added at this step. */
	added: number;
	result: RmaResult;
}

/**
 * @example cumul(yi, vi, {}, years).map((s) => s.result.estimate) // BCG by year: first -0.8893 (Aronson 1948)
 */
export function cumul(
	yi: ArrayLike<number>,
	vi: ArrayLike<number>,
	options: RmaOptions = {},
	order?: ArrayLike<number>
): CumulativeStep[] {
	const k = yi.length;
	if (order && order.length !== k) throw new RangeError('order must have one key per study');
	const idx = Array.from({ length: k }, (_, i) => i);
	if (order) idx.sort((a, b) => order[a]! - order[b]! || a - b);
	const y: number[] = [];
	const v: number[] = [];
	return idx.map((i) => {
		y.push(yi[i]!);
		v.push(vi[i]!);
		return { added: i, result: rma(y, v, options) };
	});
}
