import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { robProfile, ROB_COLUMNS } from '$lib/data/rob';
import { parseRob } from '$lib/data/rob-csv';
import { formatProblem } from '$lib/data/problems';

const HEAD = ROB_COLUMNS.join(',');
const row = (study: string, comparison: string, domain: string, judgement: string) =>
	`${study},RoB 2,${comparison},${domain},${judgement},"a quote, with a comma",pmid:1,abstract,Project's assessment: x`;

describe('rob.csv', () => {
	it('reads the bundled judgements without a problem, one overall judgement per assessed comparison', () => {
		const { judgements, problems } = parseRob(readFileSync('data/rob.csv', 'utf8'), 'rob.csv');
		expect(problems).toEqual([]);
		const trials = new Set(judgements.map((j) => j.study_id));
		expect(trials.size).toBe(15);
		for (const t of trials)
			expect(
				judgements.some((j) => j.study_id === t && j.domain === 'overall'),
				t
			).toBe(true);
		// Every judgement says it is the project's own, with its reasoning.
		expect(judgements.every((j) => j.notes.startsWith("Project's assessment:"))).toBe(true);
	});

	it('reports bad rows with file, line and column, and keeps the good ones', () => {
		const text = [
			HEAD,
			row('a', 'all', 'randomisation', 'low'),
			row('a', 'all', 'blinding', 'low'),
			row('a', 'all', 'overall', 'unclear'),
			row('a', 'acupuncture-vs-placebo', 'overall', 'high'),
			row('a', 'all', 'randomisation', 'high')
		].join('\n');
		const { judgements, problems } = parseRob(text, 'rob.csv');
		expect(judgements).toHaveLength(1);
		expect(problems.map(formatProblem)).toEqual([
			'rob.csv:3:domain: unknown domain "blinding"',
			'rob.csv:4:judgement: unknown judgement "unclear"',
			'rob.csv:5:comparison: comparison "acupuncture-vs-placebo" is neither "all" nor "<treatment>-vs-<control>"',
			'rob.csv:6:domain: a second "randomisation" row for a (all)'
		]);
	});

	it('names a missing column', () => {
		expect(parseRob('study_id,domain\n', 'rob.csv').problems[0]!.message).toMatch(
			/missing column\(s\): tool, comparison/
		);
	});

	it("a comparison's own rows come first, then 'all', then the study's worst overall judgement", () => {
		const { judgements } = parseRob(
			[
				HEAD,
				row('b', 'all', 'randomisation', 'low'),
				row('b', 'acupuncture-vs-sham', 'measurement', 'low'),
				row('b', 'acupuncture-vs-sham', 'overall', 'some'),
				row('b', 'acupuncture-vs-no_treatment', 'measurement', 'high'),
				row('b', 'acupuncture-vs-no_treatment', 'overall', 'high')
			].join('\n'),
			'rob.csv'
		);
		const sham = robProfile(judgements, 'b', 'acupuncture-vs-sham');
		expect(sham.overall).toBe('some');
		expect(sham.domains.map((d) => `${d.domain}:${d.judgement}`)).toEqual([
			'randomisation:low',
			'measurement:low',
			'overall:some'
		]);
		expect(robProfile(judgements, 'b', 'acupuncture-vs-no_treatment').overall).toBe('high');
		expect(robProfile(judgements, 'b', 'sham-vs-no_treatment').overall).toBe('high');
		expect(robProfile(judgements, 'zzz', 'acupuncture-vs-sham')).toEqual({ overall: null, domains: [] });
	});
});
