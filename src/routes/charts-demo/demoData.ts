// TEMPORARY gallery data for /charts-demo: invented numbers to develop the charts. Not evidence.
import type { Analysis, StudyEffect } from '$lib/evidence/types';
import type { RmaResult } from '$lib/stats/types';

function study(
	id: string,
	year: number,
	yi: number,
	vi: number,
	weight: number | null,
	extra: Partial<StudyEffect> = {}
): StudyEffect {
	return {
		study_id: id,
		study: `Demo ${id.toUpperCase()} ${year}`,
		year,
		population: 'chronic',
		rob: 'low',
		sham_type: 'penetrating',
		timepoint_weeks: 8,
		from: 'contrast',
		inputs: { yi, vi },
		n1: 100,
		n2: 98,
		yi,
		vi,
		treatment_label: 'acupuncture',
		control_label: 'sham',
		adjusted: false,
		scale: 'VAS_0_100',
		source: 'doi:10.0000/demo',
		locator: 'Table 2',
		lines: [2],
		weight,
		excluded: false,
		...extra
	};
}

export function result(estimate: number, se: number, k: number, weights: number[], tau2 = 4): RmaResult {
	const z = 1.959963984540054;
	const pi = z * Math.sqrt(se * se + tau2);
	return {
		k,
		method: 'REML',
		requested: 'REML',
		test: 'z',
		level: 95,
		estimate,
		se,
		statistic: estimate / se,
		df: null,
		p: 0.03,
		ci: { lower: estimate - z * se, upper: estimate + z * se },
		pi: { lower: estimate - pi, upper: estimate + pi },
		tau2,
		tau2_se: 2,
		i2: 35,
		h2: 1.5,
		q: 6.1,
		q_df: k - 1,
		q_p: 0.19,
		weights,
		notes: []
	};
}

const base: StudyEffect[] = [
	study('a', 2006, -8, 16, 30),
	study('b', 2007, -2, 9, 40, { rob: 'some', sham_type: 'non_penetrating' }),
	study('c', 2009, -12, 40, 20, { rob: 'high' }),
	study('d', 2012, 3, 120, 10, { rob: null, sham_type: 'non_penetrating' })
];

export function demoAnalysis(excluded: string[]): Analysis {
	const kept = base.filter((s) => !excluded.includes(s.study_id));
	const total = kept.reduce((a, s) => a + (s.weight ?? 0), 0);
	const studies = base.map((s) =>
		excluded.includes(s.study_id)
			? { ...s, excluded: true, weight: null }
			: { ...s, weight: ((s.weight ?? 0) / total) * 100 }
	);
	const est = kept.reduce((a, s) => a + s.yi * (s.weight ?? 0), 0) / (total || 1);
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
		result: kept.length
			? result(
					est,
					2.2,
					kept.length,
					studies.filter((s) => !s.excluded).map((s) => s.weight ?? 0)
				)
			: null,
		notes: []
	};
}
