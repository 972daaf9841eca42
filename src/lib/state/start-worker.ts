// A module of its own: the page names the worker's starter at first load, and loads the client
// (analysis-client.ts) only when data are large enough to need the worker.
/** Starts the analysis worker (Vite bundles src/lib/evidence/worker.ts as a module worker). */
export function startAnalysisWorker(): Worker {
	return new Worker(new URL('../evidence/worker.ts', import.meta.url), { type: 'module' });
}
