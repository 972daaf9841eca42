/** Controlled vocabularies of the data contract (DESIGN.md section 3). */
export const ARMS = ['acupuncture', 'sham', 'no_treatment', 'usual_care'] as const;
export type Arm = (typeof ARMS)[number];

export const OUTCOMES = ['pain', 'function', 'responder', 'adverse_events'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const POPULATIONS = ['chronic', 'acute'] as const;
export type Population = (typeof POPULATIONS)[number];

export const SHAM_TYPES = ['penetrating', 'non_penetrating'] as const;
export type ShamType = (typeof SHAM_TYPES)[number];

export const DIRECTIONS = ['lower_better', 'higher_better'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const MEASURES = ['change', 'final'] as const;
export type Measure = (typeof MEASURES)[number];

export const ROB_LEVELS = ['low', 'some', 'high'] as const;
export type Rob = (typeof ROB_LEVELS)[number];

export const CONTRAST_MEASURES = ['MD', 'SMD', 'RR', 'OR', 'RD'] as const;
export type ContrastMeasure = (typeof CONTRAST_MEASURES)[number];

/** Readable names of the arms, for labels and sentences. */
export const ARM_LABELS: Record<Arm, string> = {
	acupuncture: 'real acupuncture',
	sham: 'sham acupuncture',
	no_treatment: 'no treatment',
	usual_care: 'usual care'
};
