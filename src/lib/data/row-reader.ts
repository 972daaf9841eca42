import { parseNumber } from './numbers';
import type { ProblemSink } from './problems';
import type { ColumnSpec } from './schema';
import { suggest } from './suggest';
import { thousands } from './thousands';

/** A controlled vocabulary with its lookup: code = index + 1, 0 = empty. */
export interface Vocab {
	values: readonly string[];
	codes: ReadonlyMap<string, number>;
}

/** A vocabulary; `caseless` also accepts upper case and a capital first letter (TRUE/FALSE from spreadsheets). */
export function vocab(values: readonly string[], caseless = false): Vocab {
	const codes = new Map<string, number>();
	values.forEach((v, i) => {
		codes.set(v, i + 1);
		if (caseless) {
			codes.set(v.toUpperCase(), i + 1);
			codes.set(v[0]!.toUpperCase() + v.slice(1), i + 1);
		}
	});
	return { values, codes };
}

/** Vocabulary texts remembered per field by RowReader.code. */
const CODES = 4;

/** A conditional column the header lacks although rows need it: reported once, at the end. */
interface AbsentNeed {
	line: number;
	reason: string;
	count: number;
}

/**
 * Reads the fields of one record into typed values, reporting each bad field once with its line, column and
 * value; `bad` tells whether the record had an error. Columns are passed by field index (-1 = not in the file).
 */
export class RowReader {
	rec: readonly string[] = [];
	line = 0;
	bad = false;
	readonly #absent = new Map<string, AbsentNeed>();
	/**
	 * Per field index, the last CODES vocabulary texts met and their codes (entries i x CODES + k), and the entry
	 * written last: rows repeat a few values, or cycle through them (the arms of a study), so a hit costs a
	 * comparison or a few instead of hashing the text.
	 */
	readonly #codeText: (string | undefined)[] = [];
	readonly #codeCode: number[] = [];
	readonly #codeNext: number[] = [];
	readonly #hints: ReadonlyMap<string, string>;

	/** Decimals are written with a comma in `;`-separated files (as European spreadsheets export them). */
	readonly decimalComma: boolean;

	constructor(
		readonly sink: ProblemSink,
		readonly delimiter: string,
		specs: readonly ColumnSpec[]
	) {
		this.decimalComma = delimiter === ';';
		this.#hints = new Map(specs.map((s) => [s.name, `${s.name}: ${s.meaning}.`]));
	}

	begin(rec: readonly string[], line: number): void {
		this.rec = rec;
		this.line = line;
		this.bad = false;
	}

	error(column: string, value: string, message: string, hint: string): void {
		this.bad = true;
		this.sink.error(this.line, column, value, message, hint);
	}

	warn(column: string, value: string, message: string, hint: string): void {
		this.sink.warn(this.line, column, value, message, hint);
	}

	/** The trimmed text of a field ('' when the column is absent). */
	raw(i: number): string {
		if (i < 0) return '';
		const v = this.rec[i];
		if (v === undefined || v.length === 0) return '';
		return v.charCodeAt(0) > 32 && v.charCodeAt(v.length - 1) > 32 ? v : v.trim();
	}

	text(i: number, name: string, required: boolean): string {
		const v = this.raw(i);
		if (required && v === '') this.empty(name);
		return v;
	}

	empty(name: string): void {
		this.error(
			name,
			'',
			`${name} is required but empty`,
			`Fill it in. ${this.#hints.get(name) ?? ''}`.trim()
		);
	}

	/** A number, or NaN when empty (reported if required) or not a number (always reported). */
	num(i: number, name: string, required: boolean): number {
		const v = this.raw(i);
		if (v === '') {
			if (required) this.empty(name);
			return NaN;
		}
		const x = parseNumber(v, this.decimalComma);
		if (x !== x) {
			const comma = !this.decimalComma && v.includes(',');
			const kind = this.delimiter === '\t' ? 'tab-separated' : 'comma-separated';
			const hint = comma
				? `This file is ${kind}, so write decimals with a point (1.5), without thousands separators.`
				: 'Write digits only, with one decimal mark (12.5), without units, spaces or thousands separators.';
			const why =
				comma && this.delimiter === '\t'
					? ' (this file is tab-separated: write decimals with a point, 1.5)'
					: '';
			this.error(name, v, `${name} must be a number, got "${v}"${why}`, hint);
		}
		return x;
	}

	/** A whole number of at least `min`, or NaN. */
	count(i: number, name: string, required: boolean, min: number): number {
		const x = this.num(i, name, required);
		if (x === x && (!Number.isInteger(x) || x < min)) {
			const what = min > 0 ? `a whole number greater than ${min - 1}` : `a whole number of ${min} or more`;
			this.error(
				name,
				this.raw(i),
				`${name} must be ${what}, got "${this.raw(i)}"`,
				this.#hints.get(name) ?? ''
			);
			return NaN;
		}
		return x;
	}

	/** The code of a vocabulary value (0 = empty), with a suggestion for an unknown value. */
	code(i: number, name: string, v: Vocab, required: boolean): number {
		const s = this.raw(i);
		if (s === '') {
			if (required) this.empty(name);
			return 0;
		}
		const texts = this.#codeText;
		const base = i * CODES;
		for (let k = base; k < base + CODES; k++) if (texts[k] === s) return this.#codeCode[k]!;
		const c = v.codes.get(s);
		if (c !== undefined) {
			const next = ((this.#codeNext[i] ?? -1) + 1) % CODES;
			this.#codeNext[i] = next;
			texts[base + next] = s;
			this.#codeCode[base + next] = c;
			return c;
		}
		const near = suggest(s, v.values);
		this.error(
			name,
			s,
			near !== undefined ? `unknown ${name} "${s}"; did you mean "${near}"?` : `unknown ${name} "${s}"`,
			`Use one of: ${v.values.join(', ')}.`
		);
		return 0;
	}

	/** A conditional value this row needs is empty: reported here, or once at the end if the column is absent. */
	need(i: number, name: string, reason: string): void {
		if (i >= 0) {
			this.error(name, '', `${name} is required for ${reason} but empty`, this.#hints.get(name) ?? '');
			return;
		}
		this.bad = true;
		const a = this.#absent.get(name);
		if (a) a.count++;
		else this.#absent.set(name, { line: this.line, reason, count: 1 });
	}

	/** One error per needed column the header lacks (DESIGN: a missing column is one error, not one per row). */
	finish(headerLine: number): void {
		for (const [name, a] of this.#absent) {
			const rows = a.count === 1 ? '1 row needs it' : `${thousands(a.count)} rows need it`;
			this.sink.error(
				headerLine,
				name,
				'',
				`column "${name}" is missing: ${rows} (${a.reason}, first on line ${a.line})`,
				`Add a column named "${name}". ${this.#hints.get(name) ?? ''}`.trim()
			);
		}
	}
}
