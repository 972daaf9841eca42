import contrastsCsv from '$data/contrasts.csv?raw';
import trialsCsv from '$data/trials.csv?raw';
import { parseFile } from '$lib/data/parse-file';
import type { Problem } from '$lib/data/types';

/** Every bundled row, parsed at build time, with the validator's warnings (e.g. a source without DOI/PMID). */
export function load() {
	const t = parseFile(trialsCsv, 'trials.csv');
	const c = parseFile(contrastsCsv, 'contrasts.csv');
	const warnings: Problem[] = [...t.problems, ...c.problems];
	return { trials: t.trials, contrasts: c.contrasts, warnings };
}
