import type { ProblemSink } from './problems';
import { POPULATIONS, ROB_LEVELS } from './schema';
import { KeyTable } from './key-table';
import type { AnyTable } from './table';

type Column = ArrayLike<number>;

/**
 * Study-level fields repeated on every row must agree within a study (docs/ARCHITECTURE.md section 3.1): study, year, population
 * and rob are errors; a different source is a warning (a trial may report follow-ups in several papers).
 * Reported once per study and field, on the first row that disagrees with the study's first row.
 */
export function checkStudies(t: AnyTable, sink: ProblemSink): void {
	const c = t.columns;
	const text = (v: number) => t.strings[v]!;
	const fields: { name: string; col: Column; show: (v: number) => string; warn?: boolean }[] = [
		{ name: 'study', col: c.study, show: text },
		{ name: 'year', col: c.year, show: String },
		{ name: 'population', col: c.population, show: (v) => POPULATIONS[v - 1] ?? '' },
		{ name: 'rob', col: c.rob, show: (v) => ROB_LEVELS[v - 1] ?? '' },
		{ name: 'source', col: c.source, show: text, warn: true }
	];
	const first = new Int32Array(t.strings.length).fill(-1);
	const reported = new Set<string>();
	for (let i = 0; i < t.length; i++) {
		const s = c.study_id[i]!;
		const f = first[s]!;
		if (f === -1) {
			first[s] = i;
			continue;
		}
		for (const { name, col, show, warn } of fields) {
			if (col[i] === col[f] || reported.has(s + ':' + name)) continue;
			reported.add(s + ':' + name);
			const [here, there] = [show(col[i]!) || '(empty)', show(col[f]!) || '(empty)'];
			const message = `${name} differs within study "${text(s)}": "${here}" here, "${there}" on line ${c.line[f]}`;
			const hint = warn
				? 'Several publications of one trial are fine; check that these rows are the same trial.'
				: 'Study-level fields (study, year, population, rob) must be the same on every row of a study.';
			sink.add(warn ? 'warning' : 'error', c.line[i]!, name, here, message, hint);
		}
	}
}

/**
 * The columns that identify a row (two rows equal on all of them count the same result twice), and for
 * contrasts the result columns: contrasts.csv has no column that tells two arms of one kind apart, so the same
 * key with other numbers may be a multi-arm trial (a warning), while the same numbers are a duplicate (an error).
 */
function keyOf(t: AnyTable): { names: string[]; cols: Column[]; values: Column[] } {
	if (t.kind === 'trials') {
		const k = t.columns;
		return {
			names: ['study_id', 'arm', 'arm_label', 'outcome', 'scale', 'measure', 'timepoint_weeks'],
			cols: [k.study_id, k.arm, k.arm_label, k.outcome, k.scale, k.measure, k.timepoint_weeks],
			values: []
		};
	}
	const k = t.columns;
	return {
		names: [
			'study_id',
			'treatment',
			'control',
			'sham_type',
			'outcome',
			'scale',
			'measure',
			'adjusted',
			'timepoint_weeks'
		],
		cols: [
			k.study_id,
			k.treatment,
			k.control,
			k.sham_type,
			k.outcome,
			k.scale,
			k.measure,
			k.adjusted,
			k.timepoint_weeks
		],
		values: [k.estimate, k.ci_lower, k.ci_upper]
	};
}

/** Mixes a column into per-row hashes (one function per array type keeps each loop monomorphic). */
function mixInts(h: Int32Array, col: Uint32Array | Uint8Array): void {
	for (let i = 0; i < h.length; i++) h[i] = Math.imul(h[i]! ^ col[i]!, 0x01000193);
}
function mixFloats(h: Int32Array, col: Float64Array): void {
	for (let i = 0; i < h.length; i++) h[i] = Math.imul(h[i]! ^ Math.round(col[i]! * 4096), 0x01000193);
}

/**
 * Duplicate rows: same key columns (keyOf) as an earlier row. Per-row FNV-1a-style hashes of the typed key
 * columns, then tables of row indexes (KeyTable); a row is compared column by column only when its hash equals
 * a stored one. Two rows with one key share their study_id, so a study whose rows are one run of consecutive
 * rows (as files are written) is checked in a table of its own that stays in cache; the rows of studies met in
 * several runs share one table. Each row is compared with the first row of its key, in file order. O(n).
 */
export function checkDuplicates(t: AnyTable, sink: ProblemSink): void {
	const { names, cols, values } = keyOf(t);
	const n = t.length;
	const line = t.columns.line;
	const study = t.columns.study_id;
	const hash = new Int32Array(n).fill(0x811c9dc5 | 0);
	for (const col of cols) {
		if (col instanceof Float64Array) mixFloats(hash, col);
		else mixInts(hash, col as Uint32Array | Uint8Array);
	}
	const runs = new Uint8Array(t.strings.length);
	for (let i = 0; i < n; i++)
		if (i === 0 || study[i] !== study[i - 1]) runs[study[i]!] = Math.min(2, runs[study[i]!]! + 1);
	let longest = 0;
	let spread = 0;
	for (let i = 0, run = 0; i < n; i++) {
		run = i > 0 && study[i] === study[i - 1] ? run + 1 : 1;
		if (runs[study[i]!] === 2) spread++;
		else longest = Math.max(longest, run);
	}
	const own = new KeyTable(longest);
	const shared = new KeyTable(spread);
	const same = (i: number, j: number) => hash[j] === hash[i] && cols.every((col) => col[i] === col[j]);
	const listed = names.slice(0, -1).join(', ') + ' and ' + names[names.length - 1];
	for (let i = 0; i < n; i++) {
		if (i > 0 && study[i] !== study[i - 1]) own.clear();
		const j = (runs[study[i]!] === 2 ? shared : own).findOrAdd(i, hash[i]!, same);
		if (j === -1) continue;
		if (values.every((col) => col[i] === col[j]))
			sink.error(
				line[i]!,
				'',
				'',
				`duplicate row: same ${listed} as line ${line[j]}`,
				'Delete one of the two rows, or tell them apart (e.g. arm_label for two arms of the same kind).'
			);
		else
			sink.warn(
				line[i]!,
				'',
				'',
				`same comparison as line ${line[j]} with other numbers (same ${listed})`,
				'If these are two arms of a multi-arm trial, say so in notes: pooled together they count the ' +
					'shared control group twice. Otherwise delete the wrong row.'
			);
	}
}
