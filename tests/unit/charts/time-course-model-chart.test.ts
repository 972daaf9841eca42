import { describe, expect, it } from 'vitest';
import { timeCourseLayout } from '$lib/charts/time-course-layout';
import { timeCourseSeries } from '$lib/charts/time-course-series';
import { timeCourseSummary, timeCourseTable } from '$lib/charts/time-course-text';
import type { TimeSeries } from '$lib/charts/types';
import { buildAnalyses } from '$lib/evidence/analyses';
import { bundledClaims } from '$lib/evidence/claims';
import { evaluateClaim } from '$lib/evidence/evaluate';
import { timeCourseData } from '$lib/evidence/time-points';
import { DEFAULT_SETTINGS } from '$lib/evidence/types';
import { trial } from '../evidence/factory';

// Same frame as time-course-layout.test.ts: 400 x 300 at font 10, one series; x(w) = 45 + 11.5 w on [0, 30].
const x = (w: number) => 45 + 11.5 * w;
const fitted: TimeSeries = {
	label: 'Real vs none',
	control: 'no_treatment',
	band: true,
	trialLines: true,
	ends: [{ study: 'A', weeks: 8 }],
	points: [
		{ weeks: 4, estimate: -5, lower: -9, upper: -1, interval: 'robust' },
		{ weeks: 26, estimate: -3, lower: -8, upper: 2, interval: 'robust' },
		{ weeks: 2, estimate: -2, lower: -6, upper: 2, study: 'A' },
		{ weeks: 26, estimate: -4, lower: -9, upper: 1, study: 'A' },
		{ weeks: 8, estimate: -6, lower: -12, upper: 0, study: 'B' }
	]
};

describe('time course chart: band, trial lines, end of treatment, MID band', () => {
	const l = timeCourseLayout({
		measure: 'MD',
		series: [fitted],
		width: 400,
		height: 300,
		fontSize: 10,
		mid: 10
	});
	const s = l.series[0]!;
	it('draws the pooled interval as a closed area through both ends of each pooled point', () => {
		const nums = s.bandPath.match(/-?[\d.]+/g)!.map(Number);
		expect(s.bandPath.startsWith('M')).toBe(true);
		expect(s.bandPath.endsWith('Z')).toBe(true);
		expect(nums[0]).toBeCloseTo(x(4), 9);
		expect(nums[1]).toBeCloseTo(l.y.at(-1), 9);
		expect(nums).toContain(x(26));
	});
	it('joins a trial with two or more points, not one with a single point', () => {
		expect(s.trialPaths.map((t) => t.study)).toEqual(['A']);
		const nums = s.trialPaths[0]!.path.match(/-?[\d.]+/g)!.map(Number);
		expect(nums[0]).toBeCloseTo(x(2), 9);
		expect(nums[2]).toBeCloseTo(x(26), 9);
	});
	it('places an end-of-treatment marker at its week and a MID band from +mid to -mid', () => {
		expect(s.ends).toEqual([{ key: '0:end:A', study: 'A', weeks: 8, x: x(8) }]);
		expect(l.midBand!.y1).toBeCloseTo(l.y.at(10), 9);
		expect(l.midBand!.y2).toBeCloseTo(l.y.at(-10), 9);
		expect(
			timeCourseLayout({ measure: 'MD', series: [fitted], width: 400, height: 300, fontSize: 10 }).midBand
		).toBeNull();
	});
	it('says the MID band and the end markers in the summary, and lists ends and interval kinds in the table', () => {
		expect(timeCourseSummary('MD', [fitted], 10)).toMatch(/smaller than the MID \(10\.0\).*treatment ended/);
		const rows = timeCourseTable('MD', [fitted]).rows;
		expect(rows.filter((r) => r.study === 'pooled').map((r) => r.interval)).toEqual([
			'robust (CR2)',
			'robust (CR2)'
		]);
		expect(rows.at(-1)).toMatchObject({ study: 'A: end of treatment', weeks: 8, estimate: null });
	});
});

describe('timeCourseSeries (from the claim)', () => {
	const rows = Array.from({ length: 7 }, (_, i) =>
		[2, 4, 8, 26].flatMap((w) =>
			trial(`t${i}`, 'acupuncture', 'no_treatment', w >= 8 ? -35 + (i % 2) : -10 + (i % 2), -10, {
				n: 400,
				timepoint_weeks: w
			}).map((r) => (r.arm === 'acupuncture' ? { ...r, course_weeks: 6 + (i % 3) } : r))
		)
	).flat();
	const data = { trials: rows, contrasts: [] };
	const claim = bundledClaims.claims.find((c) => c.id === 'six-to-eight-weeks')!;
	const r = evaluateClaim(
		claim,
		buildAnalyses(data, DEFAULT_SETTINGS),
		{ mids: { MD: 15, SMD: 0.5, RR: 1.25, OR: 1.25, RD: 0.05 } },
		[],
		timeCourseData(data, DEFAULT_SETTINGS)
	);
	it('gives the listed weeks with the robust interval, every trial point, and one end per trial', () => {
		const [s] = timeCourseSeries(r.timeCourse!);
		const main = r.timeCourse!.comparisons[0]!.course.main!;
		const pooled = s!.points.filter((p) => p.study === undefined);
		expect(pooled.map((p) => p.weeks)).toEqual([2, 4, 8, 26]);
		pooled.forEach((p, i) => {
			expect(p.interval).toBe('robust');
			expect(p.upper).toBe(main.estimates[i]!.robust!.ci_upper);
		});
		expect(s!.points.filter((p) => p.study !== undefined)).toHaveLength(28);
		expect(s!.ends).toHaveLength(7);
		expect(new Set(s!.ends!.map((e) => e.weeks))).toEqual(new Set([6, 7, 8]));
	});
	it('drops trial marks and ends above the mark limit but keeps the pooled points', () => {
		const [s] = timeCourseSeries(r.timeCourse!, 10);
		expect(s!.points.every((p) => p.study === undefined)).toBe(true);
		expect(s!.points).toHaveLength(4);
		expect(s!.ends).toEqual([]);
	});
});
