import { parse } from 'devalue';
import { pageHydrated } from '$lib/charts/draw-queue';
import type { Dataset } from '$lib/data/types';
import type { Prerendered } from '$lib/evidence/prerendered';

/** The main page's data: the bundled rows and their statistics under the default controls. */
export interface MainPage {
	bundled: Dataset;
	prerendered: Prerendered;
}

/**
 * Unpacks what +page.server.ts packed at build time. On the first load the page then hydrates in a task of its
 * own (docs/ARCHITECTURE.md section 7): without the wait, this parse, the evaluation of the page's modules and the
 * hydration could fall in one task of over 50 ms.
 */
export async function load({ data }: { data: { packed: string } }): Promise<MainPage> {
	const page = parse(data.packed) as MainPage;
	if (typeof document !== 'undefined' && !pageHydrated()) await new Promise((go) => setTimeout(go, 0));
	return page;
}
