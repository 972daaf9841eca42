// One timed ingest task in its own worker thread (own V8 isolate, own heap): see bench/ingest.ts for why.
import v8 from 'node:v8';
import vm from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import Papa from 'papaparse';
import { ingestText } from '../src/lib/data/ingest';
import { parseFile } from '../src/lib/data/parse-file';

export type IngestTask = 'raw' | 'ours' | 'objects';
export interface TaskInput {
	task: IngestTask;
	/** The CSV as UTF-8 bytes, shared with the main thread (every task reads the same file). */
	bytes: SharedArrayBuffer;
	/** Characters parsed once, untimed, before the timed run; 0 for a cold run (what a user's upload gets). */
	warmChars: number;
}
export interface TaskOutput {
	seconds: number;
	/** Records (raw) or valid rows (project). */
	rows: number;
	errors: number;
}

/** Runs the task once on the file; the caller checks rows and errors so a misread file cannot look fast. */
function run(task: IngestTask, text: string): Omit<TaskOutput, 'seconds'> {
	if (task === 'raw') return { rows: Papa.parse<string[]>(text).data.length, errors: 0 };
	if (task === 'ours') {
		const r = ingestText(text, 'bench.csv');
		return { rows: r.trials?.length ?? 0, errors: r.errors };
	}
	const r = parseFile(text, 'bench.csv');
	return { rows: r.trials.length, errors: r.errors };
}

if (parentPort) {
	const { task, bytes, warmChars } = workerData as TaskInput;
	const text = Buffer.from(bytes).toString('utf8');
	v8.setFlagsFromString('--expose-gc');
	const gc = vm.runInNewContext('gc') as () => void;
	// Warm: parse the start of the file first (compilation is then not measured). Cold: time the very first parse.
	// Either way the timed run starts on a collected heap.
	if (warmChars > 0) run(task, text.slice(0, warmChars));
	gc();
	const t0 = performance.now();
	const out = run(task, text);
	const seconds = (performance.now() - t0) / 1000;
	parentPort.postMessage({ seconds, ...out } satisfies TaskOutput);
}
