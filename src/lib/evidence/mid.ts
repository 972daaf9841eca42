import type { EffectMeasure } from './types';

/** A minimal important difference: the smallest difference people would count as worthwhile. */
export interface Mid {
	value: number;
	unit: string;
	/** What kind of threshold it is, said plainly. */
	kind: string;
	source: string;
}

/**
 * Default MIDs per effect measure, each cited. They are user controls; the defaults are within-person
 * thresholds, which is stricter than needed for a difference between group averages (said on screen).
 */
export const DEFAULT_MIDS: Record<EffectMeasure, Mid> = {
	MD: {
		value: 15,
		unit: 'points on 0-100',
		kind: 'within-person minimal important change for pain intensity',
		source:
			'Ostelo RWJG et al. Interpreting change scores for pain and functional status in low back pain. Spine 2008;33:90-94. doi:10.1097/BRS.0b013e31815e3a10'
	},
	SMD: {
		value: 0.5,
		unit: 'standard deviations',
		kind: 'half a standard deviation, the typical threshold of a minimal important difference',
		source:
			'Norman GR, Sloan JA, Wyrwich KW. Interpretation of changes in health-related quality of life: the remarkable universality of half a standard deviation. Med Care 2003;41:582-592. doi:10.1097/01.MLR.0000062554.74615.4C'
	},
	RR: {
		value: 1.25,
		unit: 'risk ratio',
		kind: 'GRADE default threshold for an appreciable benefit or harm (relative change of 25%)',
		source:
			'Guyatt GH et al. GRADE guidelines 6. Rating the quality of evidence - imprecision. J Clin Epidemiol 2011;64:1283-1293. doi:10.1016/j.jclinepi.2011.01.012'
	},
	OR: {
		value: 1.25,
		unit: 'odds ratio',
		kind: 'GRADE default threshold for an appreciable benefit or harm',
		source: 'Guyatt GH et al. J Clin Epidemiol 2011;64:1283-1293. doi:10.1016/j.jclinepi.2011.01.012'
	},
	RD: {
		value: 0.05,
		unit: 'risk difference',
		kind: 'five more people in 100',
		source: 'Guyatt GH et al. J Clin Epidemiol 2011;64:1283-1293. doi:10.1016/j.jclinepi.2011.01.012'
	}
};

/** The MID on the analysis scale (log for ratio measures), as a positive number. */
export function midOnAnalysisScale(measure: EffectMeasure, value: number): number {
	return measure === 'RR' || measure === 'OR' ? Math.log(value) : value;
}

/**
 * Default equivalence margins for "performs as well as" (two one-sided tests on the 90% CI). No published
 * consensus margin exists for a between-group difference of acupuncture and sham in back pain, so these are the
 * project's choices, said on screen, and the verdict also reports the smallest margin at which equivalence holds.
 */
export const DEFAULT_MARGINS: Record<'MD' | 'SMD', Mid> = {
	MD: {
		value: 10,
		unit: 'points on 0-100',
		kind: 'project default, two-thirds of the 15-point within-person threshold: a between-group margin must be smaller than a within-person one',
		source:
			'Project choice (no published margin); compare Ostelo RWJG et al. Spine 2008;33:90-94 (within-person MCIC 15 points)'
	},
	SMD: {
		value: 0.2,
		unit: 'standard deviations',
		kind: "Cohen's small effect, a common equivalence margin for standardised differences",
		source: 'Cohen J. Statistical Power Analysis for the Behavioral Sciences. 2nd ed. Erlbaum; 1988'
	}
};
