import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DatasetTexts } from '../lib/data/dataset';

/** Paths of the bundled files (data/ at the repository root). */
export const BUNDLED_PATHS: DatasetTexts = {
	trials: fileURLToPath(new URL('../../data/trials.csv', import.meta.url)),
	contrasts: fileURLToPath(new URL('../../data/contrasts.csv', import.meta.url))
};

/** The bundled CSV texts, read with fs for Node (the browser build gets them from src/lib/data/bundled.ts). */
export function readBundled(): DatasetTexts {
	return {
		trials: readFileSync(BUNDLED_PATHS.trials, 'utf8'),
		contrasts: readFileSync(BUNDLED_PATHS.contrasts, 'utf8')
	};
}
