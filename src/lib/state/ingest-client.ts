import type { IngestResult } from '$lib/data/ingest';
import type { Progress } from '$lib/data/read-blob';
import { TextPieces } from '$lib/data/text-chunks';
import { textsKey, type IngestMessage, type IngestRequest } from '$lib/data/worker-protocol';

/**
 * Reads files into results, reporting progress; never rejects. Resolves to null once `signal` aborts (the
 * reading stops: the worker is stopped, or the page stops after the slice it is reading).
 */
export type IngestFn = (
	files: readonly File[],
	onProgress: (p: Progress) => void,
	signal?: AbortSignal
) => Promise<IngestResult[] | null>;

/** Thrown from the progress callback to stop a read on the page (ingestBlob then returns early). */
class Cancelled extends Error {}

/** Reads files on the page itself (tests, and browsers without module workers); the parser loads lazily. */
export const pageIngest: IngestFn = async (files, onProgress, signal) => {
	const { ingestBlob } = await import('$lib/data/read-blob');
	const results: IngestResult[] = [];
	for (const [index, file] of files.entries()) {
		if (signal?.aborted) return null;
		results.push(
			await ingestBlob(file, file.name, (loaded, total) => {
				if (signal?.aborted) throw new Cancelled('cancelled');
				onProgress({ index, file: file.name, loaded, total });
			})
		);
	}
	return signal?.aborted ? null : results;
};

/**
 * Reads files in a Web Worker (src/lib/data/worker.ts), so a 200 MB file never blocks the page; the columns
 * come back transferred, not copied. Falls back to the page when workers are unavailable or fail to start.
 * Cancelling stops the worker at once.
 */
export const workerIngest: IngestFn = (files, onProgress, signal) => {
	if (typeof Worker === 'undefined') return pageIngest(files, onProgress, signal);
	if (signal?.aborted) return Promise.resolve(null);
	return new Promise((resolve) => {
		let worker: Worker;
		try {
			worker = new Worker(new URL('../data/worker.ts', import.meta.url), { type: 'module' });
		} catch {
			resolve(pageIngest(files, onProgress, signal));
			return;
		}
		const cancel = () => {
			worker.terminate();
			resolve(null);
		};
		signal?.addEventListener('abort', cancel, { once: true });
		const finish = (r: IngestResult[] | null | Promise<IngestResult[] | null>) => {
			signal?.removeEventListener('abort', cancel);
			worker.terminate();
			resolve(r);
		};
		const texts = new TextPieces();
		worker.onmessage = (event: MessageEvent<IngestMessage>) => {
			const m = event.data;
			if (m.type === 'progress') onProgress(m);
			else if (m.type === 'texts') texts.add(m.key, m.texts);
			else
				finish(
					m.results.map((r, i) => ({
						...r,
						trials: r.trials && { ...r.trials, strings: texts.take(textsKey(i, 'trials')) },
						contrasts: r.contrasts && { ...r.contrasts, strings: texts.take(textsKey(i, 'contrasts')) }
					}))
				);
		};
		worker.onerror = (event) => {
			event.preventDefault();
			finish(pageIngest(files, onProgress, signal));
		};
		worker.postMessage({ files: [...files] } satisfies IngestRequest);
	});
};
