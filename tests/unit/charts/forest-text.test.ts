import { describe, expect, it } from 'vitest';
import { forestSummary, forestTable, forestTitle, studyRowLabel } from '../../../src/lib/charts/forest-table';
import { heterogeneityText, modelName, subgroupTestText } from '../../../src/lib/charts/forest-text';
import { sortStudies } from '../../../src/lib/charts/forest-sort';
import { defaultSides } from '../../../src/lib/charts/sides';
import { sourceUrl } from '../../../src/lib/charts/links';
import { slug } from '../../../src/lib/charts/slug';
import type { Analysis } from '../../../src/lib/evidence/types';
import { analysisOf, result, study } from './studies';

const studies = [
	study('b', -2, 9, 60, { year: 2007 }),
	study('a', -8, 16, 40, { year: 2006 }),
	study('c', 3, 25, null, { year: 2006, study: 'Another 2006', excluded: true })
];
const analysis: Analysis = analysisOf(studies, result(-4.4, [-8.1, -0.7], [-9, 0.2], 2, { p: 0.02 }));

describe('sortStudies', () => {
	it('sorts by year then label, by weight with excluded last, by effect', () => {
		expect(sortStudies(studies, 'year').map((s) => s.study_id)).toEqual(['c', 'a', 'b']);
		expect(sortStudies(studies, 'weight').map((s) => s.study_id)).toEqual(['b', 'a', 'c']);
		expect(sortStudies(studies, 'effect').map((s) => s.study_id)).toEqual(['a', 'b', 'c']);
		expect(sortStudies(studies, 'input')).toEqual(studies);
	});
});

describe('sides', () => {
	it('labels the sides by the orientation of each outcome', () => {
		const t = { treatment: 'acupuncture', control: 'sham' } as const;
		expect(defaultSides({ ...t, outcome: 'pain' })).toEqual({
			left: 'favours real acupuncture',
			right: 'favours sham acupuncture'
		});
		expect(defaultSides({ ...t, outcome: 'responder' })).toEqual({
			left: 'favours sham acupuncture',
			right: 'favours real acupuncture'
		});
		expect(defaultSides({ ...t, outcome: 'adverse_events' }).right).toBe(
			'more adverse events with real acupuncture'
		);
	});
});

describe('forest texts', () => {
	it('names the plot, the model and the heterogeneity', () => {
		expect(forestTitle(analysis)).toBe(
			'Forest plot: pain, chronic, short term: real acupuncture vs sham acupuncture'
		);
		expect(modelName(analysis.result!)).toBe('Random effects (REML)');
		expect(modelName({ ...analysis.result!, method: 'FE', test: 'knha' })).toBe(
			'Common effect, Hartung-Knapp'
		);
		expect(heterogeneityText(analysis.result!)).toBe(
			'Heterogeneity: τ² = 1.50, I² = 40%, Q = 3.20 (df = 1), p = 0.20'
		);
		expect(subgroupTestText('Sham type', { q: 1.234, df: 1, p: 0.2667 })).toBe(
			'Test for subgroup differences (sham type): Q = 1.23, df = 1, p = 0.27'
		);
	});
	it('labels a row with its numbers and what Enter does', () => {
		expect(studyRowLabel('MD', studies[1]!, 95, true)).toBe(
			'Study a: −8.0 (95% CI −15.8 to −0.2), weight 40.0%, low risk of bias. Exclude from the analysis'
		);
		expect(studyRowLabel('MD', studies[2]!, 95, true)).toBe(
			'Another 2006: left out of the pooled result. Include again'
		);
	});
	it('summarises the pooled result and the exclusions in one text alternative', () => {
		expect(forestSummary(analysis, defaultSides(analysis))).toBe(
			'2 studies compare real acupuncture with sham acupuncture (mean difference, points on a 0-100 pain scale); values below 0 favour real acupuncture. Pooled estimate −4.4 (95% CI −8.1 to −0.7), p = 0.02; no prediction interval (it needs at least 3 trials). Left out: Another 2006.'
		);
		// the prediction interval is said from k = 3, as it is drawn; with 2 trials its absence is said
		const three = { ...analysis, result: { ...analysis.result!, k: 3 } };
		expect(forestSummary(three, defaultSides(analysis))).toContain(
			'p = 0.02; prediction interval −9.0 to 0.2.'
		);
		const one = { ...analysis, studies: [studies[0]!] };
		expect(forestSummary(one, defaultSides(analysis))).toMatch(/^1 study compares real acupuncture/);
	});
	it('gives a table twin with one row per study and the pooled row', () => {
		const t = forestTable(analysis);
		expect(t.rows.map((r) => [r.study, r.status, r.weight])).toEqual([
			['Study b', 'included', 60],
			['Study a', 'included', 40],
			['Another 2006', 'left out', null],
			['Pooled', 'k = 2, p = 0.02', 100]
		]);
		expect(t.rows[3]!.estimate).toBe(-4.4);
		expect(t.rows[0]!.source).toBe('pmid:1 (Table 2)');
	});
});

describe('links and slugs', () => {
	it('links DOIs and PMIDs and nothing else', () => {
		expect(sourceUrl('doi:10.1001/archinte.167.17.1892')).toBe(
			'https://doi.org/10.1001/archinte.167.17.1892'
		);
		expect(sourceUrl('pmid:17893311')).toBe('https://pubmed.ncbi.nlm.nih.gov/17893311/');
		expect(sourceUrl('javascript:alert(1)')).toBeNull();
	});
	it('makes file-name slugs', () => {
		expect(slug('Forest plot: Pain, real vs sham')).toBe('forest-plot-pain-real-vs-sham');
		expect(slug('***')).toBe('chart');
	});
});
