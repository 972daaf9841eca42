import { orientation } from '$lib/data/normalise';
import type { ContrastRow } from '$lib/data/types';
import { effectFromCI } from '$lib/stats';
import type { Candidate } from './arm-effects';
import { isReversed } from './comparisons';
import { to100 } from './scales';
import type { EffectMeasure } from './types';

/**
 * The effect of a reported between-group difference (generic inverse variance): yi = estimate (log for
 * ratios), vi from the CI with the exact normal quantile; oriented so that negative favours the treatment
 * of the analysis' comparison (flipped when the row's treatment is the analysis' control), higher-better
 * scales negated, pain MD put on 0-100. Returns a reason when the row cannot enter the analysis.
 */
export function contrastEffect(row: ContrastRow, measure: EffectMeasure): Candidate | string {
	if (row.measure !== measure)
		return `reported as ${row.measure}, which cannot enter a ${measure} analysis without arm-level data`;
	const ratio = row.measure === 'RR' || row.measure === 'OR';
	let f = 1;
	if (measure === 'MD' && row.outcome === 'pain') {
		const k = to100(row.scale);
		if (k === null)
			return `${row.scale} cannot be put on the 0-100 pain scale (a standardised difference needs arm-level SDs)`;
		f = k;
	}
	const es = effectFromCI({
		estimate: row.estimate,
		lower: row.ci_lower,
		upper: row.ci_upper,
		ratio,
		level: 95
	});
	const flipArms = isReversed(row.treatment, row.control);
	const sign = (ratio ? 1 : orientation(row.direction)) * (flipArms ? -1 : 1);
	const yi = sign * f * es.yi;
	const vi = f * f * es.vi;
	const [n1, n2] = flipArms ? [row.n_control, row.n_treatment] : [row.n_treatment, row.n_control];
	return {
		study_id: row.study_id,
		study: row.study,
		year: row.year,
		population: row.population,
		rob: row.rob,
		robDomains: [],
		comparator: flipArms ? null : row.comparator,
		sham_type: row.sham_type,
		timepoint_weeks: row.timepoint_weeks,
		from: 'contrast',
		inputs: { yi, vi },
		n1,
		n2,
		yi,
		vi,
		treatment_label: flipArms ? row.control : row.treatment,
		control_label: flipArms ? row.treatment : row.control,
		adjusted: row.adjusted,
		scale: row.scale,
		source: row.source,
		locator: row.locator,
		lines: [row.line],
		measureType: null,
		weight: null,
		excluded: false
	};
}
