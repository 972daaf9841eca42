import { describe, expect, it } from 'vitest';
import { timeSeries } from '../../../src/lib/evidence/time-series';
import { analysisOf, result, study, Z95 } from '../charts/studies';

// Hand-made analyses (not evidence): real vs sham in the short and the long window.
const short = analysisOf(
	[
		study('a', -6, 4, 60, { timepoint_weeks: 8 }),
		study('b', -2, 9, 40, { timepoint_weeks: 13 }),
		study('c', 5, 1, null, { timepoint_weeks: 10, excluded: true })
	],
	result(-4.4, [-7, -1.8], [-9, 0.2], 2)
);
const long = analysisOf(
	[study('d', -1, 16, 100, { timepoint_weeks: 52 })],
	result(-1, [-8.8, 6.8], [-8.8, 6.8], 1),
	{
		id: 'pain:chronic:acupuncture-vs-sham:long',
		window: 'long'
	}
);
const sham = [{ treatment: 'acupuncture' as const, control: 'sham' as const }];

describe('timeSeries', () => {
	it('places each pooled result at the weighted mean timepoint and each included trial with its Wald CI', () => {
		const [s] = timeSeries([long, short], sham, 'pain', 'chronic');
		expect(s!.label).toMatch(/sham/i);
		const pooled = s!.points.filter((p) => !p.study);
		expect(pooled).toEqual([
			{ weeks: 0.6 * 8 + 0.4 * 13, estimate: -4.4, lower: -7, upper: -1.8 },
			{ weeks: 52, estimate: -1, lower: -8.8, upper: 6.8 }
		]);
		const trials = s!.points.filter((p) => p.study);
		expect(trials.map((p) => [p.study, p.weeks, p.estimate])).toEqual([
			['Study a', 8, -6],
			['Study b', 13, -2],
			['Study d', 52, -1]
		]);
		expect(trials[1]!.lower).toBeCloseTo(-2 - Z95 * 3, 12);
		expect(trials[1]!.upper).toBeCloseTo(-2 + Z95 * 3, 12);
	});

	it('leaves the trial marks out when a comparison has more than maxTrials of them', () => {
		const pooledOnly = timeSeries([short, long], sham, 'pain', 'chronic', 3);
		expect(pooledOnly[0]!.points.map((p) => p.study ?? 'pooled')).toEqual(['pooled', 'pooled']);
		const all = timeSeries([short, long], sham, 'pain', 'chronic', 4);
		expect(all[0]!.points).toHaveLength(5);
	});

	it('skips comparisons without a pooled result', () => {
		expect(
			timeSeries([short], [{ treatment: 'acupuncture', control: 'no_treatment' }], 'pain', 'chronic')
		).toEqual([]);
	});
});
