import type { RmaResult } from '$lib/stats/types';
import { formatP, formatter } from './format';
import type { ForestSubgroups } from './types';

const f1 = formatter('.1f');
const f2 = formatter('.2f');

/** "12.3%" for a weight in percent. */
export const formatWeight = (w: number): string => `${f1(w)}%`;

/** Name of the pooling model, e.g. "Random effects (REML)" or "Common effect". */
export function modelName(r: RmaResult): string {
	const test = r.test === 'adhoc' ? ', Hartung-Knapp (ad hoc)' : r.test === 'knha' ? ', Hartung-Knapp' : '';
	return r.method === 'FE' ? `Common effect${test}` : `Random effects (${r.method}${test})`;
}

/**
 * Heterogeneity line in Cochrane's wording, with tau2 from the model and I2 from tau2 (metafor).
 * @example heterogeneityText(r) // "Heterogeneity: τ² = 12.30, I² = 45%, Q = 7.30 (df = 4), p = 0.12"
 */
export function heterogeneityText(r: RmaResult): string {
	return `Heterogeneity: τ² = ${f2(r.tau2)}, I² = ${formatter('.0f')(r.i2)}%, Q = ${f2(r.q)} (df = ${r.q_df}), ${formatP(r.q_p)}`;
}

/** "Test for subgroup differences (sham type): Q = 1.23, df = 1, p = 0.27". */
export function subgroupTestText(by: string, t: Pick<ForestSubgroups, 'q' | 'df' | 'p'>): string {
	return `Test for subgroup differences (${by.toLowerCase()}): Q = ${f2(t.q)}, df = ${t.df}, ${formatP(t.p)}`;
}
