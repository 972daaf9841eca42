import { parseFile } from './parse-file';
import type { Dataset, Problem } from './types';

/** Both files of a dataset as text (either may be empty). */
export interface DatasetTexts {
	trials: string;
	contrasts: string;
}

/**
 * A dataset from the texts of trials.csv and contrasts.csv, with every problem. Each text must hold the kind
 * of file its name says; a file of the other kind is reported, not swapped.
 */
export function datasetFromTexts(
	texts: DatasetTexts,
	names: DatasetTexts = { trials: 'trials.csv', contrasts: 'contrasts.csv' }
): { dataset: Dataset; problems: Problem[] } {
	const dataset: Dataset = { trials: [], contrasts: [] };
	const problems: Problem[] = [];
	for (const kind of ['trials', 'contrasts'] as const) {
		const parsed = parseFile(texts[kind], names[kind]);
		problems.push(...parsed.problems);
		if (parsed.kind !== null && parsed.kind !== kind)
			problems.push({
				severity: 'error',
				file: names[kind],
				row: 1,
				column: '',
				value: '',
				message: `this is a ${parsed.kind} file, expected ${kind}`,
				hint: `Give the ${kind} file here.`
			});
		else if (kind === 'trials') dataset.trials = parsed.trials;
		else dataset.contrasts = parsed.contrasts;
	}
	return { dataset, problems };
}
