/**
 * Loads the engine (src/lib/evidence/engine.ts) on demand, once per page: the first-load JavaScript of `/` leaves
 * it out because hydration shows the build-time results (docs/ARCHITECTURE.md section 7).
 */
import type * as EngineModule from '$lib/evidence/engine';

export type Engine = typeof EngineModule;

let loaded: Engine | null = null;
let loading: Promise<Engine> | null = null;

/** The engine if it has been loaded, else null (it is not loaded by asking). */
export function engineNow(): Engine | null {
	return loaded;
}

/** Loads the engine (once; later calls share the same promise). Tests await it before mounting a view. */
export function loadEngine(): Promise<Engine> {
	loading ??= import('$lib/evidence/engine').then(
		(m) => (loaded = m),
		(e: unknown) => {
			loading = null; // a failed download may be tried again
			throw e;
		}
	);
	return loading;
}
