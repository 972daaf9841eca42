/** Controlled vocabularies of the data contract (docs/ARCHITECTURE.md section 3). */
export const ARMS = ['acupuncture', 'sham', 'no_treatment', 'usual_care', 'active_drug'] as const;
export type Arm = (typeof ARMS)[number];

export const OUTCOMES = ['pain', 'function', 'responder', 'adverse_events'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const POPULATIONS = ['chronic', 'acute'] as const;
export type Population = (typeof POPULATIONS)[number];

/** `unclear`: a sham whose needles' depth the sources do not say. */
export const SHAM_TYPES = ['penetrating', 'non_penetrating', 'unclear'] as const;
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
	usual_care: 'usual care',
	active_drug: 'an active drug'
};

/**
 * What a control arm really received (codebook "Comparators"): `waiting_list` and `no_treatment` for
 * no_treatment arms; `routine_care`, `guideline_care`, `self_care` and `exercise` for usual_care arms (the care
 * every participant kept in an add-on design, or the care given instead of acupuncture); `drug` for active_drug.
 */
export const COMPARATORS = [
	'waiting_list',
	'no_treatment',
	'routine_care',
	'guideline_care',
	'self_care',
	'exercise',
	'drug'
] as const;
export type Comparator = (typeof COMPARATORS)[number];

/** Readable names of the comparators, for sentences ("usual care (routine care)"). */
export const COMPARATOR_LABELS: Record<Comparator, string> = {
	waiting_list: 'a waiting list',
	no_treatment: 'no added treatment',
	routine_care: 'routine care',
	guideline_care: 'guideline-based therapy',
	self_care: 'self-care booklets',
	exercise: 'an exercise programme',
	drug: 'a drug'
};

/** The comparators each control arm type may name. */
export const COMPARATORS_OF: Record<string, readonly Comparator[]> = {
	no_treatment: ['waiting_list', 'no_treatment'],
	usual_care: ['routine_care', 'guideline_care', 'self_care', 'exercise'],
	active_drug: ['drug']
};

/** The two input files, told apart by their header. */
export const FILE_KINDS = ['trials', 'contrasts'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** Outcomes analysed from mean, SD and n, and outcomes analysed from events and n. */
export const CONTINUOUS_OUTCOMES: readonly Outcome[] = ['pain', 'function'];
export const BINARY_OUTCOMES: readonly Outcome[] = ['responder', 'adverse_events'];

/** Contrast measures stored as ratios (never logs): estimate and CI must be positive. */
export const RATIO_MEASURES: readonly ContrastMeasure[] = ['RR', 'OR'];

/** `adjusted` in contrasts.csv; spreadsheets write TRUE/FALSE, so case is ignored. */
export const BOOLEANS = ['true', 'false'] as const;

/**
 * Column names that would collide with JavaScript object internals. A file that uses one is rejected
 * (docs/ARCHITECTURE.md section 8), never silently dropped.
 */
export const RESERVED_COLUMN_NAMES: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/**
 * `yes`: the header must have the column and every row a value. `conditional`: the header should have it and
 * some rows need a value (see `meaning`). `no`: optional.
 */
export type Requirement = 'yes' | 'conditional' | 'no';

export interface ColumnSpec {
	name: string;
	required: Requirement;
	meaning: string;
	/** Controlled vocabulary, when the column has one. */
	allowed?: readonly string[];
}

const STUDY_COLUMNS: readonly ColumnSpec[] = [
	{ name: 'study_id', required: 'yes', meaning: 'slug, e.g. brinkhaus2006; unique per trial' },
	{ name: 'study', required: 'yes', meaning: 'display label, e.g. Brinkhaus 2006' },
	{ name: 'year', required: 'yes', meaning: 'publication year' },
	{ name: 'population', required: 'yes', meaning: 'as the trial defines it', allowed: POPULATIONS }
];

const SOURCE_COLUMNS: readonly ColumnSpec[] = [
	{ name: 'rob', required: 'no', meaning: 'overall risk of bias (RoB 2 wording)', allowed: ROB_LEVELS },
	{
		name: 'source',
		required: 'yes',
		meaning: 'doi:... or pmid:... of the publication the numbers come from'
	},
	{
		name: 'locator',
		required: 'yes',
		meaning: 'where in the source the numbers stand: abstract, Table 2, ...'
	},
	{ name: 'notes', required: 'no', meaning: 'every derivation, e.g. SD from a 95% CI, with its formula' }
];

const OUTCOME_COLUMNS: readonly ColumnSpec[] = [
	{ name: 'outcome', required: 'yes', meaning: 'what was measured', allowed: OUTCOMES },
	{
		name: 'scale',
		required: 'yes',
		meaning: 'instrument with its range, e.g. VAS_0_100, RMDQ_0_24; for binary outcomes the definition'
	},
	{
		name: 'direction',
		required: 'conditional',
		meaning: 'continuous outcomes: which way is better on the scale',
		allowed: DIRECTIONS
	},
	{ name: 'timepoint_weeks', required: 'yes', meaning: 'weeks since randomisation' }
];

/** trials.csv, one row per study x arm x outcome x timepoint (docs/ARCHITECTURE.md section 3.1), in template order. */
export const TRIAL_COLUMNS: readonly ColumnSpec[] = [
	...STUDY_COLUMNS,
	{ name: 'arm', required: 'yes', meaning: 'the group', allowed: ARMS },
	{ name: 'arm_label', required: 'no', meaning: 'what the arm really received' },
	{
		name: 'sham_type',
		required: 'conditional',
		meaning: 'sham arms: how the sham was given',
		allowed: SHAM_TYPES
	},
	{
		name: 'comparator',
		required: 'no',
		meaning: 'no-treatment, usual-care and active-drug arms: what the arm really received',
		allowed: COMPARATORS
	},
	...OUTCOME_COLUMNS,
	{ name: 'n', required: 'yes', meaning: 'participants analysed in the arm (binary: the denominator)' },
	{ name: 'mean', required: 'conditional', meaning: 'continuous outcomes: mean change or final value' },
	{ name: 'sd', required: 'conditional', meaning: 'continuous outcomes: standard deviation (> 0)' },
	{
		name: 'measure',
		required: 'conditional',
		meaning: 'continuous outcomes: change (follow-up minus baseline) or final value',
		allowed: MEASURES
	},
	{ name: 'events', required: 'conditional', meaning: 'binary outcomes: participants with the event (<= n)' },
	...SOURCE_COLUMNS,
	{
		name: 'sessions',
		required: 'no',
		meaning:
			'acupuncture arms: treatment sessions planned per participant (the most when "up to N"), as the source says'
	},
	{
		name: 'course_weeks',
		required: 'no',
		meaning: 'acupuncture arms: weeks from the first to the last planned session (the end of treatment), > 0'
	}
];

/** contrasts.csv, one row per study x comparison x outcome x timepoint (docs/ARCHITECTURE.md section 3.2), in template order. */
export const CONTRAST_COLUMNS: readonly ColumnSpec[] = [
	...STUDY_COLUMNS,
	{ name: 'treatment', required: 'yes', meaning: 'arm type of the treatment group', allowed: ARMS },
	{ name: 'control', required: 'yes', meaning: 'arm type of the control group', allowed: ARMS },
	{
		name: 'sham_type',
		required: 'conditional',
		meaning: 'comparisons with a sham arm: how the sham was given',
		allowed: SHAM_TYPES
	},
	{
		name: 'comparator',
		required: 'no',
		meaning: 'what the control group really received',
		allowed: COMPARATORS
	},
	...OUTCOME_COLUMNS,
	{ name: 'n_treatment', required: 'no', meaning: 'participants analysed in the treatment group' },
	{ name: 'n_control', required: 'no', meaning: 'participants analysed in the control group' },
	{ name: 'measure', required: 'yes', meaning: 'effect measure', allowed: CONTRAST_MEASURES },
	{
		name: 'estimate',
		required: 'yes',
		meaning: 'treatment minus control as reported (ratios as ratios, not logs)'
	},
	{ name: 'ci_lower', required: 'yes', meaning: 'lower bound of the 95% confidence interval' },
	{ name: 'ci_upper', required: 'yes', meaning: 'upper bound of the 95% confidence interval' },
	{
		name: 'adjusted',
		required: 'yes',
		meaning: 'whether the estimate is adjusted (e.g. ANCOVA)',
		allowed: BOOLEANS
	},
	...SOURCE_COLUMNS
];

/** The column specs of a file kind. */
export function columnsOf(kind: FileKind): readonly ColumnSpec[] {
	return kind === 'trials' ? TRIAL_COLUMNS : CONTRAST_COLUMNS;
}
