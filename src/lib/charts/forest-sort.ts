import type { StudyEffect } from '$lib/evidence/types';
import { textOrder } from '$lib/data/text-order';

export type ForestSort = 'year' | 'weight' | 'effect' | 'input';

/**
 * Order the rows of a forest plot: by publication year (then label), by weight (largest first, excluded
 * studies last), by effect (most negative first), or as given. Stable: ties keep input order.
 * @example sortStudies(studies, 'effect') // ascending yi
 */
export function sortStudies(studies: StudyEffect[], sort: ForestSort): StudyEffect[] {
	const out = [...studies];
	if (sort === 'year') out.sort((a, b) => a.year - b.year || textOrder(a.study, b.study));
	else if (sort === 'weight') out.sort((a, b) => (b.weight ?? -1) - (a.weight ?? -1));
	else if (sort === 'effect') out.sort((a, b) => a.yi - b.yi);
	return out;
}
