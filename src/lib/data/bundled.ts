// The bundled evidence, as text compiled into the app (Vite `?raw` through the `$data` alias). For Node (CLI,
// scripts) read the same files with src/cli/read-bundled.ts.
import contrastsCsv from '$data/contrasts.csv?raw';
import trialsCsv from '$data/trials.csv?raw';
import { datasetFromTexts } from './dataset';
import type { Dataset, Problem } from './types';

/** data/trials.csv as shipped. */
export const bundledTrialsCsv: string = trialsCsv;
/** data/contrasts.csv as shipped. */
export const bundledContrastsCsv: string = contrastsCsv;

/** The bundled data parsed into rows, with their problems (no errors for the data as shipped: a unit test guards it). */
export function parseBundled(): { dataset: Dataset; problems: Problem[] } {
	return datasetFromTexts({ trials: bundledTrialsCsv, contrasts: bundledContrastsCsv });
}
