import { describe, expect, it } from 'vitest';
import { timeCourseLayout } from '../../../src/lib/charts/time-course-layout';
import type { TimeSeries } from '../../../src/lib/charts/types';

// 400 x 300 at font 10, one series: plot x 45..390, y from 1.4 * 10 + 10 = 24 to 260.
// Weeks: nice([0, 26]) = [0, 30] -> x(w) = 45 + 11.5 w. Effects: extent [-15, 2] -> nice(5) = [-15, 5]
// -> y(v) = 260 - 11.8 (v + 15).
const x = (w: number) => 45 + 11.5 * w;
const y = (v: number) => 260 - 11.8 * (v + 15);
const sham: TimeSeries = {
	label: 'Real vs sham',
	control: 'sham',
	points: [
		{ weeks: 26, estimate: -3, lower: -8, upper: 2 },
		{ weeks: 8, estimate: -5, lower: -9, upper: -1 },
		{ weeks: 6, estimate: -8, lower: -15, upper: -1, study: 'Trial A' }
	]
};

describe('timeCourseLayout', () => {
	it('places pooled points by week and effect and joins them in week order', () => {
		const l = timeCourseLayout({ measure: 'MD', series: [sham], width: 400, height: 300, fontSize: 10 });
		expect(l.plot).toEqual({ left: 45, right: 390, top: 24, bottom: 260 });
		const [s] = l.series;
		expect(s!.pooled.map((m) => [m.weeks, m.cx])).toEqual([
			[8, x(8)],
			[26, x(26)]
		]);
		expect(s!.pooled[0]!.cy).toBeCloseTo(y(-5), 9);
		expect(s!.pooled[0]!.y1).toBeCloseTo(y(-9), 9);
		expect(s!.pooled[0]!.y2).toBeCloseTo(y(-1), 9);
		const path = s!.path.match(/-?[\d.]+/g)!.map(Number);
		[x(8), y(-5), x(26), y(-3)].forEach((v, i) => expect(path[i]).toBeCloseTo(v, 9));
		expect(s!.path.startsWith('M')).toBe(true);
	});

	it('keeps each trial point apart from the pooled line and marks the 6-8 week window', () => {
		const l = timeCourseLayout({ measure: 'MD', series: [sham], width: 400, height: 300, fontSize: 10 });
		expect(l.series[0]!.trials.map((m) => [m.study, m.cx])).toEqual([['Trial A', x(6)]]);
		expect(l.band).toEqual({ x1: x(6), x2: x(8) });
		expect(l.nullY).toBeCloseTo(y(0), 9);
		expect(l.xTicks.map((t) => t.label)).toEqual(['0', '5', '10', '15', '20', '25', '30']);
	});

	it('nudges the series of two comparisons apart by half a font size', () => {
		const none: TimeSeries = {
			label: 'Real vs none',
			points: [{ weeks: 8, estimate: -10, lower: -14, upper: -6 }]
		};
		const l = timeCourseLayout({
			measure: 'MD',
			series: [sham, none],
			width: 400,
			height: 300,
			fontSize: 10
		});
		// top margin 1.4 * 10 * 2 + 10 = 38; weeks domain unchanged; offsets -2.5 and +2.5
		expect(l.plot.top).toBe(38);
		expect(l.series[0]!.pooled[0]!.cx).toBe(x(8) - 2.5);
		expect(l.series[1]!.pooled[0]!.cx).toBe(x(8) + 2.5);
	});
});
