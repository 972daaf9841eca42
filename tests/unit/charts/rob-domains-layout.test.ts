import { describe, expect, it } from 'vitest';
import { robDomainsLayout } from '$lib/charts/rob-domains-layout';
import type { RobJudgement } from '$lib/data/rob';

const j = (domain: RobJudgement['domain'], judgement: RobJudgement['judgement']): RobJudgement => ({
	line: 2,
	study_id: 'a',
	tool: 'RoB 2',
	comparison: 'all',
	domain,
	judgement,
	support: 'quote',
	source: 'pmid:1',
	locator: 'abstract',
	notes: ''
});

describe('robDomainsLayout', () => {
	it('puts D1-D5 and Overall in columns 2.2f apart after the labels, the overall set off by 0.6f', () => {
		const l = robDomainsLayout([{ study_id: 'a', study: 'A', robDomains: [] }], 10);
		expect(l.columns.map((c) => c.head)).toEqual(['D1', 'D2', 'D3', 'D4', 'D5', 'Overall']);
		expect(l.columns[0]!.x).toBeCloseTo(81, 9);
		expect(l.columns[4]!.x - l.columns[3]!.x).toBeCloseTo(22, 9);
		expect(l.columns[5]!.x - l.columns[4]!.x).toBeCloseTo(28, 9);
	});
	it('marks each domain with its judgement and a missing one as not reported', () => {
		const l = robDomainsLayout(
			[
				{
					study_id: 'a',
					study: 'Long study name 2006',
					robDomains: [j('randomisation', 'low'), j('overall', 'high')]
				}
			],
			10
		);
		expect(l.rows[0]!.cells.map((c) => c.rob)).toEqual([
			'low',
			'unknown',
			'unknown',
			'unknown',
			'unknown',
			'high'
		]);
		expect(l.labelWidth).toBeCloseTo(20 * 6 + 10, 9);
		expect(l.rows[0]!.y).toBeCloseTo(27, 9);
	});
});
