import { describe, expect, it } from 'vitest';
import { MAX_RECORD_CHARS } from '$lib/data/csv-reader';
import { createIngest, ingestText } from '$lib/data/ingest';
import { parseFile } from '$lib/data/parse-file';
import { formatProblem } from '$lib/data/problems';
import { lines, parse, TRIAL_HEADER, trials } from './helpers';

const THREE_LINE_NOTE = 'SD from the 95% CI:\nsd = sqrt(n)*(hi-lo)/(2*1.959964),\nsee "Table 2"';

describe('CSV dialects', () => {
	it('strips a byte-order mark and reads CRLF line ends', () => {
		const r = parse('\ufeff' + trials([{}, {}], '\r\n'));
		expect(r.problems).toEqual([]);
		expect(r.trials.map((t) => [t.line, t.study_id, t.notes])).toEqual([
			[2, 'brinkhaus2006', ''],
			[3, 'brinkhaus2006', '']
		]);
	});

	it('reads old Mac CR line ends', () => {
		const r = parse(trials([{}, { arm: 'shame' }], '\r'));
		expect(r.problems.map(formatProblem)).toEqual([
			'trials.csv:3:arm: unknown arm "shame"; did you mean "sham"?'
		]);
	});

	it('reads quoted fields with commas, quotes and line breaks, and counts physical lines', () => {
		const text = trials([{ notes: THREE_LINE_NOTE, arm_label: 'verum, 12 sessions' }, { arm: 'shame' }]);
		const r = parse(text);
		expect(r.trials[0]!.notes).toBe(THREE_LINE_NOTE);
		expect(r.trials[0]!.arm_label).toBe('verum, 12 sessions');
		// The first data row spans lines 2-4, so the second starts on line 5.
		expect(r.problems.map(formatProblem)).toEqual([
			'trials.csv:5:arm: unknown arm "shame"; did you mean "sham"?'
		]);
	});

	it('counts lines the same with CRLF files whose cells hold LF breaks (as Excel writes them)', () => {
		const text = trials([{ notes: 'a\nb' }, { arm: 'shame' }], '\r\n');
		expect(lines(text)).toEqual(['trials.csv:4:arm: unknown arm "shame"; did you mean "sham"?']);
	});

	it('reads ";"-separated files with decimal commas', () => {
		const text = [
			TRIAL_HEADER.join(';'),
			'brinkhaus2006;Brinkhaus 2006;2006;chronic;acupuncture;verum, 12 sessions;;;pain;VAS_0_100;lower_better;8;147;-28,7;30,3;change;;low;pmid:16505266;abstract;;12;8'
		].join('\r\n');
		const r = parse(text);
		expect(r.problems).toEqual([]);
		expect(r.trials[0]).toMatchObject({
			mean: -28.7,
			sd: 30.3,
			arm_label: 'verum, 12 sessions',
			n: 147,
			sessions: 12,
			course_weeks: 8
		});
	});

	it('skips blank lines without losing count', () => {
		const text = trials([{}, {}]).replace('\n', '\n\n   \n');
		const r = parse(text);
		expect(r.trials.map((t) => t.line)).toEqual([4, 5]);
	});

	it('never types values itself: 007 stays text where text belongs', () => {
		const r = parse(trials([{ study_id: '007', study: '007', locator: '1e3' }]));
		expect(r.trials[0]).toMatchObject({ study_id: '007', study: '007', locator: '1e3', year: 2006 });
	});

	it('trims spaces around values', () => {
		const r = parse(trials([{ arm: ' sham ', sham_type: 'penetrating ', n: ' 75' }]));
		expect(r.problems).toEqual([]);
		expect(r.trials[0]).toMatchObject({ arm: 'sham', sham_type: 'penetrating', n: 75 });
	});
});

describe('quotes', () => {
	it('reports a stray quote and the unclosed value it opens, on their line', () => {
		const text = trials([{}, {}, {}]).split('\n');
		text[2] = text[2]!.replace('arm 2', '"verum" acupuncture');
		const r = parse(text.join('\n'));
		expect(r.problems.map(formatProblem)).toEqual([
			'trials.csv:3:: stray quote: a quoted value is followed by more text before the next delimiter',
			'trials.csv:3:: unclosed quote: a quoted value that starts on this line never ends'
		]);
		expect(r.trials.map((t) => t.line)).toEqual([2]);
	});

	it('reports an unclosed quote on the line where it opens', () => {
		const text = trials([{}, {}, {}, {}]).split('\n');
		text[3] = text[3]!.replace('arm 3', '"arm 3');
		expect(lines(text.join('\n'))).toEqual([
			'trials.csv:4:: unclosed quote: a quoted value that starts on this line never ends'
		]);
	});

	it('stops reading a large file at an unclosed quote instead of swallowing it', () => {
		// It reads up to MAX_RECORD_CHARS past the runaway value for its closing quote, then stops.
		const rows = trials(Array.from({ length: 10 }, () => ({})));
		const filler = (rows.split('\n')[1] + '\n').repeat(Math.ceil((MAX_RECORD_CHARS * 3) / 150));
		const text = rows.replace('arm 3', '"arm 3') + filler;
		const ingest = createIngest('big.csv');
		let pushed = 0;
		for (let at = 0; at < text.length && !ingest.stopped; at += 1 << 20) {
			ingest.push(text.slice(at, at + (1 << 20)));
			pushed++;
		}
		const r = ingest.end();
		expect(r.problems.map(formatProblem)).toEqual([
			'big.csv:4:: unclosed quote: a quoted value that starts on this line never ends'
		]);
		expect(pushed).toBeLessThan(Math.ceil(text.length / (1 << 20)));
	});
});

describe('streaming', () => {
	const text =
		'\ufeff' +
		trials(
			[{ notes: THREE_LINE_NOTE }, { arm: 'shame' }, { arm_label: 'é ± 中', notes: 'x\r\ny' }, { sd: '-1' }],
			'\r\n'
		);

	it('gives the same rows and problems whatever the chunk boundaries', () => {
		const whole = parseFile(text, 't.csv');
		for (const size of [1, 2, 3, 7, 64, 1000]) {
			const ingest = createIngest('t.csv');
			for (let at = 0; at < text.length; at += size) ingest.push(text.slice(at, at + size));
			const r = ingest.end();
			expect(r.problems, `chunk ${size}`).toEqual(whole.problems);
			expect(r.trials?.length, `chunk ${size}`).toBe(whole.trials.length);
		}
		expect(whole.problems.map((p) => `${p.row}:${p.column}`)).toEqual(['5:arm', '8:sd']);
	});

	it('ingestText reads a whole text the same way', () => {
		const r = ingestText(text, 't.csv');
		expect(r.errors).toBe(2);
		expect(r.trials?.length).toBe(2);
	});
});
