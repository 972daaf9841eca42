// Ingest benchmark (DESIGN.md 7): the project's parse + validate against raw Papa.parse on the same
// synthetic 1,000,000-row trials.csv. Goal: at least 0.7x raw PapaParse throughput.
import v8 from 'node:v8';
import vm from 'node:vm';
import Papa from 'papaparse';
import { ingestText } from '../src/lib/data/ingest';
import { parseFile } from '../src/lib/data/parse-file';
import { TRIAL_COLUMNS } from '../src/lib/data/schema';

const ROWS = 1_000_000;
const RUNS = 3;

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
 * 3 timepoints), quoted labels with commas, and a quoted note on every sixth row. The numbers are synthetic
 * and only exercise the reader; they are never shown as evidence.
 */
export function syntheticTrialsCsv(rows: number): string {
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
		const notes =
			i % 6 === 0 ? '"SD from 95% CI: sd = sqrt(n)*(hi-lo)/(2*1.959964), as ""Table 2"" gives"' : '';
		out.push(
			`synth${study},Synthetic ${study},${2000 + (study % 25)},chronic,${arm},${label},${sham},${outcome},` +
				`${scale},${direction},${week},${n},${mean},${sd},${binary ? '' : 'change'},${events},low,` +
				`pmid:${10000000 + study},Table 2,${notes}`
		);
	}
	return out.join('\n') + '\n';
}

/** A full garbage collection, so no task pays for the garbage the one before left (Node's --expose-gc). */
function collect(): () => void {
	v8.setFlagsFromString('--expose-gc');
	return vm.runInNewContext('gc') as () => void;
}

/**
 * Best time in seconds of each task over RUNS rounds. The tasks take turns, so a busy machine slows all alike,
 * and each starts on a collected heap.
 */
function bestOf(tasks: (() => void)[]): number[] {
	const gc = collect();
	const best = tasks.map(() => Infinity);
	for (let k = 0; k < RUNS; k++) {
		tasks.forEach((f, t) => {
			gc();
			const t0 = performance.now();
			f();
			best[t] = Math.min(best[t]!, performance.now() - t0);
		});
	}
	return best.map((ms) => ms / 1000);
}

/** Prints rows/s and MB/s of raw Papa.parse and of the project's ingest on one generated file, and the ratio. */
export async function benchIngest(): Promise<void> {
	const text = syntheticTrialsCsv(ROWS);
	const mb = Buffer.byteLength(text, 'utf8') / 1e6;
	console.log(
		`ingest: ${ROWS.toLocaleString('en')} arm-level rows, ${mb.toFixed(1)} MB (best of ${RUNS} interleaved runs)`
	);
	// Warm both paths up on a slice, so neither pays for compilation in the timed runs.
	const warm = text.slice(0, 2_000_000);
	Papa.parse(warm);
	ingestText(warm, 'warm.csv');

	let check = 0;
	let errors = -1;
	let rows = 0;
	const [raw, ours, withObjects] = bestOf([
		() => {
			check = Papa.parse<string[]>(text).data.length;
		},
		() => {
			const r = ingestText(text, 'bench.csv');
			errors = r.errors;
			rows = r.trials?.length ?? 0;
		},
		() => {
			parseFile(text, 'bench.csv');
		}
	]) as [number, number, number];
	if (errors !== 0 || rows !== ROWS || check < ROWS)
		throw new Error(`benchmark file misread: ${rows} rows, ${errors} errors, raw ${check} records`);
	const line = (name: string, s: number) =>
		`  ${name.padEnd(46)} ${(ROWS / s / 1e6).toFixed(2).padStart(6)} M rows/s ${(mb / s).toFixed(1).padStart(7)} MB/s  (${s.toFixed(2)} s)`;
	console.log(line('raw Papa.parse (arrays mode, no header)', raw));
	console.log(line('project parse + validate (typed columns)', ours));
	console.log(line('project parse + validate + row objects', withObjects));
	const ratio = raw / ours;
	console.log(
		`  ratio (project / raw throughput): ${ratio.toFixed(2)}x (goal >= 0.7x) ${ratio >= 0.7 ? 'OK' : 'BELOW GOAL'}`
	);
}
