import contrastsCsv from '$data/contrasts.csv?raw';
import robCsv from '$data/rob.csv?raw';
import trialsCsv from '$data/trials.csv?raw';
import { parseRob } from '$lib/data/rob';
import { parseFile } from '$lib/data/parse-file';
import type { Dataset } from '$lib/data/types';

/**
 * The bundled data are parsed and validated at build time (prerendering), so the page ships typed rows and
 * PapaParse stays out of the first-load JavaScript.
 */
export function load(): { bundled: Dataset } {
	const t = parseFile(trialsCsv, 'trials.csv');
	const c = parseFile(contrastsCsv, 'contrasts.csv');
	const rob = parseRob(robCsv, 'rob.csv');
	const errors = [...t.problems, ...c.problems, ...rob.problems].filter((p) => p.severity === 'error');
	if (errors.length) throw new Error(`bundled data has errors: ${errors.map((p) => p.message).join('; ')}`);
	return { bundled: { trials: t.trials, contrasts: c.contrasts, rob: rob.judgements } };
}
