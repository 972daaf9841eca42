/** Words of the step-by-step forest plot: what the pooled estimate is after each study is added. */
import { formatEffect } from '$lib/charts/format';
import { formatWeight } from '$lib/charts/forest-text';
import type { Analysis, EffectMeasure } from '$lib/evidence/types';
import type { RmaResult } from '$lib/stats/types';

const BEFORE: Record<EffectMeasure, string> = {
	MD: '',
	SMD: 'SMD ',
	RR: 'risk ratio ',
	OR: 'odds ratio ',
	RD: 'risk difference '
};

/** "−7.5 points (95% CI −11.0 to −4.0)", "SMD −0.25 (95% CI ...)" or "risk ratio 1.20 (95% CI ...)". */
export function pooledPhrase(measure: EffectMeasure, r: RmaResult): string {
	const unit = measure === 'MD' ? ' points' : '';
	const ci = `${r.level}% CI ${formatEffect(measure, r.ci.lower)} to ${formatEffect(measure, r.ci.upper)}`;
	return `${BEFORE[measure]}${formatEffect(measure, r.estimate)}${unit} (${ci})`;
}

/**
 * "Study 2 of 4 added: pooled estimate now −7.5 points (95% CI −11.0 to −4.0). Just added: Brinkhaus 2006
 * (weight 45.0%)." for the analysis of the first `j` studies (1-based) out of `k`.
 */
export function stepText(step: Analysis, j: number, k: number): string {
	const r = step.result;
	const last = step.studies.at(-1);
	if (!r || !last) return 'No study to show.';
	const added = `Just added: ${last.study}${last.weight === null ? '' : ` (weight ${formatWeight(last.weight)})`}.`;
	const end = j === k ? ' All studies are shown: this is the full result.' : '';
	return `Study ${j} of ${k} added: pooled estimate now ${pooledPhrase(step.measure, r)}. ${added}${end}`;
}
