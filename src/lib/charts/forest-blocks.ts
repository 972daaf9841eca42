import type { Analysis } from '$lib/evidence/types';
import type { ForestBlockInput } from './forest-layout';
import { sortStudies, type ForestSort } from './forest-sort';
import type { ForestSubgroups } from './types';

/**
 * The blocks of a forest plot: one untitled block with the analysis' studies and its pooled result, or one
 * titled block per subgroup with the subgroup's own result. Rows sorted by `sort`.
 * @example forestBlocks(analysis, 'year').length // 1
 */
export function forestBlocks(
	analysis: Pick<Analysis, 'studies' | 'result'>,
	sort: ForestSort,
	subgroups?: ForestSubgroups | null
): ForestBlockInput[] {
	if (!subgroups)
		return [{ studies: sortStudies(analysis.studies, sort), result: analysis.result, pooledLabel: 'Pooled' }];
	return subgroups.groups.map((g) => ({
		title: g.label,
		studies: sortStudies(g.analysis.studies, sort),
		result: g.analysis.result,
		pooledLabel: 'Subtotal'
	}));
}
