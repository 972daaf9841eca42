import type { Arm, Outcome } from '$lib/data/schema';
import { robProfile } from '$lib/data/rob';
import type { ArmRow, Dataset } from '$lib/data/types';
import { measureFor } from './analyses';
import { armEffect, effectiveArm } from './arm-effects';
import { comparisonKey, type Comparison } from './comparisons';
import { effectOrReason, unusableReason } from './effect-guard';
import { groupBy } from './group-by';
import type { AnalysisSettings, EffectMeasure } from './types';

import { FIRST_TIME_COURSE_WEEK } from './time-course-count';
export { FIRST_TIME_COURSE_WEEK, timeCourseStudies } from './time-course-count';

/** One study's effect of one comparison at one timepoint (negative favours the treatment, pain on 0-100 for MD). */
export interface TimeRow {
	study_id: string;
	study: string;
	/** Weeks since randomisation. */
	week: number;
	yi: number;
	vi: number;
	/** The acupuncture arm's course (data/trials.csv `course_weeks`, `sessions`), null when not given. */
	course_weeks: number | null;
	sessions: number | null;
}

/** The time-course rows of every outcome x population x comparison in the data, and each study's course. */
export interface TimeCourseData {
	/** Key `outcome:population:treatment-vs-control`. */
	series: Record<string, { measure: EffectMeasure; rows: TimeRow[] }>;
	/** Course length of each study's acupuncture arm, by study_id. */
	courses: Record<string, { course_weeks: number | null; sessions: number | null }>;
}

export function seriesKey(outcome: string, population: string, c: Comparison): string {
	return `${outcome}:${population}:${comparisonKey(c)}`;
}

/** The course of a study: the first acupuncture row that gives it (rows of one arm repeat it). */
function courseOf(rows: ArmRow[]): { course_weeks: number | null; sessions: number | null } {
	const acu = rows.filter((r) => r.arm === 'acupuncture');
	return {
		course_weeks: acu.find((r) => r.course_weeks != null)?.course_weeks ?? null,
		sessions: acu.find((r) => r.sessions != null)?.sessions ?? null
	};
}

/** SMDs never mix change and final scores (docs/ARCHITECTURE.md section 4.3): keep the more common kind, change on a tie. */
function unmixed(rows: (TimeRow & { kind: string | null })[], measure: EffectMeasure): TimeRow[] {
	const strip = (list: typeof rows): TimeRow[] => list.map(({ kind: _kind, ...r }) => r);
	if (measure !== 'SMD') return strip(rows);
	const change = rows.filter((r) => r.kind === 'change').length;
	const final = rows.filter((r) => r.kind === 'final').length;
	return strip(rows.filter((r) => r.kind === (change >= final ? 'change' : 'final') || r.kind === null));
}

/**
 * One row per study x comparison x timepoint (one week or later) from the arm-level data (NMA.md section 4, question
 * A), computed by `armEffect` exactly as the window analyses compute theirs: arms of one type combined, oriented so
 * that negative favours the treatment, pain on 0-100 for MD. Continuous outcomes only. Studies the settings
 * exclude (by id, or at high risk of bias, with rob.csv's judgement first) are left out; so are rows whose effect
 * cannot be computed (their reasons are the window analyses' notes).
 */
export function timeCourseData(data: Dataset, settings: AnalysisSettings): TimeCourseData {
	const series: TimeCourseData['series'] = {};
	const courses: TimeCourseData['courses'] = {};
	const continuous = data.trials.filter(
		(r) => (r.outcome === 'pain' || r.outcome === 'function') && r.timepoint_weeks >= FIRST_TIME_COURSE_WEEK
	);
	for (const [id, rows] of groupBy(data.trials, (r) => r.study_id)) courses[id] = courseOf(rows);
	const found = new Map<string, (TimeRow & { kind: string | null })[]>();
	for (const rows of groupBy(continuous, (r) => `${r.study_id}\u0000${r.outcome}`).values()) {
		const first = rows[0]!;
		const hasNone = rows.some((r) => r.arm === 'no_treatment');
		const measure = measureFor(first.outcome, settings);
		for (const atTime of groupBy(rows, (r) => r.timepoint_weeks).values()) {
			const arms = atTime.map((r) => effectiveArm(r.arm, settings.usualCareAsNone, hasNone));
			const present = [...new Set(arms)];
			for (const treatment of present)
				for (const control of present) {
					if (treatment !== 'acupuncture' || control === treatment) continue;
					const c: Comparison = { treatment, control: control as Arm };
					if (excluded(first, c, data, settings)) continue;
					const e = effectOrReason(() =>
						armEffect(
							atTime.filter((_, i) => arms[i] === treatment),
							atTime.filter((_, i) => arms[i] === control),
							measure
						)
					);
					if (typeof e === 'string' || unusableReason(e)) continue;
					const key = seriesKey(first.outcome, first.population, c);
					const list = found.get(key) ?? [];
					list.push({
						study_id: e.study_id,
						study: e.study,
						week: e.timepoint_weeks,
						yi: e.yi,
						vi: e.vi,
						...courses[e.study_id]!,
						kind: e.measureType
					});
					found.set(key, list);
				}
		}
	}
	for (const [key, rows] of found) {
		const measure = measureFor(key.split(':')[0] as Outcome, settings);
		series[key] = { measure, rows: unmixed(rows, measure) };
	}
	return { series, courses };
}

function excluded(row: ArmRow, c: Comparison, data: Dataset, settings: AnalysisSettings): boolean {
	if (settings.excluded.includes(row.study_id)) return true;
	if (!settings.excludeHighRob) return false;
	const overall = data.rob?.length ? robProfile(data.rob, row.study_id, comparisonKey(c)).overall : null;
	return (overall ?? row.rob) === 'high';
}
