import contrastsCsv from '$data/contrasts.csv?raw';
import trialsCsv from '$data/trials.csv?raw';
import { trialsInData } from '$lib/components/scope/scope';
import { parseFile } from '$lib/data/parse-file';

/** The bundled trials for the scope statement, read at build time like the main page's data. */
export function load() {
	const t = parseFile(trialsCsv, 'trials.csv');
	const c = parseFile(contrastsCsv, 'contrasts.csv');
	return { trials: trialsInData({ trials: t.trials, contrasts: c.contrasts }) };
}
