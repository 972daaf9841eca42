import { describe, expect, it } from 'vitest';
import { buildAnalyses } from '$lib/evidence/analyses';
import type { ClaimView } from '$lib/evidence/claim-context';
import { bundledClaims } from '$lib/evidence/claims';
import { evaluateClaim } from '$lib/evidence/evaluate';
import { SEPARATION_BY_WEEK, timeCourseVerdict, type CourseComparison } from '$lib/evidence/time-course';
import { timeCourseJson } from '$lib/evidence/time-course-json';
import { timeCourseSentence, weekText } from '$lib/evidence/time-course-text';
import type { CourseFit, WeekPoint } from '$lib/evidence/time-model';
import {
	comparisonCourse,
	courseRegression,
	MAX_TIME_COURSE_TRIALS,
	MIN_REGRESSION_TRIALS
} from '$lib/evidence/time-model';
import { timeCourseData } from '$lib/evidence/time-points';
import { DEFAULT_SETTINGS, type StudyEffect } from '$lib/evidence/types';
import type { ArmRow } from '$lib/data/types';
import { trial } from './factory';

const VIEW: ClaimView = { mids: { MD: 15, SMD: 0.5, RR: 1.25, OR: 1.25, RD: 0.05 } };
const CLAIM = bundledClaims.claims.find((c) => c.id === 'six-to-eight-weeks')!;

function run(rows: ArmRow[]) {
	const data = { trials: rows, contrasts: [] };
	const analyses = buildAnalyses(data, DEFAULT_SETTINGS);
	return evaluateClaim(CLAIM, analyses, VIEW, [], timeCourseData(data, DEFAULT_SETTINGS));
}

/**
 * Seven trials of acupuncture vs no treatment, each measured at weeks 2, 4, 8 and 26 (n 400 per arm, SD 20), with a
 * true difference `truth(week)` plus a fixed per-trial wobble of +-1 point (so trials differ a little).
 */
function trials(truth: (week: number) => number, weeks = [2, 4, 8, 26], course = 8): ArmRow[] {
	return Array.from({ length: 7 }, (_, i) =>
		weeks.flatMap((w) =>
			trial(`t${i}`, 'acupuncture', 'no_treatment', -10 + truth(w) + (i % 2 ? 1 : -1), -10, {
				n: 400,
				timepoint_weeks: w,
				year: 2000 + i
			}).map((r) => (r.arm === 'acupuncture' ? { ...r, course_weeks: course + i, sessions: 10 } : r))
		)
	).flat();
}

describe('the 6-8 weeks claim from the time course (A), course length (B) and the individual rule (C)', () => {
	it('an effect that builds by week 8 and lasts: partly supported, separated at week 8, still clear at week 26', () => {
		const r = run(trials((w) => (w >= 8 ? -25 : 0)));
		expect(r.verdict).toBe('partly supported');
		expect(r.extra.separation_week).toBe(8);
		expect(r.sentence).toMatch(/the groups had separated by week 8: 25\.\d points lower \(robust 95% CI/);
		expect(r.sentence).toMatch(/still clear at week 26, not measured at week 52/);
		expect(r.sentence).toMatch(/responder trajectories/);
		const tc = r.timeCourse!.comparisons[0]!;
		expect(tc.course.main!.estimates.map((e) => e.week)).toEqual([2, 4, 8, 26]);
		expect(tc.course.sensitivity.map((f) => f.phi)).toEqual([0.5, 0.7, 0.9]);
		expect(tc.lasting).toEqual([
			{ week: 26, status: 'lasted' },
			{ week: 52, status: 'not measured' }
		]);
	});

	it('an effect that appears only after week 8 although measured earlier contradicts the advice', () => {
		const r = run(trials((w) => (w >= 26 ? -25 : 0)));
		expect(r.verdict).toBe('contradicted');
		expect(r.extra.separation_week).toBe(26);
		expect(r.sentence).toMatch(/separated by week 26/);
	});

	it('an effect that fades: separated early, no longer clear at week 26', () => {
		const r = run(trials((w) => (w <= 8 ? -25 : 0)));
		expect(r.verdict).toBe('partly supported');
		expect(r.extra.separation_week).toBe(2);
		expect(r.timeCourse!.comparisons[0]!.lasting[0]).toEqual({ week: 26, status: 'unclear' });
	});

	it('data that start after week 8 cannot say when the groups separated: "not before week 13", inconclusive', () => {
		const r = run(trials(() => -25, [13, 26]));
		expect(r.verdict).toBe('inconclusive');
		expect(r.sentence).toMatch(/nothing before week 13, so whether the groups differed earlier is unknown/);
	});

	it('too few trials: inconclusive, with the reason; no data: no trial data', () => {
		const one = trials((w) => (w >= 8 ? -25 : 0)).filter((r) => r.study_id === 't0');
		const r = run(one);
		expect(r.verdict).toBe('inconclusive');
		expect(r.sentence).toMatch(
			/1 trial: a pooled time course with cluster-robust intervals needs at least 2/
		);
		expect(run([]).verdict).toBe('no trial data');
	});

	it('rounds every week in the text', () => {
		expect(weekText(8.377836736273506)).toBe('8');
		expect(weekText(0.43)).toBe('0.4');
		const r = run(trials((w) => (w >= 8 ? -25 : 0), [2.2, 4.4, 8.377836736273506, 26.1]));
		expect(r.sentence).not.toMatch(/\d+\.\d{3,}/);
		expect(r.sentence).toMatch(/weeks 2 to 26/);
	});

	it('gives the JSON contract every listed week with Wald and robust intervals and the rho sensitivity', () => {
		const r = run(trials((w) => (w >= 8 ? -25 : 0)));
		const [j] = timeCourseJson([r]);
		expect(j!.comparison).toBe('acupuncture-vs-no_treatment');
		expect(j!.weeks.map((w) => w.week)).toEqual([2, 4, 8, 26]);
		for (const w of j!.weeks) {
			expect(w.ci_lower).toBeLessThan(w.estimate);
			expect(w.robust_ci_lower!).toBeLessThan(w.estimate);
			expect(w.robust_ci_upper!).toBeGreaterThan(w.estimate);
		}
		expect(j!.sensitivity.map((s) => s.phi)).toEqual([0.5, 0.7, 0.9]);
		expect(j!.not_estimated.map((n) => n.week)).toEqual([6, 12, 52]);
		expect(j!.rows).toHaveLength(28);
	});
});

/** A fitted comparison with the given robust intervals per week (the verdict reads nothing else). */
function fitted(points: [number, number, number][], range: [number, number] = [2, 52]): CourseComparison {
	const estimates: WeekPoint[] = points.map(([week, lo, hi]) => ({
		week,
		estimate: (lo + hi) / 2,
		se: 1,
		ci_lower: lo,
		ci_upper: hi,
		robust: { ci_lower: lo, ci_upper: hi, df: 5, p: 0.5 },
		trials: 5
	}));
	const main: CourseFit = {
		phi: 0.7,
		coefficients: points.length,
		estimates,
		notEstimated: [],
		tau2: 1,
		rho: 0.5,
		logLik: 0,
		converged: true,
		notes: [],
		// As time-model.ts reads it: the first week whose robust CI lies wholly below 0.
		separatedAt: estimates.find((e) => e.robust!.ci_upper < 0)?.week ?? null,
		separatedAtWald: null
	};
	return {
		key: 'acupuncture-vs-no_treatment',
		treatment: 'acupuncture',
		control: 'no_treatment',
		indirect: false,
		label: 'real acupuncture vs no treatment',
		measure: 'MD',
		rows: [],
		course: { measure: 'MD', trials: 5, range, main, sensitivity: [main], reason: null, robustReason: null },
		regression: null,
		lasting: []
	};
}

describe('timeCourseVerdict: boundaries', () => {
	it('separation at exactly week 8 partly supports; at the next listed week (12) with earlier data contradicts', () => {
		expect(SEPARATION_BY_WEEK).toBe(8);
		expect(
			timeCourseVerdict(
				fitted([
					[4, -3, 1],
					[8, -9, -0.01]
				]),
				15
			)
		).toBe('partly supported');
		expect(
			timeCourseVerdict(
				fitted([
					[8, -9, 0.01],
					[12, -9, -0.01]
				]),
				15
			)
		).toBe('contradicted');
	});
	it('a robust upper bound of exactly 0 is no separation', () => {
		const c = fitted([[8, -9, 0]]);
		expect(c.course.main!.separatedAt).toBeNull();
		expect(timeCourseVerdict(c, 5)).toBe('inconclusive');
	});
	it('separation after week 8 with no earlier data is inconclusive', () => {
		expect(timeCourseVerdict(fitted([[12, -9, -1]], [13, 26]), 15)).toBe('inconclusive');
	});
	it('no separation with every robust CI inside +-MID is not supported; touching the MID is inconclusive', () => {
		expect(
			timeCourseVerdict(
				fitted([
					[4, -14.9, 5],
					[8, -10, 14.9]
				]),
				15
			)
		).toBe('not supported');
		expect(timeCourseVerdict(fitted([[4, -15, 5]]), 15)).toBe('inconclusive');
	});
	it('no fitted comparison is inconclusive', () => {
		expect(timeCourseVerdict(null, 15)).toBe('inconclusive');
	});
});

describe('comparisonCourse limits', () => {
	it(`does not fit more than ${MAX_TIME_COURSE_TRIALS} trials, and says so`, () => {
		const rows = Array.from({ length: MAX_TIME_COURSE_TRIALS + 1 }, (_, i) => ({
			study_id: `s${i}`,
			study: `S ${i}`,
			week: 8,
			yi: -1,
			vi: 1,
			course_weeks: null,
			sessions: null
		}));
		const c = comparisonCourse(rows, 'MD');
		expect(c.main).toBeNull();
		expect(c.reason).toMatch(
			new RegExp(`^${MAX_TIME_COURSE_TRIALS + 1} trials: the time-course model is fitted up to`)
		);
	});
});

describe('timeCourseSentence', () => {
	it('says when the sensitivity analysis is incomplete because a fit did not converge', () => {
		const c = fitted([[8, -9, -1]]);
		c.course.sensitivity = [{ ...c.course.main!, phi: 0.5, converged: false }, c.course.main!];
		expect(timeCourseSentence([c], c)).toMatch(
			/did not converge at an assumed within-trial correlation of 0\.5, so the sensitivity analysis is incomplete/
		);
	});
});

describe('courseRegression (B)', () => {
	const study = (id: string, yi: number): StudyEffect =>
		({ study_id: id, yi, vi: 4, excluded: false }) as StudyEffect;
	it(`needs ${MIN_REGRESSION_TRIALS} trials with a course length and two different lengths`, () => {
		const s = [study('a', -10), study('b', -12), study('c', -14)];
		expect(courseRegression(s, { a: { course_weeks: 4 }, b: { course_weeks: 8 } }).reason).toMatch(
			/2 of 3 trials .* at least 3/
		);
		expect(
			courseRegression(s, { a: { course_weeks: 8 }, b: { course_weeks: 8 }, c: { course_weeks: 8 } }).reason
		).toMatch(/same course length/);
		const r = courseRegression(s, {
			a: { course_weeks: 4 },
			b: { course_weeks: 8 },
			c: { course_weeks: 12 }
		});
		expect(r.reason).toBeNull();
		// yi falls by 0.5 per week exactly: the slope is -0.5 whatever the weights.
		expect(r.slope).toBeCloseTo(-0.5, 10);
		expect(r.permutation_p).toBeGreaterThan(0);
	});
});
