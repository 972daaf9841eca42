import { describe, expect, it } from 'vitest';
import { formatProblem, neutraliseCell, ProblemSink, problemsToCsv, sortProblems } from '$lib/data/problems';
import type { Problem } from '$lib/data/types';

const p = (over: Partial<Problem>): Problem => ({
	severity: 'error',
	file: 'trials.csv',
	row: 2,
	column: 'arm',
	value: 'shame',
	message: 'unknown arm "shame"; did you mean "sham"?',
	hint: 'Use one of: acupuncture, sham.',
	...over
});

describe('formatProblem', () => {
	it('writes file:row:column: message, marking warnings', () => {
		expect(formatProblem(p({}))).toBe('trials.csv:2:arm: unknown arm "shame"; did you mean "sham"?');
		expect(formatProblem(p({ severity: 'warning', row: 0, column: '', message: 'm' }))).toBe(
			'trials.csv:0:: warning: m'
		);
	});
});

describe('problems as CSV', () => {
	it('neutralises cells that a spreadsheet would run as formulas', () => {
		expect(neutraliseCell('=HYPERLINK("http://x","y")')).toBe('\'=HYPERLINK("http://x","y")');
		for (const c of ['+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseCell(c)).toBe("'" + c);
		expect(neutraliseCell('sham')).toBe('sham');
	});

	it('quotes and neutralises every cell, with a header', () => {
		const csv = problemsToCsv([p({ value: '=1+2', message: 'a "quoted", message', hint: '-x' })]);
		expect(csv).toBe(
			'severity,file,row,column,value,message,hint\r\n' +
				'error,trials.csv,2,arm,\'=1+2,"a ""quoted"", message",\'-x\r\n'
		);
	});
});

describe('sortProblems', () => {
	const list = [p({ row: 9, severity: 'warning' }), p({ row: 3, column: 'sd' }), p({ row: 3, column: 'n' })];

	it('sorts by row numerically, ties in file order', () => {
		expect(sortProblems(list, 'row').map((x) => `${x.row}${x.column}`)).toEqual(['3sd', '3n', '9arm']);
		expect(sortProblems(list, 'row', false).map((x) => x.row)).toEqual([9, 3, 3]);
	});

	it('sorts errors before warnings, and by text', () => {
		expect(sortProblems(list, 'severity').map((x) => x.severity)).toEqual(['error', 'error', 'warning']);
		expect(sortProblems(list, 'column').map((x) => x.column)).toEqual(['arm', 'n', 'sd']);
	});
});

describe('ProblemSink', () => {
	it('lists problems up to its limit and summarises the rest per severity and column', () => {
		const sink = new ProblemSink('big.csv', 2);
		for (let i = 0; i < 5; i++) sink.error(i + 2, 'arm', 'x', 'unknown arm', 'h');
		sink.warn(9, '', '', 'w', 'h');
		expect(sink.errors).toBe(5);
		expect(sink.warnings).toBe(1);
		expect(sink.finish().map(formatProblem)).toEqual([
			'big.csv:2:arm: unknown arm',
			'big.csv:3:arm: unknown arm',
			'big.csv:0:arm: 3 more errors in column arm not listed (only the first 2 problems are listed)',
			'big.csv:0:: warning: 1 more warning not listed (only the first 2 problems are listed)'
		]);
	});

	it('cuts very long values', () => {
		const sink = new ProblemSink('f');
		sink.error(2, 'notes', 'x'.repeat(1000), 'm', 'h');
		expect(sink.finish()[0]!.value).toBe('x'.repeat(200) + '…');
	});
});
