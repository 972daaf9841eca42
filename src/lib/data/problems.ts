import type { Problem, Severity } from './types';
import { thousands } from './thousands';

/** Longest `value` kept in a problem; longer values are cut with an ellipsis. */
const MAX_VALUE = 200;

/** Longest value quoted in a message; longer ones are cut to this many characters and `...`. */
export const MAX_ECHO = 80;

/**
 * Text cut to `max` characters and `...` when longer (never between the two halves of a surrogate pair).
 * @example clip('x'.repeat(100)) // 'xxx...x...' (80 x's then ...)
 */
export function clip(text: string, max = MAX_ECHO): string {
	if (text.length <= max) return text;
	const end = /[\ud800-\udbff]/.test(text[max - 1]!) ? max - 1 : max;
	return text.slice(0, end) + '...';
}

/** A message with the values it quotes cut to MAX_ECHO characters: the problem's value, and any "..." quote. */
function clipMessage(message: string, value: string): string {
	const m = value.length > MAX_ECHO ? message.replaceAll(value, clip(value)) : message;
	return m.replace(new RegExp(`"([^"]{${MAX_ECHO + 1},})"`, 'g'), (_, v: string) => `"${clip(v)}"`);
}

/**
 * Collects the problems of one file. After `limit` problems the rest are only counted, per severity and column,
 * and summarised by `finish()`, so a 200 MB file with the same mistake on every row stays readable.
 */
export class ProblemSink {
	readonly list: Problem[] = [];
	errors = 0;
	warnings = 0;
	readonly #overflow = new Map<string, { severity: Severity; column: string; count: number }>();

	constructor(
		readonly file: string,
		readonly limit = 1000
	) {}

	add(severity: Severity, row: number, column: string, value: string, message: string, hint: string): void {
		if (severity === 'error') this.errors++;
		else this.warnings++;
		if (this.list.length < this.limit) {
			const v = value.length > MAX_VALUE ? value.slice(0, MAX_VALUE) + '…' : value;
			this.list.push({
				severity,
				file: this.file,
				row,
				column,
				value: v,
				message: clipMessage(message, value),
				hint
			});
			return;
		}
		const key = severity + '\u0000' + column;
		const o = this.#overflow.get(key);
		if (o) o.count++;
		else this.#overflow.set(key, { severity, column, count: 1 });
	}

	error(row: number, column: string, value: string, message: string, hint: string): void {
		this.add('error', row, column, value, message, hint);
	}

	warn(row: number, column: string, value: string, message: string, hint: string): void {
		this.add('warning', row, column, value, message, hint);
	}

	/** The problems, followed by one summary line per severity and column that went over the limit. */
	finish(): Problem[] {
		const out = this.list.slice();
		for (const { severity, column, count } of this.#overflow.values()) {
			const where = column ? ` in column ${column}` : '';
			out.push({
				severity,
				file: this.file,
				row: 0,
				column,
				value: '',
				message: `${thousands(count)} more ${severity}${count === 1 ? '' : 's'}${where} not listed (only the first ${thousands(this.limit)} problems are listed)`,
				hint: 'Fix the problems listed, which usually repeat, and load the file again.'
			});
		}
		return out;
	}
}

/**
 * One problem as a compiler-style line for the command line: `file:row:column: message`
 * (`file:row:column: warning: message` for a warning).
 * @example formatProblem(p) // 'trials.csv:7:arm: unknown arm "shame"; did you mean "sham"?'
 */
export function formatProblem(p: Problem): string {
	return `${p.file}:${p.row}:${p.column}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}

export type ProblemKey = 'severity' | 'file' | 'row' | 'column' | 'value' | 'message';

/** A sorted copy; ties keep file order (file, then row). Errors sort before warnings. */
export function sortProblems(problems: readonly Problem[], key: ProblemKey, ascending = true): Problem[] {
	const sign = ascending ? 1 : -1;
	const byKey = (a: Problem, b: Problem): number => {
		if (key === 'row') return a.row - b.row;
		if (key === 'severity') return a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1;
		return a[key].localeCompare(b[key]);
	};
	return problems
		.map((p, i) => ({ p, i }))
		.sort((x, y) => sign * byKey(x.p, y.p) || x.i - y.i)
		.map((x) => x.p);
}

/**
 * A cell safe to open in a spreadsheet: text beginning with `=`, `+`, `-`, `@`, a tab or a carriage return is
 * prefixed with `'` so it is never run as a formula (OWASP "CSV injection").
 * @example neutraliseCell('=HYPERLINK("x")') // "'=HYPERLINK(\"x\")"
 */
export function neutraliseCell(text: string): string {
	return /^[=+\-@\t\r]/.test(text) ? "'" + text : text;
}

/** RFC 4180 quoting: a field with a comma, quote or line break is quoted, quotes doubled. */
export function quoteCsv(text: string): string {
	return /[",\r\n]/.test(text) ? '"' + text.replaceAll('"', '""') + '"' : text;
}

const PROBLEM_COLUMNS: readonly ProblemKey[] = ['severity', 'file', 'row', 'column', 'value', 'message'];

/** The problems as a CSV file (with a `hint` column), every cell neutralised for spreadsheets. */
export function problemsToCsv(problems: readonly Problem[]): string {
	const header = [...PROBLEM_COLUMNS, 'hint'].join(',');
	const lines = problems.map((p) =>
		[...PROBLEM_COLUMNS.map((k) => String(p[k])), p.hint].map((c) => quoteCsv(neutraliseCell(c))).join(',')
	);
	return [header, ...lines].join('\r\n') + '\r\n';
}
