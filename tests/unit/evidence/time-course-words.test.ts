import { describe, expect, it } from 'vitest';
import { timeCourseSteps } from '$lib/components/educator/slides';
import { buildAnalyses } from '$lib/evidence/analyses';
import { bundledClaims } from '$lib/evidence/claims';
import { evaluateClaim } from '$lib/evidence/evaluate';
import { plainSentence } from '$lib/evidence/plain';
import { timeCourseData } from '$lib/evidence/time-points';
import { DEFAULT_SETTINGS } from '$lib/evidence/types';
import type { ArmRow } from '$lib/data/types';
import { trial } from './factory';

const CLAIM = bundledClaims.claims.find((c) => c.id === 'six-to-eight-weeks')!;
const VIEW = { mids: { MD: 15, SMD: 0.5, RR: 1.25, OR: 1.25, RD: 0.05 } };

/** Seven trials at weeks 2.4, 4.4, 8.377836736273506 and 26 (fractional weeks, to check the rounding). */
function run(truth: (w: number) => number) {
	const rows: ArmRow[] = Array.from({ length: 7 }, (_, i) =>
		[2.4, 4.4, 8.377836736273506, 26].flatMap((w) =>
			trial(`t${i}`, 'acupuncture', 'no_treatment', -10 + truth(w) + (i % 2 ? 1 : -1), -10, {
				n: 400,
				timepoint_weeks: w
			})
		)
	).flat();
	const data = { trials: rows, contrasts: [] };
	return evaluateClaim(
		CLAIM,
		buildAnalyses(data, DEFAULT_SETTINGS),
		VIEW,
		[],
		timeCourseData(data, DEFAULT_SETTINGS)
	);
}

describe('the time course in words', () => {
	it('patients: when the groups first differed and for how long, in whole weeks and months', () => {
		const text = plainSentence(run((w) => (w >= 8 ? -25 : 0)));
		expect(text).toMatch(
			/less pain on average than people who had no extra treatment by week 8 after starting/
		);
		expect(text).toMatch(/still there at week 26 \(about 6 months\)/);
		expect(text).toMatch(/cannot tell whether someone who has not improved by 6-8 weeks would improve later/);
		expect(text).not.toMatch(/\d+\.\d{2,}/);
	});

	it('patients: a difference that fades is said to fade', () => {
		expect(plainSentence(run((w) => (w <= 9 ? -25 : 0)))).toMatch(
			/By week 26 the difference was no longer clear/
		);
	});

	it('educators: the steps go from the marks to the separation week, lasting, course length and the individual rule', () => {
		const steps = timeCourseSteps(run((w) => (w >= 8 ? -25 : 0)).timeCourse);
		expect(steps).toHaveLength(7);
		expect(steps[0]).toMatch(/one trial's difference/);
		// Week 2 is before the first data (week 2.4): never extrapolated.
		expect(steps[1]).toMatch(/at weeks 4, 8, 26, from a model/);
		expect(steps[3]).toBe('The groups separated when the band first lies wholly below 0: week 8.');
		expect(steps[4]).toMatch(/At week 26 the difference was still clear\. Week 52 was not measured\./);
		expect(steps[6]).toMatch(/responder trajectories/);
		for (const s of steps) expect(s).not.toMatch(/\d+\.\d{3,}/);
	});

	it('educators and patients without a fitted model: said plainly', () => {
		expect(timeCourseSteps(undefined)).toHaveLength(2);
		expect(plainSentence(run(() => 0))).toMatch(
			/cannot tell when people who had real acupuncture started to do better/
		);
	});
});
