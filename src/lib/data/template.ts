import type { FileKind } from './schema';
import type { ArmRow, ContrastRow } from './types';
import { rowsToCsv } from './write';

/**
 * The example rows copy real numbers from Brinkhaus 2006 under an id of their own, so that the template loaded
 * as it is ("add to" the bundled data) is not refused as a second copy of a bundled trial; replace them with
 * your own trial's rows.
 */
const BRINKHAUS = {
	study_id: 'example_brinkhaus2006',
	study: 'Example (Brinkhaus 2006)',
	year: 2006,
	population: 'chronic',
	rob: null,
	source: 'pmid:16505266',
	locator: 'abstract'
} as const;

/**
 * Example row of trials.csv, with real numbers: Brinkhaus et al. 2006 (Arch Intern Med 166:450-7), abstract:
 * "pain intensity decreased by a mean ± SD of 28.7 ± 30.3 mm in the acupuncture group" between baseline and
 * week 8; n = 147 randomised to the arm.
 */
export const TEMPLATE_TRIAL_ROW: ArmRow = {
	line: 2,
	...BRINKHAUS,
	arm: 'acupuncture',
	arm_label: 'semi-standardised acupuncture, 12 sessions over 8 weeks',
	sham_type: null,
	comparator: null,
	outcome: 'pain',
	scale: 'VAS_0_100',
	direction: 'lower_better',
	timepoint_weeks: 8,
	n: 147,
	mean: -28.7,
	sd: 30.3,
	measure: 'change',
	events: null,
	notes:
		'Example row. Abstract: pain (VAS 0-100 mm) "decreased by a mean ± SD of 28.7 ± 30.3 mm" from baseline to ' +
		'week 8, entered as a change of -28.7 (less pain is negative). n = randomised n of the arm. Course: ' +
		'"12 sessions per patient over 8 weeks".',
	sessions: 12,
	course_weeks: 8
};

/**
 * Example row of contrasts.csv, with real numbers: the same abstract, "The difference for the acupuncture vs
 * minimal acupuncture group was 5.1 mm (95% confidence interval, -3.7 to 13.9 mm)", a difference in pain
 * reduction, entered as treatment minus control change: -5.1 (-13.9 to 3.7).
 */
export const TEMPLATE_CONTRAST_ROW: ContrastRow = {
	line: 2,
	...BRINKHAUS,
	treatment: 'acupuncture',
	control: 'sham',
	sham_type: 'penetrating',
	comparator: null,
	outcome: 'pain',
	scale: 'VAS_0_100',
	direction: 'lower_better',
	timepoint_weeks: 8,
	n_treatment: 147,
	n_control: 75,
	measure: 'MD',
	estimate: -5.1,
	ci_lower: -13.9,
	ci_upper: 3.7,
	adjusted: false,
	notes:
		'Example row. Abstract: difference in pain reduction 5.1 mm (95% CI -3.7 to 13.9), acupuncture vs minimal ' +
		'acupuncture; sign flipped to treatment minus control change.'
};

/** A CSV template of one file: the header and one real example row (see the codebook for every column). */
export function templateCsv(kind: FileKind): string {
	return kind === 'trials'
		? rowsToCsv('trials', [TEMPLATE_TRIAL_ROW])
		: rowsToCsv('contrasts', [TEMPLATE_CONTRAST_ROW]);
}
