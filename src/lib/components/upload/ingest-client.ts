import type { IngestResult } from '$lib/data/ingest';
import type { Progress } from '$lib/data/read-blob';
import type { IngestMessage, IngestRequest } from '$lib/data/worker-protocol';

/** Reads files into results, reporting progress; never rejects. */
export type IngestFn = (files: readonly File[], onProgress: (p: Progress) => void) => Promise<IngestResult[]>;

/** Reads files on the page itself (tests, and browsers without module workers); the parser loads lazily. */
export const pageIngest: IngestFn = async (files, onProgress) => {
	const { ingestBlob } = await import('$lib/data/read-blob');
	const results: IngestResult[] = [];
	for (const [index, file] of files.entries()) {
		results.push(
			await ingestBlob(file, file.name, (loaded, total) =>
				onProgress({ index, file: file.name, loaded, total })
			)
		);
	}
	return results;
};

/**
 * Reads files in a Web Worker (src/lib/data/worker.ts), so a 200 MB file never blocks the page; the columns
 * come back transferred, not copied. Falls back to the page when workers are unavailable or fail to start.
 */
export const workerIngest: IngestFn = (files, onProgress) => {
	if (typeof Worker === 'undefined') return pageIngest(files, onProgress);
	return new Promise((resolve) => {
		let worker: Worker;
		try {
			worker = new Worker(new URL('../../data/worker.ts', import.meta.url), { type: 'module' });
		} catch {
			resolve(pageIngest(files, onProgress));
			return;
		}
		worker.onmessage = (event: MessageEvent<IngestMessage>) => {
			const m = event.data;
			if (m.type === 'progress') onProgress(m);
			else {
				worker.terminate();
				resolve(m.results);
			}
		};
		worker.onerror = (event) => {
			event.preventDefault();
			worker.terminate();
			resolve(pageIngest(files, onProgress));
		};
		worker.postMessage({ files: [...files] } satisfies IngestRequest);
	});
};
