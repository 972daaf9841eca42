import type { ProblemSink } from './problems';

// Small text helpers and messages of the CSV reader (csv-reader.ts).

export const SAVE_AS_CSV =
	'Save the sheet as CSV (File > Save as > CSV UTF-8) and load that file; the template shows the expected columns.';

export function unclosedQuote(sink: ProblemSink, line: number): void {
	sink.error(
		line,
		'',
		'',
		'unclosed quote: a quoted value that starts on this line never ends',
		'Add the closing double quote, or remove the opening one; a quote inside a quoted value is written "".'
	);
}

export function strayQuote(sink: ProblemSink, line: number): void {
	sink.error(
		line,
		'',
		'',
		'stray quote: a quoted value is followed by more text before the next delimiter',
		'Put the whole value in double quotes and double every quote inside it, e.g. "5 ""mm"" scale".'
	);
}

/** Occurrences of a one-character string in text[from, to). */
export function countChar(text: string, ch: string, from: number, to: number): number {
	let n = 0;
	let i = text.indexOf(ch, from);
	while (i !== -1 && i < to) {
		n++;
		i = text.indexOf(ch, i + 1);
	}
	return n;
}

/** A record with nothing but spaces in its fields (a blank line). */
export function isBlank(r: string[]): boolean {
	const f0 = r[0];
	if (f0 !== undefined && f0.length > 0 && f0.charCodeAt(0) > 32) return false;
	for (const f of r) if (f.trim() !== '') return false;
	return true;
}

/** The delimiter of a header line: the most frequent of `,`, `;` and tab outside quotes (`,` on a tie or none). */
export function guessDelimiter(headerLine: string): string {
	const unquoted = headerLine.replace(/"[^"]*"/g, '');
	let best = ',';
	let bestCount = 0;
	for (const d of [',', ';', '\t']) {
		const c = unquoted.split(d).length - 1;
		if (c > bestCount) [best, bestCount] = [d, c];
	}
	return best;
}

/**
 * Rewrites CRLF and lone CR line breaks as LF outside quoted values, chunk by chunk, so one file may mix them
 * (a CRLF header pasted above LF rows, a lone CR from an old Mac editor). Inside quotes text is kept as it is.
 * A character is inside a quoted value when an odd number of `"` precede it (RFC 4180: an escaped quote is
 * written twice). The output does not depend on where the chunks are cut.
 */
export class LineBreaks {
	#inQuote = false;
	/** The last chunk ended with a CR (outside quotes): an LF starting the next one belongs to it. */
	#afterCr = false;

	push(text: string): string {
		let from = 0;
		if (this.#afterCr) {
			this.#afterCr = false;
			if (text.charCodeAt(0) === 10) from = 1;
		}
		if (text.indexOf('\r', from) === -1) {
			if (countChar(text, '"', from, text.length) % 2 === 1) this.#inQuote = !this.#inQuote;
			return from === 0 ? text : text.slice(from);
		}
		if (!this.#inQuote && text.indexOf('"', from) === -1) {
			const end = text.endsWith('\r') && !text.endsWith('\r\n');
			this.#afterCr = end;
			return text.slice(from).replace(/\r\n?/g, '\n');
		}
		let out = '';
		let q = this.#inQuote;
		const special = /["\r]/g;
		special.lastIndex = from;
		for (let m = special.exec(text); m !== null; m = special.exec(text)) {
			const at = m.index;
			if (text.charCodeAt(at) === 34) q = !q;
			else if (!q) {
				out += text.slice(from, at) + '\n';
				from = at + 1;
				if (at + 1 === text.length) this.#afterCr = true;
				else if (text.charCodeAt(at + 1) === 10) from = at + 2;
			}
		}
		this.#inQuote = q;
		return out + text.slice(from);
	}
}
