import type { ArmRow, ContrastRow } from '$lib/data/types';

let line = 1;

/** A trials.csv row with sensible defaults (chronic pain, VAS 0-100 change at week 8, n 100, SD 20). */
export function arm(p: Partial<ArmRow> & Pick<ArmRow, 'study_id' | 'arm'>): ArmRow {
	return {
		line: ++line,
		study: p.study_id,
		year: 2010,
		population: 'chronic',
		arm_label: '',
		sham_type: p.arm === 'sham' ? 'penetrating' : null,
		comparator: null,
		outcome: 'pain',
		scale: 'VAS_0_100',
		direction: 'lower_better',
		timepoint_weeks: 8,
		n: 100,
		mean: -20,
		sd: 20,
		measure: 'change',
		events: null,
		rob: 'low',
		source: 'pmid:1',
		locator: 'Table 2',
		notes: '',
		...p
	};
}

/** A binary arm row (responders by default). */
export function binaryArm(p: Partial<ArmRow> & Pick<ArmRow, 'study_id' | 'arm' | 'events'>): ArmRow {
	return arm({
		outcome: 'responder',
		scale: 'resp_test',
		direction: null,
		mean: null,
		sd: null,
		measure: null,
		...p
	});
}

export function contrast(
	p: Partial<ContrastRow> & Pick<ContrastRow, 'study_id' | 'treatment' | 'control'>
): ContrastRow {
	return {
		line: ++line,
		study: p.study_id,
		year: 2012,
		population: 'chronic',
		sham_type: p.treatment === 'sham' || p.control === 'sham' ? 'penetrating' : null,
		comparator: null,
		outcome: 'pain',
		scale: 'VAS_0_100',
		direction: 'lower_better',
		timepoint_weeks: 8,
		n_treatment: 100,
		n_control: 100,
		measure: 'MD',
		estimate: -5,
		ci_lower: -10,
		ci_upper: 0,
		adjusted: false,
		rob: 'low',
		source: 'pmid:2',
		locator: 'abstract',
		notes: '',
		...p
	};
}

/** A two-arm trial: treatment and control arms with the given change means. */
export function trial(
	study_id: string,
	t: ArmRow['arm'],
	c: ArmRow['arm'],
	mt: number,
	mc: number,
	extra: Partial<ArmRow> = {}
): ArmRow[] {
	return [arm({ study_id, arm: t, mean: mt, ...extra }), arm({ study_id, arm: c, mean: mc, ...extra })];
}
