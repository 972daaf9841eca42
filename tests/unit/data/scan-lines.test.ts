import { describe, expect, it } from 'vitest';
import { createIngest } from '$lib/data/ingest';
import { formatProblem } from '$lib/data/problems';
import { trials } from './helpers';

// NUL characters and U+FFFD are reported on the physical line they are on, wherever the chunks of the file are
// cut, after quoted values with line breaks and with CR, CRLF or LF line breaks.
describe('lines of NUL and undecodable characters', () => {
	const rows = Array.from({ length: 400 }, (_, k) => ({
		study_id: `s${k}`,
		study: `Study ${k}`,
		notes:
			k % 50 === 7
				? `a NUL \u0000 here`
				: k % 60 === 11
					? `M\ufffdller`
					: k % 9 === 0
						? `two lines:\nthe second, "quoted"`
						: `note ${k}`
	}));
	/** The physical line of row k: after the header, each earlier note with a line break adds a line. */
	const lineOf = (k: number) => 2 + k + rows.slice(0, k).filter((r) => r.notes.includes('\n')).length;
	const nul = rows.flatMap((r, k) => (r.notes.includes('\u0000') ? [lineOf(k)] : []));
	const bad = rows.flatMap((r, k) => (r.notes.includes('\ufffd') ? [lineOf(k)] : []));

	for (const eol of ['\n', '\r\n', '\r']) {
		it(`reports them on their lines with ${JSON.stringify(eol)} line breaks, in chunks of any size`, () => {
			const text = trials(rows, eol);
			for (const size of [5, 97, 1000, 4096, text.length]) {
				const ingest = createIngest('trials.csv');
				for (let at = 0; at < text.length; at += size) ingest.push(text.slice(at, at + size));
				const problems = ingest.end().problems.map(formatProblem);
				expect(problems.filter((p) => p.includes('NUL'))).toEqual(
					nul.map(
						(line) =>
							`trials.csv:${line}:: this line contains a NUL character (byte 0), which has no place in a CSV file`
					)
				);
				expect(problems.filter((p) => p.includes('not UTF-8'))).toEqual(
					bad.map(
						(line) =>
							`trials.csv:${line}:: warning: characters that are not UTF-8 were replaced by "\ufffd" (Latin-1 or Windows text?)`
					)
				);
			}
		});
	}
});
