import type { ProblemSink } from './problems';
import { columnsOf, RESERVED_COLUMN_NAMES, type FileKind } from './schema';
import { suggest } from './suggest';

/** Where each column of the contract stands in a file. */
export interface HeaderLayout {
	kind: FileKind;
	/** Field index of each column of the contract, -1 when the header lacks it. */
	index: Readonly<Record<string, number>>;
	/** Number of fields in the header. */
	width: number;
}

/** Columns that only one of the two files has: they tell the files apart. */
const MARKERS: Readonly<Record<FileKind, readonly string[]>> = {
	trials: ['arm', 'n', 'mean', 'sd', 'events', 'arm_label'],
	contrasts: [
		'treatment',
		'control',
		'estimate',
		'ci_lower',
		'ci_upper',
		'adjusted',
		'n_treatment',
		'n_control'
	]
};

const loose = (s: string) => s.trim().toLowerCase();

/**
 * A column name with its invisible characters shown as `<U+200B>` (format characters such as a zero-width space
 * or a BOM, other spaces than U+0020, controls), so a message can say why "study_id" is not study_id.
 * @example visible('study_id\u200b') // 'study_id<U+200B>'
 */
export function visible(name: string): string {
	return name.replace(
		/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u00a0\u2000-\u200a\u202f\u205f\u3000]/gu,
		(c) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`
	);
}

/** Which file a header belongs to, from the columns only one of the files has (case ignored); null if unclear. */
export function detectKind(fields: readonly string[]): FileKind | null | 'mixed' {
	const names = new Set(fields.map(loose));
	const score = (kind: FileKind) => MARKERS[kind].filter((m) => names.has(m)).length;
	const t = score('trials');
	const c = score('contrasts');
	if (t === 0 && c === 0) return null;
	if (t > 0 && c > 0 && Math.min(t, c) >= 2) return 'mixed';
	return t >= c ? 'trials' : 'contrasts';
}

/**
 * The delimiter of a header that was read as one column because it uses a separator other than `,` `;` or tab
 * (e.g. "study_id|study|year"): the first of | : ^ ~ space that splits it into at least 3 parts, one of them
 * `study_id`. Null when none does.
 */
export function otherDelimiter(field: string): string | null {
	for (const d of ['|', ':', '^', '~', ' ']) {
		const parts = field.split(d).map((p) => p.trim());
		if (parts.length >= 3 && parts.includes('study_id')) return d;
	}
	return null;
}

/**
 * Checks a header (fields already trimmed) against the contract: tells the file kind, and reports reserved,
 * duplicate, unnamed, unknown and missing columns, once each. Returns null when rows cannot be read (kind
 * unknown or a required column missing), so a missing column is one error, not one per row.
 */
export function analyseHeader(
	fields: readonly string[],
	line: number,
	sink: ProblemSink
): HeaderLayout | null {
	const other = fields.length === 1 ? otherDelimiter(fields[0]!) : null;
	if (other !== null) {
		sink.error(
			line,
			'',
			fields[0]!.slice(0, 200),
			`the header is one single column: the values seem to be separated by "${other === ' ' ? 'spaces' : other}", which is not read`,
			'Save the file as CSV with commas (or semicolons or tabs) between the values; the template shows the format.'
		);
		return null;
	}
	const kind = detectKind(fields);
	if (kind === null || kind === 'mixed') {
		const message =
			kind === null
				? 'this does not look like trials.csv or contrasts.csv: the first line has none of their column names'
				: 'the header mixes columns of trials.csv (arm, n, mean, sd) and of contrasts.csv (treatment, control, estimate)';
		sink.error(line, '', fields.join(',').slice(0, 200), message, HEADER_HINT);
		return null;
	}
	const specs = columnsOf(kind);
	const known = new Set(specs.map((s) => s.name));
	// Only contract names are set. Built by assignment, an object of more than ~16 names is a dictionary in V8;
	// the layout returns a copy made by Object.fromEntries (fast properties), as validators read it on every row.
	const index: Record<string, number> = {};
	for (const s of specs) index[s.name] = -1;
	const unknown: string[] = [];
	fields.forEach((name, i) => {
		if (RESERVED_COLUMN_NAMES.includes(name)) {
			sink.error(line, name, name, `column name "${name}" is reserved`, 'Rename or remove this column.');
		} else if (name === '') {
			sink.warn(
				line,
				'',
				'',
				`column ${i + 1} has no name; its values are ignored`,
				'Name the column or delete it.'
			);
		} else if (!known.has(name)) {
			unknown.push(name);
		} else if (index[name] !== -1) {
			sink.error(
				line,
				name,
				name,
				`column "${name}" appears twice (columns ${index[name]! + 1} and ${i + 1})`,
				'Remove or rename one of them; only the first is read.'
			);
		} else index[name] = i;
	});
	const missing = specs.filter((s) => s.required === 'yes' && index[s.name] === -1).map((s) => s.name);
	const explained = new Set<string>();
	for (const name of missing) {
		const near = unknown.find((u) => suggest(u, [name]) === name);
		if (near !== undefined) explained.add(near);
		sink.error(
			line,
			name,
			'',
			near !== undefined
				? `required column "${name}" is missing; the header has "${visible(near)}"`
				: `required column "${name}" is missing`,
			near !== undefined
				? `Rename "${visible(near)}" to "${name}" (names are case-sensitive, with no spaces or hidden characters).`
				: `Add a column named "${name}" (see the codebook); the template has every column.`
		);
	}
	for (const name of unknown) {
		if (explained.has(name)) continue;
		const near = suggest(
			name,
			specs.map((s) => s.name).filter((k) => index[k] === -1)
		);
		sink.warn(
			line,
			name,
			name,
			near !== undefined
				? `unknown column "${visible(name)}" is ignored; did you mean "${near}"?`
				: `unknown column "${visible(name)}" is ignored`,
			near !== undefined
				? `Rename it to "${near}" if that is what it holds.`
				: 'Only the columns in the codebook are read; put anything else in notes.'
		);
	}
	return missing.length > 0
		? null
		: { kind, index: Object.fromEntries(Object.entries(index)), width: fields.length };
}

const HEADER_HINT =
	'The first line must be the header of trials.csv (study_id,study,year,population,arm,...) or contrasts.csv ' +
	'(study_id,...,treatment,control,...); download a template to start.';
