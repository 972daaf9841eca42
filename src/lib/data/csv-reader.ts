import Papa from 'papaparse';
import type { ProblemSink } from './problems';
import {
	countChar,
	guessDelimiter,
	isBlank,
	LineBreaks,
	SAVE_AS_CSV,
	strayQuote,
	unclosedQuote
} from './csv-text';
import { SNIFF_CHARS, sniffBinary } from './sniff';
import { thousands } from './thousands';

/**
 * Text is handed to PapaParse in pieces of at most this size, whatever size is pushed: the records of a piece
 * are validated and dropped before the next is parsed, so they die young. With 1 MiB pieces V8's scavenger
 * copied ~10x more surviving records (measured with --trace-gc on 300,000 rows: 1.6 s against 0.14 s).
 */
export const PARSE_CHARS = 64 * 1024;

/** A record longer than this is an unclosed quote swallowing the file, not a row of trial data. */
export const MAX_RECORD_CHARS = 8 * 1024 * 1024;

/** Lines with undecodable characters reported one by one; the rest are counted in one warning. */
export const ENCODING_LINES = 10;

export interface CsvConsumer {
	/** The header record and its physical line. Return false when the file cannot be used: reading stops. */
	header(fields: string[], line: number, delimiter: string): boolean;
	/** A batch of data records (blank lines left out) with the physical line each starts on. */
	records(records: readonly string[][], lines: readonly number[]): void;
}

/**
 * Reads CSV text pushed in chunks (any size; ~1 MiB in the worker) with PapaParse's core parser in arrays mode,
 * never `dynamicTyping`, and counts physical lines itself (docs/ARCHITECTURE.md section 8): a record's line is the line it starts
 * on, quoted line breaks included. It reads LF, CRLF and CR line breaks, mixed too (LineBreaks turns them into
 * LF), strips a BOM, detects the delimiter (`,`, `;` or tab) from the header line, skips blank lines, reports
 * unclosed or stray quotes, NUL characters and undecodable bytes with their line, and a quoted value longer
 * than MAX_RECORD_CHARS as such (it reads up to as much again to find its closing quote). Papa.Parser is
 * used directly (rather than `Papa.parse`) because only it hands back the unparsed tail of each chunk, whose
 * text the line count needs.
 */
export class CsvReader {
	delimiter = ',';
	readonly #breaks = new LineBreaks();
	#parser: Papa.Parser | null = null;
	#pending = '';
	#line = 1;
	#started = false;
	#sawHeader = false;
	#sawData = false;
	#lastNul = 0;
	#lastBadChar = 0;
	#badLines = 0;
	/** A quoted value ran past MAX_RECORD_CHARS: its line, and how much more is read to find its end. */
	#longValue: { line: number; budget: number; quoteAtEnd: boolean } | null = null;
	stopped = false;

	constructor(
		private readonly sink: ProblemSink,
		private readonly consumer: CsvConsumer
	) {}

	push(text: string): void {
		if (this.stopped || text.length === 0) return;
		text = this.#breaks.push(text);
		if (this.#longValue) return this.#findClosingQuote(text);
		if (!this.#started) {
			this.#pending += text;
			// Wait for the first SNIFF_CHARS (to tell binary data) and the header's line break, so any chunking
			// decides the same way.
			const decided = this.#pending.length > SNIFF_CHARS && this.#pending.indexOf('\n') !== -1;
			if (!decided && this.#pending.length < MAX_RECORD_CHARS) return;
			this.#start();
			if (this.stopped) return;
			text = '';
		} else this.#scan(text);
		for (let at = 0; at < text.length || at === 0; at += PARSE_CHARS) {
			const piece = text.length <= PARSE_CHARS ? text : text.slice(at, at + PARSE_CHARS);
			if (this.#longValue) this.#findClosingQuote(piece);
			else this.#parse(piece, false);
			if (this.stopped) return;
		}
	}

	end(): void {
		if (this.#longValue) {
			const { line, quoteAtEnd } = this.#longValue;
			if (quoteAtEnd) this.#valueTooLong(line);
			else unclosedQuote(this.sink, line);
			this.#longValue = null;
			this.stopped = true;
		}
		if (!this.stopped) this.#finish();
		if (this.#badLines > ENCODING_LINES)
			this.sink.warn(
				0,
				'',
				'',
				`${thousands(this.#badLines - ENCODING_LINES)} more lines have characters that are not UTF-8`,
				ENCODING_HINT
			);
		this.stopped = true;
	}

	#finish(): void {
		if (!this.#started) this.#start();
		if (!this.stopped) this.#parse('', true);
		if (!this.stopped && !this.#sawHeader)
			this.sink.error(0, '', '', 'the file is empty', 'Choose a CSV file with a header row and data rows.');
		else if (!this.stopped && !this.#sawData)
			this.sink.error(
				0,
				'',
				'',
				'the file has a header but no data rows',
				'Add one row per study, arm, outcome and timepoint below the header.'
			);
	}

	#start(): void {
		this.#started = true;
		let text = this.#pending;
		if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
		const binary = sniffBinary(text);
		if (binary) {
			this.sink.error(0, '', '', `this is not a CSV file: it looks like ${binary}`, SAVE_AS_CSV);
			this.stopped = true;
			return;
		}
		const firstBreak = text.indexOf('\n');
		this.delimiter = guessDelimiter(firstBreak === -1 ? text : text.slice(0, firstBreak));
		this.#parser = new Papa.Parser({ delimiter: this.delimiter, newline: '\n', quoteChar: '"' });
		this.#pending = text;
		this.#scan(text, 1);
	}

	#parse(text: string, final: boolean): void {
		const input = this.#pending + text;
		this.#pending = '';
		const startLine = this.#line;
		const res = this.#parser!.parse(input, 0, !final) as Papa.ParseResult<string[]>;
		const cursor = final ? input.length : res.meta.cursor;
		const records = res.data;
		const lines = this.#assignLines(input, cursor, records, final);
		const broken = this.#quoteErrors(input, cursor, res.errors, final, startLine);
		this.#deliver(records, lines, broken);
		if (final || this.stopped) return;
		this.#pending = input.slice(cursor);
		if (this.#pending.length > MAX_RECORD_CHARS) this.#runaway();
	}

	/** The physical line each record starts on, and the line where the unparsed tail starts. */
	#assignLines(input: string, cursor: number, records: string[][], final: boolean): number[] {
		const lines = new Array<number>(records.length);
		const breaks = countChar(input, '\n', 0, cursor);
		const terminated = final ? Math.max(0, records.length - 1) : records.length;
		let line = this.#line;
		if (breaks === terminated) {
			for (let i = 0; i < records.length; i++) lines[i] = line++;
		} else {
			for (let i = 0; i < records.length; i++) {
				lines[i] = line;
				line += 1;
				for (const f of records[i]!) if (f.indexOf('\n') !== -1) line += countChar(f, '\n', 0, f.length);
			}
			if (final && records.length > 0) line--;
		}
		this.#line = final ? line : this.#line + breaks;
		return lines;
	}

	/** Reports quote errors of the completed part; returns the indexes of the records they broke. */
	#quoteErrors(
		input: string,
		cursor: number,
		errors: Papa.ParseError[],
		final: boolean,
		startLine: number
	): Set<number> {
		const broken = new Set<number>();
		for (const e of errors) {
			if (e.type !== 'Quotes' || e.index === undefined || (!final && e.index >= cursor)) continue;
			const line = startLine + countChar(input, '\n', 0, e.index);
			if (e.row !== undefined) broken.add(e.row);
			if (e.code === 'MissingQuotes') unclosedQuote(this.sink, line);
			else strayQuote(this.sink, line);
		}
		return broken;
	}

	#deliver(records: string[][], lines: number[], broken: Set<number>): void {
		const keep: string[][] = [];
		const keepLines: number[] = [];
		for (let i = 0; i < records.length; i++) {
			const r = records[i]!;
			if (broken.has(i) && !this.#sawHeader) {
				this.stopped = true;
				return;
			}
			if (broken.has(i)) {
				this.#sawData = true;
				continue;
			}
			if (isBlank(r)) continue;
			if (!this.#sawHeader) {
				this.#sawHeader = true;
				if (
					!this.consumer.header(
						r.map((f) => f.trim()),
						lines[i]!,
						this.delimiter
					)
				) {
					this.stopped = true;
					return;
				}
				continue;
			}
			keep.push(r);
			keepLines.push(lines[i]!);
		}
		if (keep.length > 0) {
			this.#sawData = true;
			this.consumer.records(keep, keepLines);
		}
	}

	/**
	 * The unparsed tail grew beyond any plausible record. An open quote: read on (up to MAX_RECORD_CHARS more,
	 * without keeping the text) to tell a value that is too long from a quote that never closes. Otherwise one
	 * line is too long: stop.
	 */
	#runaway(): void {
		const tail = this.#pending;
		this.#pending = '';
		const res = this.#parser!.parse(tail, 0, false) as Papa.ParseResult<string[]>;
		const missing = res.errors.find((e) => e.code === 'MissingQuotes');
		if (missing?.index !== undefined) {
			const line = this.#line + countChar(tail, '\n', 0, missing.index);
			// Papa's index is the first character inside the quotes.
			this.#longValue = { line, budget: Infinity, quoteAtEnd: false };
			this.#findClosingQuote(tail.slice(missing.index));
			if (this.#longValue) this.#longValue.budget = MAX_RECORD_CHARS;
			return;
		}
		this.sink.error(
			this.#line,
			'',
			'',
			`this line is longer than ${MAX_RECORD_CHARS / 1024 / 1024} MiB: this is not a CSV file of trial rows`,
			SAVE_AS_CSV
		);
		this.stopped = true;
	}

	/** Text inside a quoted value that is too long: looks for its closing quote (a `"` not doubled). */
	#findClosingQuote(text: string): void {
		const v = this.#longValue!;
		let at = 0;
		if (v.quoteAtEnd) {
			if (text.charCodeAt(0) !== 34) return this.#valueTooLong(v.line);
			v.quoteAtEnd = false;
			at = 1;
		}
		for (let q = text.indexOf('"', at); q !== -1; q = text.indexOf('"', q + 2)) {
			if (q + 1 === text.length) {
				v.quoteAtEnd = true;
				break;
			}
			if (text.charCodeAt(q + 1) !== 34) return this.#valueTooLong(v.line);
		}
		v.budget -= text.length;
		if (v.budget < 0) {
			unclosedQuote(this.sink, v.line);
			this.#longValue = null;
			this.stopped = true;
		}
	}

	#valueTooLong(line: number): void {
		this.#longValue = null;
		this.stopped = true;
		this.sink.error(
			line,
			'',
			'',
			`a quoted value that starts on this line is longer than ${MAX_RECORD_CHARS / 1024 / 1024} MiB, the limit for one row`,
			'Shorten the value (put long texts in the source, not in the file), or check for a missing closing quote.'
		);
	}

	/**
	 * Reports, on their lines, NUL characters (errors: binary data in a text file) and U+FFFD, which the decoder
	 * puts for bytes that are not UTF-8 (warnings, one per line, the first ENCODING_LINES lines listed).
	 * `firstLine` is the line `text` starts on when it is not the text right after the unparsed tail.
	 */
	#scan(text: string, firstLine?: number): void {
		const nul = text.indexOf('\u0000');
		const bad = text.indexOf('\ufffd');
		if (nul === -1 && bad === -1) return;
		// Without `firstLine`, `text` follows the unparsed tail, which starts on line #line: the lines before it
		// are counted only when something is found.
		const start = firstLine ?? this.#line + countChar(this.#pending, '\n', 0, this.#pending.length);
		// Lines of increasing positions, counted on from the previous one (linear in the text).
		let [from, line] = [0, start];
		const lineAt = (i: number) => {
			if (i < from) [from, line] = [0, start];
			line += countChar(text, '\n', from, i);
			from = i;
			return line;
		};
		for (let i = nul; i !== -1; i = text.indexOf('\u0000', i + 1)) {
			const at = lineAt(i);
			if (at === this.#lastNul) continue;
			this.#lastNul = at;
			this.sink.error(
				at,
				'',
				'',
				'this line contains a NUL character (byte 0), which has no place in a CSV file',
				'The file is damaged or not plain text: remove the character in a text editor, or save the sheet again as CSV UTF-8.'
			);
		}
		for (let i = bad; i !== -1; i = text.indexOf('\ufffd', i + 1)) {
			const at = lineAt(i);
			if (at === this.#lastBadChar) continue;
			this.#lastBadChar = at;
			if (++this.#badLines > ENCODING_LINES) continue;
			this.sink.warn(
				at,
				'',
				'',
				'characters that are not UTF-8 were replaced by "\ufffd" (Latin-1 or Windows text?)',
				ENCODING_HINT
			);
		}
	}
}

const ENCODING_HINT = 'Save the file as "CSV UTF-8" in your spreadsheet program and load it again.';
