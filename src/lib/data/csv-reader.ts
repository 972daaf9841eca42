import Papa from 'papaparse';
import type { ProblemSink } from './problems';
import { countChar, guessDelimiter, isBlank, SAVE_AS_CSV, strayQuote, unclosedQuote } from './csv-text';
import { SNIFF_CHARS, sniffBinary } from './sniff';

/**
 * Text is handed to PapaParse in pieces of at most this size, whatever size is pushed: the records of a piece
 * are validated and dropped before the next is parsed, so they die young. With 1 MiB pieces V8's scavenger
 * copied ~10x more surviving records (measured with --trace-gc on 300,000 rows: 1.6 s against 0.14 s).
 */
export const PARSE_CHARS = 64 * 1024;

/** A record longer than this is an unclosed quote swallowing the file, not a row of trial data. */
export const MAX_RECORD_CHARS = 8 * 1024 * 1024;

export interface CsvConsumer {
	/** The header record and its physical line. Return false when the file cannot be used: reading stops. */
	header(fields: string[], line: number, delimiter: string): boolean;
	/** A batch of data records (blank lines left out) with the physical line each starts on. */
	records(records: readonly string[][], lines: readonly number[]): void;
}

type Newline = '\n' | '\r\n' | '\r';

/**
 * Reads CSV text pushed in chunks (any size; ~1 MiB in the worker) with PapaParse's core parser in arrays mode,
 * never `dynamicTyping`, and counts physical lines itself (DESIGN.md 8): a record's line is the line it starts
 * on, quoted line breaks included. It strips a BOM, detects the line break and the delimiter (`,`, `;` or tab)
 * from the header line, skips blank lines, and reports unclosed or stray quotes with their line. Papa.Parser is
 * used directly (rather than `Papa.parse`) because only it hands back the unparsed tail of each chunk, whose
 * text the line count needs.
 */
export class CsvReader {
	delimiter = ',';
	#newline: Newline = '\n';
	#nl = '\n';
	#parser: Papa.Parser | null = null;
	#pending = '';
	#line = 1;
	#started = false;
	#sawHeader = false;
	#sawData = false;
	#warnedEncoding = false;
	stopped = false;

	constructor(
		private readonly sink: ProblemSink,
		private readonly consumer: CsvConsumer
	) {}

	push(text: string): void {
		if (this.stopped || text.length === 0) return;
		if (!this.#started) {
			this.#pending += text;
			// Wait for the first SNIFF_CHARS (to tell binary data), the header's line break and the character
			// after it (a CR may be the first half of CRLF), so any chunking decides the same way.
			const firstBreak = this.#pending.search(/[\r\n]/);
			const decided =
				this.#pending.length > SNIFF_CHARS && firstBreak !== -1 && firstBreak < this.#pending.length - 1;
			if (!decided && this.#pending.length < MAX_RECORD_CHARS) return;
			this.#start();
			if (this.stopped) return;
			text = '';
		}
		if (text.length <= PARSE_CHARS) return this.#parse(text, false);
		for (let at = 0; at < text.length && !this.stopped; at += PARSE_CHARS)
			this.#parse(text.slice(at, at + PARSE_CHARS), false);
	}

	end(): void {
		if (this.stopped) return;
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
		this.stopped = true;
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
		const firstBreak = text.search(/[\r\n]/);
		this.#newline =
			firstBreak === -1 || text[firstBreak] === '\n' ? '\n' : text[firstBreak + 1] === '\n' ? '\r\n' : '\r';
		this.#nl = this.#newline === '\r' ? '\r' : '\n';
		this.delimiter = guessDelimiter(firstBreak === -1 ? text : text.slice(0, firstBreak));
		this.#parser = new Papa.Parser({ delimiter: this.delimiter, newline: this.#newline, quoteChar: '"' });
		this.#pending = text;
	}

	#parse(text: string, final: boolean): void {
		const input = this.#pending + text;
		this.#pending = '';
		const startLine = this.#line;
		if (!this.#warnedEncoding) this.#checkEncoding(input);
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
		const breaks = countChar(input, this.#nl, 0, cursor);
		const terminated = final ? Math.max(0, records.length - 1) : records.length;
		let line = this.#line;
		if (breaks === terminated) {
			for (let i = 0; i < records.length; i++) lines[i] = line++;
		} else {
			for (let i = 0; i < records.length; i++) {
				lines[i] = line;
				line += 1;
				for (const f of records[i]!)
					if (f.indexOf(this.#nl) !== -1) line += countChar(f, this.#nl, 0, f.length);
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
			const line = startLine + countChar(input, this.#nl, 0, e.index);
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

	/** The unparsed tail grew beyond any plausible record: find the unclosed quote and stop. */
	#runaway(): void {
		const res = this.#parser!.parse(this.#pending, 0, false) as Papa.ParseResult<string[]>;
		const missing = res.errors.find((e) => e.code === 'MissingQuotes');
		if (missing?.index !== undefined)
			unclosedQuote(this.sink, this.#line + countChar(this.#pending, this.#nl, 0, missing.index));
		else
			this.sink.error(
				this.#line,
				'',
				'',
				`this line is longer than ${MAX_RECORD_CHARS / 1024 / 1024} MiB: this is not a CSV file of trial rows`,
				SAVE_AS_CSV
			);
		this.#pending = '';
		this.stopped = true;
	}

	#checkEncoding(input: string): void {
		const at = input.indexOf('\ufffd');
		if (at === -1) return;
		this.#warnedEncoding = true;
		this.sink.warn(
			this.#line + countChar(input, this.#nl, 0, at),
			'',
			'',
			'some characters could not be read (shown as �): the file is not UTF-8 text',
			'Save the file as "CSV UTF-8" in your spreadsheet program.'
		);
	}
}
