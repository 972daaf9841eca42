import { describe, expect, it } from 'vitest';
import {
	DOMINANT_WEIGHT,
	I2_INCONSISTENT,
	imprecisionRule,
	inconsistencyRule,
	MIN_K_CONSISTENCY,
	OIS_PARTICIPANTS,
	riskOfBiasRule,
	ROB_SHARE
} from '$lib/evidence/certainty';
import type { Analysis, StudyEffect } from '$lib/evidence/types';
import { analysisOf, result, study } from '../charts/studies';

/** Boundary tests: each fails if its threshold moves by one step (one trial, one participant, 0.001). */
function analysis(studies: StudyEffect[], i2 = 0): Analysis {
	return analysisOf(studies, result(-5, [-8, -2], [-9, -1], studies.length, { i2 }));
}
const even = (k: number, extra: Partial<StudyEffect> = {}) =>
	Array.from({ length: k }, (_, i) => study(`s${i}`, -5, 4, 100 / k, extra));

describe('certainty thresholds at their boundaries', () => {
	it(`inconsistency is assessable from ${MIN_K_CONSISTENCY} trials, not below`, () => {
		expect(inconsistencyRule(analysis(even(MIN_K_CONSISTENCY - 1))).assessable).toBe(false);
		expect(inconsistencyRule(analysis(even(MIN_K_CONSISTENCY))).assessable).not.toBe(false);
	});
	it(`I2 of ${I2_INCONSISTENT}% costs a level, ${I2_INCONSISTENT - 0.001}% does not`, () => {
		expect(inconsistencyRule(analysis(even(4), I2_INCONSISTENT)).levels).toBe(1);
		expect(inconsistencyRule(analysis(even(4), I2_INCONSISTENT - 0.001)).levels).toBe(0);
	});
	it(`a trial above ${100 * DOMINANT_WEIGHT}% of the weight dominates; at it, it does not`, () => {
		const at = DOMINANT_WEIGHT * 100;
		const mk = (top: number) =>
			analysis([
				study('a', -5, 4, top),
				study('b', -5, 4, (100 - top) / 2),
				study('c', -5, 4, (100 - top) / 2)
			]);
		expect(inconsistencyRule(mk(at)).assessable).not.toBe(false);
		expect(inconsistencyRule(mk(at + 0.001)).assessable).toBe(false);
	});
	it(`${OIS_PARTICIPANTS} participants are enough, ${OIS_PARTICIPANTS - 1} are not`, () => {
		const o = { est: 5, lower: 2, upper: 8 };
		const mk = (n: number) =>
			analysis([study('a', -5, 4, 100, { n1: Math.ceil(n / 2), n2: Math.floor(n / 2) })]);
		expect(imprecisionRule(mk(OIS_PARTICIPANTS), o, 15, 'superiority').levels).toBe(0);
		expect(imprecisionRule(mk(OIS_PARTICIPANTS - 1), o, 15, 'superiority').levels).toBe(1);
	});
	it('equivalence imprecision: a 90% CI touching the margin costs a level, one just inside does not', () => {
		const a = analysis(even(3, { n1: 300, n2: 300 }));
		expect(imprecisionRule(a, { est: 0, lower: -10, upper: 4 }, 10, 'equivalence').levels).toBe(1);
		expect(imprecisionRule(a, { est: 0, lower: -9.999, upper: 4 }, 10, 'equivalence').levels).toBe(0);
	});
	it(`risk of bias: ${100 * ROB_SHARE}% of the weight with concerns is not "most", a little more is`, () => {
		const mk = (share: number, rob: 'some' | 'high') =>
			analysis([
				study('a', -5, 4, 100 * share, { rob }),
				study('b', -5, 4, 100 * (1 - share), { rob: 'low' })
			]);
		expect(riskOfBiasRule(mk(ROB_SHARE, 'some')).levels).toBe(0);
		expect(riskOfBiasRule(mk(ROB_SHARE + 0.001, 'some')).levels).toBe(1);
		expect(riskOfBiasRule(mk(ROB_SHARE, 'high')).levels).toBe(0);
		expect(riskOfBiasRule(mk(ROB_SHARE + 0.001, 'high')).levels).toBe(2);
	});
});
