import { studyInterval } from '$lib/stats/interval';
import type { TimeCourseClaim } from '$lib/evidence/time-course';
import type { TimePoint, TimeSeries } from './types';
import { textOrder } from '$lib/data/text-order';

/**
 * The chart's series of a time-course claim: per comparison, the pooled difference at each listed week with its
 * cluster-robust (CR2) interval where there is one, else the model-based (Wald) one, drawn as a band; each trial's
 * own points (yi with its 95% Wald CI) joined by a line; and each trial's end of treatment (course_weeks). Trial
 * marks are left out above `maxTrialMarks` (the chart would drown in them; the table twin keeps the pooled points).
 */
export function timeCourseSeries(tc: TimeCourseClaim, maxTrialMarks = Infinity): TimeSeries[] {
	const marks = tc.comparisons.reduce((n, c) => n + (c.rowsHeld ?? c.rows.length), 0);
	return tc.comparisons.map((c) => {
		const pooled: TimePoint[] = (c.course.main?.estimates ?? []).map((e) => ({
			weeks: e.week,
			estimate: e.estimate,
			lower: e.robust?.ci_lower ?? e.ci_lower,
			upper: e.robust?.ci_upper ?? e.ci_upper,
			interval: e.robust ? 'robust' : 'wald'
		}));
		const trials: TimePoint[] =
			marks > maxTrialMarks
				? []
				: c.rows.map((r) => ({
						weeks: r.week,
						estimate: r.yi,
						...studyInterval(r.yi, r.vi),
						study: r.study
					}));
		const ends = [
			...new Map(c.rows.filter((r) => r.course_weeks != null).map((r) => [r.study, r.course_weeks!]))
		]
			.map(([study, weeks]) => ({ study, weeks }))
			.sort((a, b) => a.weeks - b.weeks || textOrder(a.study, b.study));
		return {
			label: c.label,
			control: c.control,
			points: [...pooled, ...trials],
			band: pooled.length > 1,
			trialLines: true,
			ends: marks > maxTrialMarks ? [] : ends
		};
	});
}
