import { ARM_LABELS } from '$lib/data/schema';
import type { Analysis, StudyEffect } from '$lib/evidence/types';
import type { RmaResult } from '$lib/stats/types';
import {
	backTransform,
	formatEffect,
	formatEstimateSentence,
	formatP,
	isRatio,
	MEASURE_NAME
} from './format';
import { formatWeight } from './forest-text';
import { studyInterval } from '$lib/stats/interval';
import { ROB_MARK } from './palette';
import type { ChartTable, ForestSubgroups } from './types';

const WINDOW_TEXT = {
	immediate: 'immediate',
	short: 'short term',
	intermediate: 'intermediate term',
	long: 'long term',
	any: 'whole follow-up'
} as const;

/** "Forest plot: pain, chronic, short term: real acupuncture vs sham acupuncture". */
export function forestTitle(
	a: Pick<Analysis, 'outcome' | 'population' | 'window' | 'treatment' | 'control'>
): string {
	const population = a.population === 'any' ? 'all populations' : a.population;
	return `Forest plot: ${a.outcome.replace('_', ' ')}, ${population}, ${WINDOW_TEXT[a.window]}: ${ARM_LABELS[a.treatment]} vs ${ARM_LABELS[a.control]}`;
}

/** Accessible name of a study row: what it shows and what Enter does. */
export function studyRowLabel(
	measure: Analysis['measure'],
	s: StudyEffect,
	level: number,
	toggles: boolean
): string {
	if (s.excluded) return `${s.study}: left out of the pooled result.${toggles ? ' Include again' : ''}`;
	if (s.leftOut) return `${s.study}: left out of the pooled result by rule (${s.leftOut}).`;
	const est = formatEstimateSentence(measure, s.yi, studyInterval(s.yi, s.vi, level), level);
	const w = s.weight === null ? '' : `, weight ${formatWeight(s.weight)}`;
	const rob = ROB_MARK[s.rob ?? 'unknown'].label;
	return `${s.study}: ${est}${w}, ${rob}.${toggles ? ' Exclude from the analysis' : ''}`;
}

/** Text alternative of the forest plot: the comparison, the side convention, the pooled numbers and exclusions. */
export function forestSummary(a: Analysis, sides: { left: string }): string {
	const r = a.result;
	const kept = a.studies.filter((s) => !s.excluded);
	const out = a.studies.filter((s) => s.excluded);
	const n = (k: number) => (k === 1 ? '1 study' : `${k} studies`);
	const below = isRatio(a.measure) ? 'below 1' : 'below 0';
	const verb = kept.length === 1 ? 'compares' : 'compare';
	// Drawn, and said, from k = 3; with two trials the spread of true effects is too uncertain to draw one.
	const pi = !r
		? ''
		: r.k >= 3
			? `; prediction interval ${formatEffect(a.measure, r.pi.lower)} to ${formatEffect(a.measure, r.pi.upper)}`
			: r.k === 2
				? '; no prediction interval (it needs at least 3 trials)'
				: '';
	const parts = [
		`${n(kept.length)} ${verb} ${ARM_LABELS[a.treatment]} with ${ARM_LABELS[a.control]} (${a.unit === MEASURE_NAME[a.measure] ? a.unit : `${MEASURE_NAME[a.measure]}, ${a.unit}`}); values ${below} ${sides.left.replace(/^favours/, 'favour')}.`,
		r
			? `Pooled estimate ${formatEstimateSentence(a.measure, r.estimate, r.ci, r.level)}, ${formatP(r.p)}${pi}.`
			: 'No pooled estimate: no study is included.'
	];
	if (out.length) parts.push(`Left out: ${out.map((s) => s.study).join(', ')}.`);
	return parts.join(' ');
}

function pooledRow(label: string, measure: Analysis['measure'], r: RmaResult) {
	const b = (v: number) => backTransform(measure, v);
	const ci = { ci_lower: b(r.ci.lower), ci_upper: b(r.ci.upper) };
	return { study: label, estimate: b(r.estimate), ...ci, weight: 100, status: `k = ${r.k}, ${formatP(r.p)}` };
}

/** Table twin and CSV of a forest plot: one row per study (included and left out), then the pooled rows. */
export function forestTable(a: Analysis, subgroups?: ForestSubgroups | null): ChartTable {
	const level = a.result?.level ?? 95;
	const b = (v: number) => backTransform(a.measure, v);
	const digits = a.measure === 'MD' ? 1 : 2;
	const rows: ChartTable['rows'] = a.studies.map((s) => {
		const ci = studyInterval(s.yi, s.vi, level);
		return {
			study: s.study,
			year: s.year,
			weeks: s.timepoint_weeks,
			n1: s.n1,
			n2: s.n2,
			estimate: b(s.yi),
			ci_lower: b(ci.lower),
			ci_upper: b(ci.upper),
			weight: s.excluded ? null : s.weight,
			rob: s.rob ?? 'not reported',
			status: s.excluded ? 'left out' : 'included',
			source: `${s.source} (${s.locator})`
		};
	});
	for (const g of subgroups?.groups ?? [])
		if (g.analysis.result) rows.push(pooledRow(`Subtotal: ${g.label}`, a.measure, g.analysis.result));
	if (a.result) rows.push(pooledRow(subgroups ? 'Overall' : 'Pooled', a.measure, a.result));
	return {
		columns: [
			{ key: 'study', label: 'Study' },
			{ key: 'year', label: 'Year', numeric: true },
			{ key: 'weeks', label: 'Week', numeric: true },
			{ key: 'n1', label: `n ${ARM_LABELS[a.treatment]}`, numeric: true },
			{ key: 'n2', label: `n ${ARM_LABELS[a.control]}`, numeric: true },
			{
				key: 'estimate',
				label: isRatio(a.measure) ? a.measure : MEASURE_NAME[a.measure],
				numeric: true,
				digits
			},
			{ key: 'ci_lower', label: `${level}% CI lower`, numeric: true, digits },
			{ key: 'ci_upper', label: `${level}% CI upper`, numeric: true, digits },
			{ key: 'weight', label: 'Weight (%)', numeric: true, digits: 1 },
			{ key: 'rob', label: 'Risk of bias' },
			{ key: 'status', label: 'Status' },
			{ key: 'source', label: 'Source' }
		],
		rows
	};
}
