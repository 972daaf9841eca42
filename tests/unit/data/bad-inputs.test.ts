import { describe, expect, it } from 'vitest';
import { CONTRAST_HEADER, contrasts, lines, parse, TRIAL_HEADER, TRIAL_ROW, trials } from './helpers';

// Each bad input of issue 4 with the exact `file:row:column: message` it must produce. Rows are physical CSV
// lines (header = 1), counted by hand from the fixtures.

const BINARY = {
	outcome: 'responder',
	scale: 'resp_33pct',
	direction: '',
	mean: '',
	sd: '',
	measure: '',
	events: '60'
};

describe('whole-file problems', () => {
	it('reports an empty file, also one of blank lines only', () => {
		expect(lines('')).toEqual(['trials.csv:0:: the file is empty']);
		expect(lines('\n \r\n\n')).toEqual(['trials.csv:0:: the file is empty']);
		expect(parse('').kind).toBeNull();
	});

	it('reports a header without data rows', () => {
		expect(lines(TRIAL_HEADER.join(',') + '\n')).toEqual([
			'trials.csv:0:: the file has a header but no data rows'
		]);
	});

	it('recognises files that are not CSV at all', () => {
		expect(lines('PK\u0003\u0004\u0014\u0000\u0006\u0000', 'data.xlsx')).toEqual([
			'data.xlsx:0:: this is not a CSV file: it looks like an Excel workbook (.xlsx) or another ZIP archive'
		]);
		expect(lines('%PDF-1.7\n%âãÏÓ\n', 'paper.pdf')).toEqual([
			'paper.pdf:0:: this is not a CSV file: it looks like a PDF document'
		]);
		expect(lines('\u0000\u0001\u0002binary')).toEqual([
			'trials.csv:0:: this is not a CSV file: it looks like binary data (an old Excel .xls workbook, an image or a program)'
		]);
		const notOurs =
			'trials.csv:1:: this does not look like trials.csv or contrasts.csv: the first line has none of their column names';
		expect(lines('Dear colleague,\nplease find the data attached.\n')).toEqual([notOurs]);
		expect(lines('{"trials": [{"n": 12}]}')).toEqual([notOurs]);
	});

	it('says which delimiter a file uses when it is neither comma, semicolon nor tab', () => {
		const piped = TRIAL_HEADER.join('|') + '\n' + TRIAL_HEADER.map((k) => TRIAL_ROW[k] ?? '').join('|');
		expect(lines(piped)).toEqual([
			'trials.csv:1:: the header is one single column: the values seem to be separated by "|", which is not read'
		]);
		expect(lines(TRIAL_HEADER.join(' ') + '\n')).toEqual([
			'trials.csv:1:: the header is one single column: the values seem to be separated by "spaces", which is not read'
		]);
	});

	it('reports a header that mixes both files', () => {
		const header = [...TRIAL_HEADER, 'treatment', 'control', 'estimate'].join(',');
		expect(lines(header + '\n1\n')).toEqual([
			'trials.csv:1:: the header mixes columns of trials.csv (arm, n, mean, sd) and of contrasts.csv (treatment, control, estimate)'
		]);
	});
});

describe('header problems', () => {
	it('reports a missing required column once, not once per row', () => {
		const text = trials(Array.from({ length: 100 }, (_, i) => ({ timepoint_weeks: String(i + 1) })));
		const withoutN = text
			.split('\n')
			.map((l) =>
				l
					.split(',')
					.filter((_, k) => k !== TRIAL_HEADER.indexOf('n'))
					.join(',')
			)
			.join('\n');
		const r = parse(withoutN);
		expect(r.problems.map((p) => `${p.row}:${p.column}: ${p.message}`)).toEqual([
			'1:n: required column "n" is missing'
		]);
		expect(r.kind).toBe('trials');
		expect(r.trials).toEqual([]);
	});

	it('suggests the column meant when a name differs only in case', () => {
		const text = trials([{}]).replace(',n,', ',N,');
		const r = parse(text);
		expect(lines(text)).toEqual(['trials.csv:1:n: required column "n" is missing; the header has "N"']);
		expect(r.problems[0]!.hint).toBe(
			'Rename "N" to "n" (names are case-sensitive, with no spaces or hidden characters).'
		);
	});

	it('rejects reserved column names instead of dropping them', () => {
		const header = [...TRIAL_HEADER, '__proto__', 'constructor'].join(',');
		const row = trials([{}]).split('\n')[1] + ',x,y';
		expect(lines(`${header}\n${row}\n`)).toEqual([
			'trials.csv:1:__proto__: column name "__proto__" is reserved',
			'trials.csv:1:constructor: column name "constructor" is reserved'
		]);
	});

	it('reports a duplicated column with both positions', () => {
		const header = [...TRIAL_HEADER, 'n'].join(',');
		const row = trials([{}]).split('\n')[1] + ',147';
		expect(lines(`${header}\n${row}\n`)).toEqual([
			'trials.csv:1:n: column "n" appears twice (columns 13 and 24)'
		]);
	});

	it('warns about an unknown column, with the name it resembles', () => {
		const header = [...TRIAL_HEADER.filter((h) => h !== 'notes'), 'note'].join(',');
		expect(lines(`${header}\n${trials([{}]).split('\n')[1]}\n`)).toEqual([
			'trials.csv:1:note: warning: unknown column "note" is ignored; did you mean "notes"?'
		]);
	});

	it('reports a conditional column the header lacks once, where rows need it', () => {
		const k = TRIAL_HEADER.indexOf('sd');
		const text = trials([{}, {}, {}])
			.split('\n')
			.map((l) =>
				l
					.split(',')
					.filter((_, j) => j !== k)
					.join(',')
			)
			.join('\n');
		expect(lines(text)).toEqual([
			'trials.csv:1:sd: column "sd" is missing: 3 rows need it (a continuous outcome (pain), first on line 2)'
		]);
	});
});

describe('row problems', () => {
	it('suggests the allowed value meant', () => {
		expect(lines(trials([{ arm: 'shame' }]))).toEqual([
			'trials.csv:2:arm: unknown arm "shame"; did you mean "sham"?'
		]);
		expect(lines(trials([{ arm: 'placebo' }]))).toEqual([
			'trials.csv:2:arm: unknown arm "placebo"; did you mean "sham"?'
		]);
		expect(lines(trials([{ population: 'Chronic' }]))).toEqual([
			'trials.csv:2:population: unknown population "Chronic"; did you mean "chronic"?'
		]);
		expect(lines(trials([{ outcome: 'mood' }]))).toEqual(['trials.csv:2:outcome: unknown outcome "mood"']);
	});

	it('rejects zero or negative SDs and n, and n that is not a whole number', () => {
		expect(lines(trials([{ sd: '-3' }]))).toEqual(['trials.csv:2:sd: sd must be greater than 0, got "-3"']);
		expect(lines(trials([{ sd: '0' }]))).toEqual(['trials.csv:2:sd: sd must be greater than 0, got "0"']);
		expect(lines(trials([{ n: '0' }]))).toEqual([
			'trials.csv:2:n: n must be a whole number greater than 0, got "0"'
		]);
		expect(lines(trials([{ n: '-5' }]))).toEqual([
			'trials.csv:2:n: n must be a whole number greater than 0, got "-5"'
		]);
		expect(lines(trials([{ n: '12.5' }]))).toEqual([
			'trials.csv:2:n: n must be a whole number greater than 0, got "12.5"'
		]);
	});

	it('rejects events above n', () => {
		expect(lines(trials([{ ...BINARY, events: '160' }]))).toEqual([
			'trials.csv:2:events: events (160) cannot exceed n (147)'
		]);
		expect(parse(trials([BINARY])).trials[0]!.events).toBe(60);
	});

	it('requires sham_type on a sham arm', () => {
		expect(lines(trials([{ arm: 'sham' }]))).toEqual([
			'trials.csv:2:sham_type: sham_type is required for a sham arm but empty'
		]);
	});

	it('requires mean, sd and measure for continuous outcomes and events for binary ones', () => {
		expect(lines(trials([{ mean: '', measure: '' }]))).toEqual([
			'trials.csv:2:mean: mean is required for a continuous outcome (pain) but empty',
			'trials.csv:2:measure: measure is required for a continuous outcome (pain) but empty'
		]);
		expect(lines(trials([{ ...BINARY, events: '' }]))).toEqual([
			'trials.csv:2:events: events is required for a binary outcome (responder) but empty'
		]);
	});

	it('reports text where a number belongs, and a decimal comma in a comma-separated file', () => {
		expect(lines(trials([{ mean: '-28.7 mm' }]))).toEqual([
			'trials.csv:2:mean: mean must be a number, got "-28.7 mm"'
		]);
		const r = parse(trials([{ sd: '30,3' }]));
		expect(r.problems.map((p) => `${p.row}:${p.column}: ${p.message}`)).toEqual([
			'2:sd: sd must be a number, got "30,3"'
		]);
		expect(r.problems[0]!.hint).toContain('comma-separated');
	});

	it('rejects an implausible year and a negative timepoint', () => {
		expect(lines(trials([{ year: '206' }]))).toEqual([
			'trials.csv:2:year: year must be a whole number from 1900 to 2100, got "206"'
		]);
		expect(lines(trials([{ timepoint_weeks: '-1' }]))).toEqual([
			'trials.csv:2:timepoint_weeks: timepoint_weeks must be 0 or more'
		]);
	});

	it('reports a line with too many or too few fields', () => {
		const text = trials([{}]).replace('arm 1', 'verum, 12 sessions');
		// Unquoted, the comma splits the label: the line reads as 24 fields.
		expect(lines(text.replace('"verum, 12 sessions"', 'verum, 12 sessions'))).toEqual([
			'trials.csv:2:: this line has 24 fields but the header has 23'
		]);
		expect(lines(`${TRIAL_HEADER.join(',')}\nbrinkhaus2006,Brinkhaus 2006\n`)).toEqual([
			'trials.csv:2:: this line has 2 fields but the header has 23'
		]);
	});
});

describe('problems across rows', () => {
	it('reports study-level fields that disagree within a study', () => {
		const text = trials([{}, { year: '2007', population: 'acute' }, { study: 'Brinkhaus et al.' }]);
		expect(lines(text)).toEqual([
			'trials.csv:3:year: year differs within study "brinkhaus2006": "2007" here, "2006" on line 2',
			'trials.csv:3:population: population differs within study "brinkhaus2006": "acute" here, "chronic" on line 2',
			'trials.csv:4:study: study differs within study "brinkhaus2006": "Brinkhaus et al." here, "Brinkhaus 2006" on line 2'
		]);
		expect(lines(trials([{}, { source: 'pmid:1' }]))).toEqual([
			'trials.csv:3:source: warning: source differs within study "brinkhaus2006": "pmid:1" here, "pmid:16505266" on line 2'
		]);
	});

	it('reports duplicate rows', () => {
		expect(lines(trials([{ arm_label: 'verum' }, { arm_label: 'verum' }]))).toEqual([
			'trials.csv:3:: duplicate row: same study_id, arm, arm_label, outcome, scale, measure and timepoint_weeks as line 2'
		]);
		// Two arms of one kind told apart by arm_label, or change and final values, are not duplicates.
		expect(lines(trials([{ arm_label: 'individualised' }, { arm_label: 'standardised' }]))).toEqual([]);
		expect(lines(trials([{ arm_label: 'a' }, { arm_label: 'a', measure: 'final', mean: '40' }]))).toEqual([]);
	});
});

describe('contrasts.csv', () => {
	it('reads a valid row', () => {
		const r = parse(contrasts([{}]), 'contrasts.csv');
		expect(r.kind).toBe('contrasts');
		expect(r.problems).toEqual([]);
		expect(r.contrasts[0]).toMatchObject({ estimate: -5.1, ci_lower: -13.9, ci_upper: 3.7, adjusted: false });
	});

	it('checks the interval: lower below upper, estimate inside', () => {
		expect(lines(contrasts([{ ci_lower: '3.7', ci_upper: '-13.9' }]), 'contrasts.csv')).toEqual([
			'contrasts.csv:2:ci_lower: ci_lower (3.7) must be below ci_upper (-13.9)'
		]);
		expect(lines(contrasts([{ estimate: '5' }]), 'contrasts.csv')).toEqual([
			'contrasts.csv:2:estimate: estimate (5) lies outside its confidence interval (-13.9 to 3.7)'
		]);
	});

	it('requires ratios to be positive (ratios, not logs)', () => {
		const rr = { outcome: 'responder', scale: 'resp_30pct', direction: '', measure: 'RR' };
		expect(
			lines(contrasts([{ ...rr, estimate: '0', ci_lower: '-0.5', ci_upper: '1.2' }]), 'contrasts.csv')
		).toEqual([
			'contrasts.csv:2:estimate: estimate must be positive for a ratio (RR), got 0',
			'contrasts.csv:2:ci_lower: ci_lower must be positive for a ratio (RR), got -0.5'
		]);
		expect(
			lines(contrasts([{ ...rr, estimate: '1.33', ci_lower: '1.04', ci_upper: '1.7' }]), 'contrasts.csv')
		).toEqual([]);
	});

	it('reads adjusted as true or false in any case', () => {
		expect(lines(contrasts([{ adjusted: 'yes' }]), 'contrasts.csv')).toEqual([
			'contrasts.csv:2:adjusted: unknown adjusted "yes"; did you mean "true"?'
		]);
		expect(parse(contrasts([{ adjusted: 'TRUE' }]), 'contrasts.csv').contrasts[0]!.adjusted).toBe(true);
	});

	it('rejects a comparison of an arm type with itself, and asks for sham_type against sham', () => {
		expect(lines(contrasts([{ treatment: 'sham', control: 'sham' }]), 'contrasts.csv')).toEqual([
			'contrasts.csv:2:control: treatment and control are both "sham"'
		]);
		expect(lines(contrasts([{ sham_type: '' }]), 'contrasts.csv')).toEqual([
			'contrasts.csv:2:sham_type: sham_type is required for a comparison with sham but empty'
		]);
	});

	it('tells two comparisons of one kind in a multi-arm trial from a duplicate', () => {
		const text = contrasts([
			{ timepoint_weeks: '8' },
			{ timepoint_weeks: '8', estimate: '-6' },
			{ timepoint_weeks: '8' }
		]);
		expect(lines(text, 'contrasts.csv')).toEqual([
			'contrasts.csv:3:: warning: same comparison as line 2 with other numbers (same study_id, treatment, control, sham_type, outcome, scale, measure, adjusted and timepoint_weeks)',
			'contrasts.csv:4:: duplicate row: same study_id, treatment, control, sham_type, outcome, scale, measure, adjusted and timepoint_weeks as line 2'
		]);
	});

	it('detects the file kind from the header, whatever the file name', () => {
		expect(parse(contrasts([{}]), 'upload.csv').kind).toBe('contrasts');
		expect(parse(trials([{}]), 'upload.csv').kind).toBe('trials');
		expect(CONTRAST_HEADER).toContain('estimate');
	});
});

describe('warnings (the file still loads)', () => {
	it('warns about an unknown scale once, with the known scale it resembles', () => {
		const r = parse(trials([{ scale: 'VAS_0_10O' }, { scale: 'VAS_0_10O' }]));
		expect(r.problems.map((p) => `${p.row}:${p.column}: ${p.message}`)).toEqual([
			'2:scale: unknown scale "VAS_0_10O"; did you mean "VAS_0_100"?'
		]);
		expect(r.errors).toBe(0);
		expect(r.trials).toHaveLength(2);
	});

	it('warns when a direction contradicts the scale registry', () => {
		expect(lines(trials([{ scale: 'SF36_BP_0_100', mean: '10' }]))).toEqual([
			'trials.csv:2:direction: warning: direction "lower_better" contradicts the scale SF36_BP_0_100, on which higher is better'
		]);
	});

	it('warns about a mean outside the scale', () => {
		expect(lines(trials([{ measure: 'final', mean: '130' }]))).toEqual([
			'trials.csv:2:mean: warning: mean 130 is outside the range of VAS_0_100 (0 to 100)'
		]);
		expect(lines(trials([{ scale: 'NRS_0_10', mean: '-11' }]))).toEqual([
			'trials.csv:2:mean: warning: mean -11 is outside the range of NRS_0_10 (-10 to 10 for a change)'
		]);
	});

	it('warns about text that was not UTF-8', () => {
		expect(lines(trials([{}, { arm_label: 'M\ufffdller' }]))).toEqual([
			'trials.csv:3:: warning: characters that are not UTF-8 were replaced by "�" (Latin-1 or Windows text?)'
		]);
	});

	it('warns about a source that is neither a DOI nor a PubMed ID', () => {
		expect(lines(trials([{ source: 'Brinkhaus et al. 2006' }]))).toEqual([
			'trials.csv:2:source: warning: source should be "doi:10...." or "pmid:<digits>"'
		]);
		expect(TRIAL_ROW.source).toBe('pmid:16505266');
	});
});
