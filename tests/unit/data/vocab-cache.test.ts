import { describe, expect, it } from 'vitest';
import { parseFile } from '$lib/data/parse-file';
import { trials } from './helpers';

// RowReader.code remembers the last few vocabulary texts of each column; values that cycle through more of them
// than it remembers, with unknown values in between, must still be read as written, row by row.
describe('vocabulary columns that change from row to row', () => {
	const arms = [
		{ arm: 'acupuncture', comparator: '', sham_type: '' },
		{ arm: 'sham', comparator: '', sham_type: 'penetrating' },
		{ arm: 'no_treatment', comparator: 'waiting_list', sham_type: '' },
		{ arm: 'usual_care', comparator: 'routine_care', sham_type: '' },
		{ arm: 'active_drug', comparator: 'drug', sham_type: '' },
		{ arm: 'usual_care', comparator: 'self_care', sham_type: '' },
		{ arm: 'no_treatment', comparator: 'no_treatment', sham_type: '' },
		{ arm: 'usual_care', comparator: 'guideline_care', sham_type: '' },
		{ arm: 'usual_care', comparator: 'exercise', sham_type: '' },
		{ arm: 'sham', comparator: '', sham_type: 'non_penetrating' },
		{ arm: 'sham', comparator: '', sham_type: 'unclear' }
	];
	const robs = ['low', 'some', 'high', 'high', 'low'];
	const rows = Array.from({ length: 200 }, (_, k) => ({
		...arms[k % arms.length]!,
		rob: k % 13 === 5 ? 'Low risk' : robs[k % robs.length]!,
		population: k % 3 === 0 ? 'acute' : 'chronic',
		study_id: `s${k}`,
		study: `Study ${k}`
	}));

	it('reads every row as written and reports each unknown value on its line', () => {
		const r = parseFile(trials(rows), 'trials.csv');
		const unknown = rows.flatMap((row, k) => (row.rob === 'Low risk' ? [k + 2] : []));
		expect(r.problems.filter((p) => p.column === 'rob').map((p) => [p.row, p.message])).toEqual(
			unknown.map((line) => [line, 'unknown rob "Low risk"'])
		);
		const good = rows.filter((row) => row.rob !== 'Low risk');
		expect(r.trials.map((t) => [t.arm, t.comparator ?? '', t.sham_type ?? '', t.rob, t.population])).toEqual(
			good.map((row) => [row.arm, row.comparator, row.sham_type, row.rob, row.population])
		);
	});
});
