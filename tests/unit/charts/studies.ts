import { expect } from 'vitest';
// Hand-made inputs for the chart tests (not evidence): StudyEffect and RmaResult objects with chosen numbers.
import type { Analysis, StudyEffect } from '../../../src/lib/evidence/types';
import type { RmaResult } from '../../../src/lib/stats/types';

export const Z95 = 1.959963984540054; // qnorm(0.975) in R

export function study(
	id: string,
	yi: number,
	vi: number,
	weight: number | null,
	extra: Partial<StudyEffect> = {}
): StudyEffect {
	return {
		study_id: id,
		study: `Study ${id}`,
		year: 2000,
		population: 'chronic',
		rob: 'low',
		robDomains: [],
		comparator: null,
		sham_type: null,
		timepoint_weeks: 8,
		from: 'contrast',
		inputs: { yi, vi },
		n1: 50,
		n2: 50,
		yi,
		vi,
		treatment_label: 'acupuncture',
		control_label: 'sham',
		adjusted: false,
		scale: 'VAS_0_100',
		source: 'pmid:1',
		locator: 'Table 2',
		lines: [2],
		measureType: null,
		weight,
		excluded: false,
		...extra
	};
}

export function result(
	estimate: number,
	ci: [number, number],
	pi: [number, number],
	k: number,
	extra: Partial<RmaResult> = {}
): RmaResult {
	return {
		k,
		method: 'REML',
		requested: 'REML',
		test: 'z',
		level: 95,
		estimate,
		se: (ci[1] - ci[0]) / (2 * Z95),
		statistic: 0,
		df: null,
		p: 0.01,
		ci: { lower: ci[0], upper: ci[1] },
		pi: { lower: pi[0], upper: pi[1] },
		tau2: 1.5,
		tau2_se: null,
		i2: 40,
		h2: 1 / 0.6,
		q: 3.2,
		q_df: k - 1,
		q_p: 0.2,
		weights: [],
		notes: [],
		...extra
	};
}

/** Element-wise toBeCloseTo for numbers (pixels computed through d3 scales carry rounding in the last bit). */
export function expectClose(actual: number[], expected: number[], digits = 9): void {
	expect(actual).toHaveLength(expected.length);
	actual.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, digits));
}

/** A real-vs-sham pain analysis (MD) around hand-made studies and result; other fields overridable. */
export function analysisOf(
	studies: StudyEffect[],
	res: RmaResult | null,
	extra: Partial<Analysis> = {}
): Analysis {
	return {
		id: 'pain:chronic:acupuncture-vs-sham:short',
		outcome: 'pain',
		population: 'chronic',
		treatment: 'acupuncture',
		control: 'sham',
		window: 'short',
		measure: 'MD',
		unit: 'points on a 0-100 pain scale',
		studies,
		result: res,
		notes: [],
		...extra
	};
}
