import { describe, expect, it } from 'vitest';
import { neutraliseCell, quoteField, toCsv } from '../../../src/lib/charts/csv';

describe('neutraliseCell', () => {
	it.each([
		['=1+1', "'=1+1"],
		['+SUM(A1)', "'+SUM(A1)"],
		['-2+3', "'-2+3"],
		['@cmd', "'@cmd"],
		['\tx', "'\tx"],
		['Brinkhaus 2006', 'Brinkhaus 2006'],
		['a=b', 'a=b']
	])('neutralises %j as %j', (input, out) => {
		expect(neutraliseCell(input)).toBe(out);
	});
	it('keeps numbers as numbers (a negative number is not a formula) and empties null', () => {
		expect(neutraliseCell(-5.25)).toBe('-5.25');
		expect(neutraliseCell(null)).toBe('');
		expect(neutraliseCell(Number.NaN)).toBe('');
	});
});

describe('quoteField', () => {
	it('quotes fields with commas, quotes, line breaks or edge spaces and doubles inner quotes', () => {
		expect(quoteField('a "b", c')).toBe('"a ""b"", c"');
		expect(quoteField('two\nlines')).toBe('"two\nlines"');
		expect(quoteField(' padded')).toBe('" padded"');
		expect(quoteField('plain')).toBe('plain');
	});
});

describe('toCsv', () => {
	it('writes a header and rows with CRLF line ends, neutralised and quoted', () => {
		const csv = toCsv({
			columns: [
				{ key: 'study', label: 'Study' },
				{ key: 'est', label: 'Estimate, MD', numeric: true }
			],
			rows: [
				{ study: '=HYPERLINK("http://x")', est: -5.2 },
				{ study: 'Smith, 2001', est: null }
			]
		});
		expect(csv).toBe('Study,"Estimate, MD"\r\n"\'=HYPERLINK(""http://x"")",-5.2\r\n"Smith, 2001",\r\n');
	});
});
