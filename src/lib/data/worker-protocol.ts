import type { IngestResult } from './ingest';
import type { Progress } from './read-blob';

/** Main thread -> worker: read these files. */
export interface IngestRequest {
	files: File[];
}

/**
 * Worker -> main thread: progress while reading, then each table's texts in pieces (text-chunks.ts; `key` is
 * `textsKey(result, kind)`), then every file's result with its tables' texts left out and columns transferred.
 */
export type IngestMessage =
	| ({ type: 'progress' } & Progress)
	| { type: 'texts'; key: string; texts: string[] }
	| { type: 'done'; results: IngestResult[] };

/** Which table a piece of texts belongs to: the result's index and the table's kind. */
export const textsKey = (result: number, kind: 'trials' | 'contrasts') => `${result}:${kind}`;
