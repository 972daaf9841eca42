import { describe, expect, it } from 'vitest';
import { funnelTable } from '../../../src/lib/charts/funnel-text';
import { timeCourseSummary, timeCourseTable } from '../../../src/lib/charts/time-course-text';

describe('funnelTable', () => {
	it('lists observed then imputed studies on the reader scale with their standard errors', () => {
		const t = funnelTable(
			'RR',
			[{ study: 'A', yi: Math.log(2), vi: 0.04 }],
			[{ yi: Math.log(0.5), vi: 0.09 }]
		);
		expect(t.rows).toHaveLength(2);
		expect(t.rows[0]).toMatchObject({ study: 'A', kind: 'observed' });
		expect(t.rows[0]!.estimate).toBeCloseTo(2, 12);
		expect(t.rows[0]!.se).toBeCloseTo(0.2, 12);
		expect(t.rows[1]).toMatchObject({ study: 'Imputed 1', kind: 'imputed by trim and fill' });
		expect(t.rows[1]!.estimate).toBeCloseTo(0.5, 12);
		expect(t.columns.map((c) => c.label)).toEqual(['Study', 'risk ratio', 'Standard error', 'Kind']);
	});
});

describe('time course texts', () => {
	const series = [
		{
			label: 'Real vs sham',
			points: [
				{ weeks: 26, estimate: -3, lower: -8, upper: 2 },
				{ weeks: 8, estimate: -5, lower: -9, upper: -1 },
				{ weeks: 6, estimate: -8, lower: -15, upper: -1, study: 'Trial A' }
			]
		},
		{ label: 'Real vs none', points: [] }
	];
	it('says the pooled effect at each window in week order', () => {
		expect(timeCourseSummary('MD', series)).toBe(
			'Real vs sham: −5.0 at week 8, −3.0 at week 26. Real vs none: no pooled estimate. The 6-8 week window is shaded.'
		);
	});
	it('gives one table row per point, pooled or trial', () => {
		expect(timeCourseTable('MD', series).rows.map((r) => [r.study, r.weeks, r.estimate])).toEqual([
			['pooled', 26, -3],
			['pooled', 8, -5],
			['Trial A', 6, -8]
		]);
	});
});
