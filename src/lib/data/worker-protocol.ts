import type { IngestResult } from './ingest';
import type { Progress } from './read-blob';

/** Main thread -> worker: read these files. */
export interface IngestRequest {
	files: File[];
}

/** Worker -> main thread: progress while reading, then every file's result (columns transferred, not copied). */
export type IngestMessage = ({ type: 'progress' } & Progress) | { type: 'done'; results: IngestResult[] };
