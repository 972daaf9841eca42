import { stringify } from 'devalue';
import contrastsCsv from '$data/contrasts.csv?raw';
import robCsv from '$data/rob.csv?raw';
import trialsCsv from '$data/trials.csv?raw';
import { parseRob } from '$lib/data/rob-csv';
import { parseFile } from '$lib/data/parse-file';
import { bundledClaims } from '$lib/evidence/claims';
import { prerender } from '$lib/evidence/prerender';
import { claimViewOf, DEFAULT_CONTROLS, settingsOf } from '$lib/state/url-params';

/**
 * The bundled data are parsed and validated at build time (prerendering), so the page ships typed rows and
 * PapaParse stays out of the first-load JavaScript; their statistics under the default controls are computed here
 * too, so hydration shows them without running the engine. Both go to the page as one devalue string that
 * +page.ts parses before hydration: as the script literal SvelteKit would otherwise write (~280 KB), they cost
 * 15-20 ms of compiling in the page's first rendering task and 5-10 ms of evaluating (1x CPU).
 */
export function load(): { packed: string } {
	const t = parseFile(trialsCsv, 'trials.csv');
	const c = parseFile(contrastsCsv, 'contrasts.csv');
	const rob = parseRob(robCsv, 'rob.csv');
	const errors = [...t.problems, ...c.problems, ...rob.problems].filter((p) => p.severity === 'error');
	if (errors.length) throw new Error(`bundled data has errors: ${errors.map((p) => p.message).join('; ')}`);
	const bundled = { trials: t.trials, contrasts: c.contrasts, rob: rob.judgements };
	const prerendered = prerender(
		bundled,
		bundledClaims.claims,
		settingsOf(DEFAULT_CONTROLS),
		claimViewOf(DEFAULT_CONTROLS)
	);
	return { packed: stringify({ bundled, prerendered }) };
}
