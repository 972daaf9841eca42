// Ingest benchmark (docs/ARCHITECTURE.md section 7): the project's parse + validate against raw Papa.parse on the same
// synthetic 1,000,000-row trials.csv. Goal: at least 0.9x raw PapaParse throughput. Reported cold (a fresh worker,
// no warm-up: what a user's upload gets) and warm (after an untimed parse of the first 2 MB), on the repetitive file
// and on one with a unique note on every row (realistic string variety: the parser cannot share strings).
import { Worker } from 'node:worker_threads';
import { TRIAL_COLUMNS } from '../src/lib/data/schema';
import type { IngestTask, TaskInput, TaskOutput } from './ingest-task';

const ROWS = 1_000_000;
const RUNS = 3;
/** Throughput goal, project / raw PapaParse. */
const GOAL = 0.9;
/** Characters each worker parses once, untimed, before its timed run. */
const WARM_CHARS = 2_000_000;

const ARMS = [
	['acupuncture', '"verum acupuncture, 12 sessions over 8 weeks"', ''],
	['sham', '"minimal acupuncture: superficial needling at non-points, 12 sessions"', 'penetrating'],
	['no_treatment', 'waiting list', ''],
	['usual_care', '"guideline-based conventional therapy (drugs, physiotherapy, exercise)"', '']
] as const;
const OUTCOMES = [
	['pain', 'VAS_0_100', 'lower_better'],
	['function', 'RMDQ_0_24', 'lower_better'],
	['responder', 'resp_33pct_pain_or_12pct_function', '']
] as const;
const WEEKS = [8, 26, 52];

/**
 * A valid arm-level CSV of `rows` rows (deterministic): 36 rows per synthetic study (4 arms x 3 outcomes x
 * 3 timepoints), quoted labels with commas, and a quoted note on every sixth row, or with `uniqueNotes` a different
 * quoted note on every row (as real extraction notes are). The numbers are synthetic and only exercise the reader;
 * they are never shown as evidence.
 */
export function syntheticTrialsCsv(rows: number, uniqueNotes = false): string {
	const out: string[] = [TRIAL_COLUMNS.map((c) => c.name).join(',')];
	let seed = 42;
	const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
	for (let i = 0; i < rows; i++) {
		const study = Math.floor(i / 36);
		const [arm, label, sham] = ARMS[i % 4]!;
		const [outcome, scale, direction] = OUTCOMES[Math.floor(i / 4) % 3]!;
		const week = WEEKS[Math.floor(i / 12) % 3]!;
		const n = 40 + Math.floor(rand() * 200);
		const binary = outcome === 'responder';
		const mean = binary ? '' : (-(rand() * 20)).toFixed(1);
		const sd = binary ? '' : (10 + rand() * 20).toFixed(1);
		const events = binary ? String(Math.floor(rand() * n)) : '';
		const notes = uniqueNotes
			? `"row ${i}: SD ${(rand() * 30).toFixed(3)} from the 95% CI (${(rand() * 9).toFixed(2)}, ${(10 + rand() * 9).toFixed(2)}), n = ${n}, ""Table ${1 + (i % 7)}"""`
			: i % 6 === 0
				? '"SD from 95% CI: sd = sqrt(n)*(hi-lo)/(2*1.959964), as ""Table 2"" gives"'
				: '';
		out.push(
			`synth${study},Synthetic ${study},${2000 + (study % 25)},chronic,${arm},${label},${sham},,${outcome},` +
				`${scale},${direction},${week},${n},${mean},${sd},${binary ? '' : 'change'},${events},low,` +
				`pmid:${10000000 + study},Table 2,${notes},${arm === 'acupuncture' ? `10,${6 + (study % 7)}` : ','}`
		);
	}
	return out.join('\n') + '\n';
}

/**
 * Runs one task in a fresh worker thread and returns what it measured. Each task gets its own V8 isolate because
 * the tasks share PapaParse's code: in one isolate, raw Papa.parse (which keeps a million records alive) teaches
 * V8 to allocate the parser's records straight in the old generation, and every later parse in that isolate pays
 * for it (measured: the project's ingest took 5.0-6.1 s after a raw run in the same isolate, 3.0-4.1 s alone,
 * with 6 MB surviving each young-generation collection instead of < 1 MB). In the browser the upload worker
 * never runs a raw parse, so the isolated figure is the one users get.
 */
function inWorker(input: TaskInput): Promise<TaskOutput> {
	return new Promise((resolve, reject) => {
		// The task is TypeScript: the worker loads it through tsx, as `npm run bench` loads this file.
		const task = JSON.stringify(new URL('./ingest-task.ts', import.meta.url).href);
		const load = `import('tsx/esm/api').then((tsx) => tsx.tsImport(${task}, ${JSON.stringify(import.meta.url)}))`;
		const w = new Worker(load, { eval: true, workerData: input });
		w.once('message', (out: TaskOutput) => {
			resolve(out);
			void w.terminate();
		});
		w.once('error', reject);
	});
}

const TASKS: { task: IngestTask; name: string }[] = [
	{ task: 'raw', name: 'raw Papa.parse (arrays mode, no header)' },
	{ task: 'ours', name: 'project parse + validate (typed columns)' },
	{ task: 'objects', name: 'project parse + validate + row objects' }
];

/** Best-of-RUNS seconds of each task on one file, cold or warm. */
async function measure(shared: SharedArrayBuffer, warm: boolean, tasks: typeof TASKS): Promise<number[]> {
	const best = tasks.map(() => Infinity);
	for (let k = 0; k < RUNS; k++) {
		for (const [t, { task }] of tasks.entries()) {
			const out = await inWorker({ task, bytes: shared, warmChars: warm ? WARM_CHARS : 0 });
			const want = task === 'raw' ? ROWS + 1 : ROWS;
			if (out.errors !== 0 || out.rows < want)
				throw new Error(`benchmark file misread by ${task}: ${out.rows} rows, ${out.errors} errors`);
			best[t] = Math.min(best[t]!, out.seconds);
		}
	}
	return best;
}

/**
 * Prints rows/s and MB/s of raw Papa.parse and of the project's ingest, and their ratio against the goal, for each
 * file (repetitive, unique notes), cold and warm. Best of RUNS rounds; in each round every task runs once, in its
 * own worker, so a busy machine slows all alike. Row objects (the CLI's path) are timed on the first file, warm.
 */
export async function benchIngest(): Promise<void> {
	console.log(
		`\n## Ingest: ${ROWS.toLocaleString('en')} arm-level rows, best of ${RUNS} rounds, each task in its own worker thread`
	);
	for (const unique of [false, true]) {
		const bytes = Buffer.from(syntheticTrialsCsv(ROWS, unique), 'utf8');
		const shared = new SharedArrayBuffer(bytes.length);
		bytes.copy(Buffer.from(shared));
		const mb = bytes.length / 1e6;
		const file = unique ? 'unique note on every row' : 'repetitive strings (a note on every 6th row)';
		for (const warm of [false, true]) {
			const tasks = !unique && warm ? TASKS : TASKS.slice(0, 2);
			const best = await measure(shared, warm, tasks);
			console.log(
				`${file}, ${mb.toFixed(1)} MB, ${warm ? 'warm (after an untimed 2 MB parse)' : 'cold (no warm-up)'}:`
			);
			const line = (name: string, sec: number) =>
				`  ${name.padEnd(46)} ${(ROWS / sec / 1e6).toFixed(2).padStart(6)} M rows/s ${(mb / sec).toFixed(1).padStart(7)} MB/s  (${sec.toFixed(2)} s)`;
			tasks.forEach(({ name }, t) => console.log(line(name, best[t]!)));
			const ratio = best[0]! / best[1]!;
			console.log(
				`  ratio (project / raw throughput): ${ratio.toFixed(2)}x (goal >= ${GOAL}x) ${ratio >= GOAL ? 'OK' : 'BELOW GOAL'}`
			);
		}
	}
}
