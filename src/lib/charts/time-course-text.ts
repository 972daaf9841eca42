import type { EffectMeasure } from '$lib/evidence/types';
import { backTransform, formatEffect, MEASURE_NAME } from './format';
import type { ChartTable, TimeSeries } from './types';

const INTERVAL: Record<string, string> = { robust: 'robust (CR2)', wald: 'Wald' };

/**
 * Table twin and CSV of the time course: one row per point (pooled or trial), on the reader's scale, with the kind
 * of interval; then one row per trial's end of treatment (week only).
 */
export function timeCourseTable(measure: EffectMeasure, series: TimeSeries[]): ChartTable {
	const b = (v: number) => backTransform(measure, v);
	return {
		columns: [
			{ key: 'comparison', label: 'Comparison' },
			{ key: 'study', label: 'Study' },
			{ key: 'weeks', label: 'Week', numeric: true },
			{ key: 'estimate', label: MEASURE_NAME[measure], numeric: true, digits: 2 },
			{ key: 'lower', label: 'CI lower', numeric: true, digits: 2 },
			{ key: 'upper', label: 'CI upper', numeric: true, digits: 2 },
			{ key: 'interval', label: 'Interval' }
		],
		rows: series.flatMap((s) => [
			...s.points.map((p) => ({
				comparison: s.label,
				study: p.study ?? 'pooled',
				weeks: p.weeks,
				estimate: b(p.estimate),
				lower: b(p.lower),
				upper: b(p.upper),
				interval: p.study === undefined ? INTERVAL[p.interval ?? 'wald']! : 'Wald'
			})),
			...(s.ends ?? []).map((e) => ({
				comparison: s.label,
				study: `${e.study}: end of treatment`,
				weeks: e.weeks,
				estimate: null,
				lower: null,
				upper: null,
				interval: ''
			}))
		])
	};
}

/** A week for reading: whole weeks as integers, others to one decimal ("8", "8.4"), never a raw float. */
export function weekText(w: number): string {
	return Number.isInteger(w) ? String(w) : w.toFixed(1);
}

/** "Real vs sham: -5.0 at week 8, -3.0 at week 26. ... The 6-8 week window is shaded." */
export function timeCourseSummary(measure: EffectMeasure, series: TimeSeries[], mid?: number): string {
	const parts = series.map((s) => {
		const pooled = s.points.filter((p) => p.study === undefined).sort((a, b) => a.weeks - b.weeks);
		const text = pooled
			.map((p) => `${formatEffect(measure, p.estimate)} at week ${weekText(p.weeks)}`)
			.join(', ');
		return `${s.label}: ${text || 'no pooled estimate'}.`;
	});
	const ends = series.flatMap((s) => s.ends ?? []);
	return [
		...parts,
		'The 6-8 week window is shaded.',
		...(mid !== undefined
			? [`The band around 0 marks differences smaller than the MID (${formatEffect(measure, mid)}).`]
			: []),
		...(ends.length ? ["A tick at the top marks when each trial's treatment ended."] : [])
	].join(' ');
}
