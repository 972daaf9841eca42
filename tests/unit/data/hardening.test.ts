import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeControl, escapeJson } from '../../../src/cli/escape';
import { LineBreaks } from '$lib/data/csv-text';
import { decodeBytes, detectEncoding } from '$lib/data/decode';
import { visible } from '$lib/data/header';
import { createIngest, ingestText } from '$lib/data/ingest';
import { clip, formatProblem } from '$lib/data/problems';
import { ingestBlob } from '$lib/data/read-blob';
import { checkStudyWarnings, checkStudyWarningsSliced } from '$lib/data/study-checks';
import { lines, trials } from './helpers';

// Issue 16 on the page's path (ingestBlob, ingest): the command line tests (tests/unit/cli) run the same code.

const pair = (id: string, extra: Record<string, string> = {}) => [
	{ study_id: id, ...extra },
	{ study_id: id, arm: 'sham', sham_type: 'penetrating', mean: '-23.6', ...extra }
];
const text = trials([
	...pair('a2001', { study: 'A 2001', source: 'pmid:1' }),
	...pair('b2002', { study: 'B 2002', source: 'pmid:2' })
]);

describe('encodings', () => {
	const le = Buffer.from(text, 'utf16le');
	const be = Buffer.from(text, 'utf16le').swap16();
	const bom = (b: number[], rest: Buffer) => Buffer.concat([Buffer.from(b), rest]);

	it('tells UTF-16 from its byte-order mark or its zero bytes, and UTF-8 otherwise', () => {
		expect(detectEncoding(bom([0xff, 0xfe], le))).toBe('utf-16le');
		expect(detectEncoding(le)).toBe('utf-16le');
		expect(detectEncoding(bom([0xfe, 0xff], be))).toBe('utf-16be');
		expect(detectEncoding(be)).toBe('utf-16be');
		expect(detectEncoding(Buffer.from(text))).toBe('utf-8');
		expect(detectEncoding(Buffer.from(text, 'latin1'))).toBe('utf-8');
		expect(decodeBytes(bom([0xff, 0xfe], le))).toBe(text);
		expect(decodeBytes(be)).toBe(text);
	});

	it('reads a UTF-16 file on the page as the same rows, in slices of any size', async () => {
		const whole = ingestText(text, 'up.csv');
		for (const bytes of [bom([0xff, 0xfe], le), le, bom([0xfe, 0xff], be), be])
			for (const chunkBytes of [7, 4096]) {
				const r = await ingestBlob(new Blob([bytes]), 'up.csv', () => {}, { chunkBytes });
				expect(r.problems).toEqual([]);
				expect(r.trials?.strings).toEqual(whole.trials?.strings);
				expect(r.trials?.length).toBe(4);
			}
	});

	it('says "save as CSV UTF-8" for UTF-16 text that was decoded as UTF-8', () => {
		expect(lines(new TextDecoder().decode(le))).toEqual([
			'trials.csv:0:: this is not a CSV file: it looks like UTF-16 text (Excel\'s "Unicode text"): save it as "CSV UTF-8"'
		]);
	});

	it('warns on each line with undecodable bytes, listing the first ten', () => {
		const bad = trials(Array.from({ length: 12 }, (_, i) => ({ study_id: `s${i}`, notes: 'M\ufffdller' })));
		const out = lines(bad).filter((l) => l.includes('UTF-8'));
		expect(out).toHaveLength(11);
		expect(out[0]).toBe('trials.csv:0:: warning: 2 more lines have characters that are not UTF-8');
		expect(out[1]).toMatch(/^trials\.csv:2:: warning: characters that are not UTF-8/);
		expect(out[10]).toMatch(/^trials\.csv:11:: /);
	});

	it('reports every line with a NUL character, and calls a file of NULs binary', () => {
		const rows = text.split('\n');
		rows[1] = rows[1]!.replace('abstract', '\u0000abstract\u0000');
		rows[3] = rows[3]!.replace('abstract', 'abs\u0000tract');
		expect(lines(rows.join('\n')).filter((l) => l.includes('NUL'))).toEqual([
			'trials.csv:2:: this line contains a NUL character (byte 0), which has no place in a CSV file',
			'trials.csv:4:: this line contains a NUL character (byte 0), which has no place in a CSV file'
		]);
		expect(lines('\u0000'.repeat(100) + text)).toEqual([
			'trials.csv:0:: this is not a CSV file: it looks like binary data (an old Excel .xls workbook, an image or a program)'
		]);
	});
});

describe('line breaks', () => {
	it('reads LF, CRLF and CR mixed in one file, keeping breaks inside quotes', () => {
		const rows = trials(
			[...pair('a2001', { notes: 'one\r\ntwo\rthree' }), ...pair('b2002', { study: 'B 2002' })],
			'\u0001'
		);
		const breaks = ['\r\n', '\r', '\n', '\r\n', '\r'];
		const mixed = rows.replaceAll('\u0001', () => breaks.shift()!);
		const r = ingestText(mixed, 't.csv');
		expect(r.problems.map(formatProblem)).toEqual([]);
		expect(r.trials?.length).toBe(4);
		expect(r.trials?.strings).toContain('one\r\ntwo\rthree');
		expect(Array.from(r.trials!.columns.line)).toEqual([2, 4, 6, 7]); // the quoted LFs count as lines, the CR does not
	});

	it('gives the same text however it is cut', () => {
		fc.assert(
			fc.property(
				fc.array(fc.constantFrom('a', '"', '\r', '\n', '\r\n', ','), { maxLength: 40 }),
				fc.nat(),
				(parts, cut) => {
					const s = parts.join('');
					const at = cut % (s.length + 1);
					const whole = new LineBreaks().push(s);
					const b = new LineBreaks();
					expect(b.push(s.slice(0, at)) + b.push(s.slice(at))).toBe(whole);
					expect(whole.replace(/"[^"]*("|$)/g, '')).not.toMatch(/\r/);
				}
			)
		);
	});
});

describe('a quoted value over the size limit', () => {
	it('is called too long when its quote closes, and unclosed when it never does', () => {
		const rows = text.split('\n');
		const huge = (closed: boolean) => {
			const r = rows.slice();
			r[2] = r[2]!.replace(/,$/, `,"${'x'.repeat(9 * 1024 * 1024)}${closed ? '"' : ''}`);
			return r.join('\n');
		};
		expect(lines(huge(true))).toEqual([
			'trials.csv:3:: a quoted value that starts on this line is longer than 8 MiB, the limit for one row'
		]);
		expect(lines(huge(false))).toEqual([
			'trials.csv:3:: unclosed quote: a quoted value that starts on this line never ends'
		]);
	});

	it('reads the same in chunks that cut a doubled quote', () => {
		const body = 'x'.repeat(9 * 1024 * 1024 - 3) + '""';
		const t = text.replace(/\n$/, `,"${body}"\n`).replace(/,"x/, ',"x');
		const whole = ingestText(t, 'c.csv');
		const ingest = createIngest('c.csv');
		for (let at = 0; at < t.length; at += 65_537) ingest.push(t.slice(at, at + 65_537));
		expect(ingest.end().problems).toEqual(whole.problems);
	});
});

describe('header near-misses', () => {
	it('shows invisible characters in a column name', () => {
		expect(visible('study_id\u200b')).toBe('study_id<U+200B>');
		expect(visible('\ufeffn\u00a0')).toBe('<U+FEFF>n<U+00A0>');
		expect(visible('study_id')).toBe('study_id');
	});
});

describe('echoed values', () => {
	it('are cut to 80 characters in messages', () => {
		expect(clip('x'.repeat(81))).toBe('x'.repeat(80) + '...');
		expect(clip('x'.repeat(80))).toBe('x'.repeat(80));
		expect(clip('x'.repeat(79) + '😀')).toBe('x'.repeat(79) + '...');
		const [line] = lines(trials([{ arm: 'a'.repeat(500) }]));
		expect(line).toBe(`trials.csv:2:arm: unknown arm "${'a'.repeat(80)}..."`);
	});

	it('reach the terminal with every control and invisible character escaped', () => {
		expect(escapeControl('\u001b[2J\r\n\t\u0085\u202e\u200bok é')).toBe(
			'\\x1b[2J\\r\\n\\t\\x85\\u202e\\u200bok é'
		);
		const json = escapeJson(JSON.stringify({ v: '\u009b31m\u202e\u2028' }));
		expect(json).toBe('{"v":"\\u009b31m\\u202e\\u2028"}');
		expect(JSON.parse(json)).toEqual({ v: '\u009b31m\u202e\u2028' });
	});
});

describe('studies counted twice or left out (checkStudyWarnings)', () => {
	const table = (t: string, file: string) => ingestText(t, file).trials!;

	it('warns about one trial under two ids, across files too', () => {
		const a = table(trials(pair('a2001', { study: 'A 2001', year: '2001', source: 'pmid:1' })), 'a.csv');
		const b = table(trials(pair('a2001b', { study: 'A 2001', year: '2001', source: 'pmid:7' })), 'b.csv');
		expect(checkStudyWarnings([a, b]).map(formatProblem)).toEqual([
			'b.csv:2:study_id: warning: studies "a2001b" and "a2001" (a.csv, line 2) have the same label and year (A 2001, 2001): if they are one trial, it is counted twice'
		]);
		expect(checkStudyWarnings([a])).toEqual([]);
	});

	it('warns that a one-arm study is left out, whatever its arm labels', () => {
		const t = table(
			trials([
				...pair('a2001'),
				{ study_id: 'c2003', study: 'C', source: 'pmid:3' },
				{ study_id: 'c2003', study: 'C', source: 'pmid:3' }
			]),
			'c.csv'
		);
		expect(checkStudyWarnings([t]).map(formatProblem)).toEqual([
			'c.csv:4:study_id: warning: study "c2003" is left out: only one arm (acupuncture), so there is nothing to compare it with'
		]);
	});

	it('gives the same warnings in slices, pausing between them (the page checks a large upload this way)', async () => {
		const a = table(trials(pair('a2001', { study: 'A 2001', year: '2001', source: 'pmid:1' })), 'a.csv');
		const b = table(
			trials([
				...pair('a2001b', { study: 'A 2001', year: '2001', source: 'pmid:7' }),
				{ study_id: 'c2003', study: 'C', source: 'pmid:3' }
			]),
			'b.csv'
		);
		const whole = checkStudyWarnings([a, b]);
		expect(whole).toHaveLength(2);
		let pauses = 0;
		const sliced = await checkStudyWarningsSliced(
			[a, b],
			async () => void pauses++,
			2 // rows per slice
		);
		expect(sliced).toEqual(whole);
		// 2 + 3 rows for the same-trial check, 2 + 3 for the one-arm check: a pause after every 2nd row.
		expect(pauses).toBe(5);
	});
});
