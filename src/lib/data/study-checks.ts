import { ProblemSink } from './problems';
import { nextTask } from './next-task';
import { ARMS } from './schema';
import type { AnyTable, TrialTable } from './table';
import type { Problem } from './types';

/**
 * Warnings about studies that would be counted twice or not at all in the data shown (issue 16), over all the
 * tables loaded together (one file or several, after checkAddition has passed):
 * - the same trial under two study ids (same label and year, or the same source), on the first line of the
 *   later id, once per pair of ids and kind of file;
 * - a study in trials.csv whose rows all have one arm type: nothing to compare, so every analysis leaves it
 *   out. Arms of one type with different labels are combined, so they count as one arm.
 * The command line prints them; the page may list them beside each file's own problems.
 */
export function checkStudyWarnings(tables: readonly AnyTable[]): Problem[] {
	const run = checks(tables, Infinity);
	let step = run.next();
	while (!step.done) step = run.next();
	return step.value;
}

/** Rows checked between two pauses of checkStudyWarningsSliced (a few milliseconds of work). */
export const CHECK_SLICE = 50_000;

/**
 * The same warnings, checked CHECK_SLICE rows at a time with `pause()` (a new task) in between, so a
 * million-row upload is never checked in one long task on the page (docs/ARCHITECTURE.md section 7).
 */
export async function checkStudyWarningsSliced(
	tables: readonly AnyTable[],
	pause: () => Promise<void> = nextTask,
	slice = CHECK_SLICE
): Promise<Problem[]> {
	const run = checks(tables, slice);
	let step = run.next();
	while (!step.done) {
		await pause();
		step = run.next();
	}
	return step.value;
}

/** Counts rows and says when `slice` of them have been checked since the last pause. */
class Rows {
	#n = 0;
	constructor(private readonly slice: number) {}
	due(): boolean {
		if (++this.#n < this.slice) return false;
		this.#n = 0;
		return true;
	}
}

function* checks(tables: readonly AnyTable[], slice: number): Generator<void, Problem[]> {
	const sinks = new Map<string, ProblemSink>();
	const sinkOf = (file: string) => sinks.get(file) ?? sinks.set(file, new ProblemSink(file)).get(file)!;
	const rows = new Rows(slice);
	for (const kind of ['trials', 'contrasts'] as const)
		yield* checkSameTrial(
			tables.filter((t) => t.kind === kind),
			sinkOf,
			rows
		);
	for (const t of tables) if (t.kind === 'trials') yield* checkArms(t, sinkOf(t.file), rows);
	return [...sinks.values()].flatMap((s) => s.finish()).sort((a, b) => a.row - b.row);
}

interface Seen {
	id: string;
	file: string;
	line: number;
}

function* checkSameTrial(
	tables: readonly AnyTable[],
	sinkOf: (file: string) => ProblemSink,
	rows: Rows
): Generator<void> {
	const byLabel = new Map<string, Seen>();
	const bySource = new Map<string, Seen>();
	const reported = new Set<string>();
	for (const t of tables) {
		const c = t.columns;
		const text = (v: number) => t.strings[v]!;
		const width = t.strings.length;
		const seenId = new Uint8Array(width);
		const seenPair = new Set<number>();
		// Rows of a study mostly follow each other with one source: a pair equal to the last row's is not looked up.
		let lastId = -1;
		let lastSource = -1;
		const warn = (i: number, first: Seen, what: string, hint: string) => {
			const id = text(c.study_id[i]!);
			if (id === first.id || reported.has(`${id}\u0000${first.id}`)) return;
			reported.add(`${id}\u0000${first.id}`);
			const where = first.file === t.file ? `line ${first.line}` : `${first.file}, line ${first.line}`;
			sinkOf(t.file).warn(
				c.line[i]!,
				'study_id',
				id,
				`studies "${id}" and "${first.id}" (${where}) have the same ${what}: if they are one trial, it is counted twice`,
				hint
			);
		};
		for (let i = 0; i < t.length; i++) {
			if (rows.due()) yield;
			const idIndex = c.study_id[i]!;
			const here = { id: text(idIndex), file: t.file, line: c.line[i]! };
			if (seenId[idIndex] === 0) {
				seenId[idIndex] = 1;
				const label = `${text(c.study[i]!)}\u0000${c.year[i]}`;
				const first = byLabel.get(label);
				if (!first) byLabel.set(label, here);
				else warn(i, first, `label and year (${text(c.study[i]!)}, ${c.year[i]})`, SAME_LABEL);
			}
			const s = c.source[i]!;
			if (idIndex === lastId && s === lastSource) continue;
			lastId = idIndex;
			lastSource = s;
			if (s >= width || seenPair.has(idIndex * width + s)) continue;
			seenPair.add(idIndex * width + s);
			const first = bySource.get(text(s));
			if (!first) bySource.set(text(s), here);
			else warn(i, first, `source (${text(s)})`, SAME_SOURCE);
		}
	}
}

function* checkArms(t: TrialTable, sink: ProblemSink, rows: Rows): Generator<void> {
	const c = t.columns;
	const arms = new Uint32Array(t.strings.length);
	const first = new Int32Array(t.strings.length).fill(-1);
	const order: number[] = [];
	for (let i = 0; i < t.length; i++) {
		if (rows.due()) yield;
		const id = c.study_id[i]!;
		if (first[id] === -1) {
			first[id] = i;
			order.push(id);
		}
		arms[id] = arms[id]! | (1 << c.arm[i]!);
	}
	for (const id of order) {
		const mask = arms[id]!;
		if ((mask & (mask - 1)) !== 0) continue;
		const i = first[id]!;
		sink.warn(
			c.line[i]!,
			'study_id',
			t.strings[id]!,
			`study "${t.strings[id]}" is left out: only one arm (${ARMS[c.arm[i]! - 1] ?? ''}), so there is nothing to compare it with`,
			'Add the rows of its other arms (one row per arm), or its between-group result to contrasts.csv.'
		);
	}
}

const SAME_LABEL =
	'Give one trial one study_id on every row (several publications of one trial share it); if these are two ' +
	'trials, tell their labels apart (e.g. Smith 2001a, Smith 2001b).';
const SAME_SOURCE =
	'Give one trial one study_id on every row; if the source reports several trials (e.g. a review), cite ' +
	"each trial's own publication instead.";
