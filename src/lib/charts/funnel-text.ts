import type { EffectMeasure } from '$lib/evidence/types';
import { backTransform, formatEstimateSentence, formatP, formatter, MEASURE_NAME } from './format';
import type { ChartTable, FunnelRegtest, FunnelTrimfill } from './types';

/** Below this many studies the asymmetry tests are not shown (Sterne et al. 2011, BMJ 343:d4002). */
export const MIN_STUDIES_FOR_BIAS_TESTS = 10;

export const FEW_STUDIES_NOTE =
	'With fewer than 10 studies a funnel plot cannot reliably show small-study bias, so no asymmetry test is shown.';

/** "Egger-type regression test: z = -1.23, p = 0.22." (t with df under Hartung-Knapp). */
export function regtestText(r: FunnelRegtest): string {
	const stat =
		r.df != null ? `t(${r.df}) = ${formatter('.2f')(r.statistic)}` : `z = ${formatter('.2f')(r.statistic)}`;
	return `Egger-type regression test for funnel asymmetry: ${stat}, ${formatP(r.p)}.`;
}

/** "Trim and fill: 2 studies estimated missing on the left; adjusted estimate -3.1 (95% CI -7.0 to 0.8)." */
export function trimfillText(measure: EffectMeasure, t: FunnelTrimfill): string {
	const r = t.result;
	const adj = formatEstimateSentence(measure, r.estimate, r.ci, r.level);
	if (t.k0 === 0) return `Trim and fill: no missing studies estimated; the estimate stays ${adj}.`;
	const n = t.k0 === 1 ? '1 study' : `${t.k0} studies`;
	return `Trim and fill: ${n} estimated missing on the ${t.side}; adjusted estimate ${adj}.`;
}

/** Table twin and CSV of a funnel plot: observed studies, then the studies imputed by trim and fill. */
export function funnelTable(
	measure: EffectMeasure,
	studies: { study: string; yi: number; vi: number }[],
	filled: { yi: number; vi: number }[]
): ChartTable {
	const row = (study: string, s: { yi: number; vi: number }, kind: string) => ({
		study,
		estimate: backTransform(measure, s.yi),
		se: Math.sqrt(s.vi),
		kind
	});
	return {
		columns: [
			{ key: 'study', label: 'Study' },
			{ key: 'estimate', label: MEASURE_NAME[measure], numeric: true, digits: 2 },
			{ key: 'se', label: 'Standard error', numeric: true, digits: 3 },
			{ key: 'kind', label: 'Kind' }
		],
		rows: [
			...studies.map((s) => row(s.study, s, 'observed')),
			...filled.map((s, i) => row(`Imputed ${i + 1}`, s, 'imputed by trim and fill'))
		]
	};
}
