import { ARM_LABELS, type Arm } from '$lib/data/schema';
import type { Claim, ClaimComparison, ClaimTest } from './claims';
import {
	certaintyOf,
	findAnalysis,
	indirectReason,
	NO_DATA,
	type ClaimResult,
	type ClaimView
} from './claim-context';
import { comparisonKey } from './comparisons';
import { midOnAnalysisScale } from './mid';
import {
	comparisonCourse,
	courseRegression,
	DEFAULT_PHI,
	type ComparisonCourse,
	type CourseRegression
} from './time-model';
import { seriesKey, type TimeCourseData, type TimeRow } from './time-points';
import { INDIVIDUAL_RULE, timeCourseSentence } from './time-course-text';
import type { Analysis, EffectMeasure } from './types';
import type { Verdict } from './verdicts';
import { WINDOWS } from './windows';

/** The groups must separate by this week for the advice's timescale to hold (the article's "6-8 weeks"). */
export const SEPARATION_BY_WEEK = 8;
/** Listed weeks at which "did the difference last" is asked. */
export const LASTING_WEEKS: readonly number[] = [26, 52];

/** At a listed week: the robust CI still excludes no difference, no longer does, or there is no estimate. */
export type Lasting = 'lasted' | 'unclear' | 'not measured';

/** One comparison of the time-course claim. */
export interface CourseComparison {
	key: string;
	treatment: Arm;
	control: Arm;
	indirect: boolean;
	label: string;
	measure: EffectMeasure;
	/** One row per study x timepoint (the trials' own points). */
	rows: TimeRow[];
	/**
	 * Present when `rows` is empty because the worker kept them: the time course has more trial marks than a chart
	 * draws (study-summary.ts `timeCourseForPage`), and this is how many rows there are.
	 */
	rowsHeld?: number;
	course: ComparisonCourse;
	/** (B) the short-window effect on course length; null when the comparison has no short-window analysis. */
	regression: CourseRegression | null;
	lasting: { week: number; status: Lasting }[];
}

export interface TimeCourseClaim {
	comparisons: CourseComparison[];
	/** Key of the comparison the verdict reads (the first in the claim's order, direct first, with a fitted model). */
	primary: string | null;
	/** The MID on the analysis scale of the primary comparison's measure. */
	mid: number;
	phi: number;
}

/** Rows from the window analyses, when the claim is evaluated without the data (one timepoint per window). */
function rowsFromAnalyses(all: Analysis[], t: ClaimTest, c: ClaimComparison): TimeRow[] {
	const seen = new Set<string>();
	const out: TimeRow[] = [];
	for (const w of WINDOWS) {
		if (w.id === 'immediate') continue;
		for (const s of findAnalysis(all, t, c, w.id)?.studies ?? []) {
			const id = `${s.study_id}\u0000${s.timepoint_weeks}`;
			if (s.excluded || s.leftOut || seen.has(id)) continue;
			seen.add(id);
			out.push({
				study_id: s.study_id,
				study: s.study,
				week: s.timepoint_weeks,
				yi: s.yi,
				vi: s.vi,
				course_weeks: null,
				sessions: null
			});
		}
	}
	return out;
}

function lasting(course: ComparisonCourse): { week: number; status: Lasting }[] {
	return LASTING_WEEKS.map((week) => {
		const e = course.main?.estimates.find((x) => x.week === week);
		if (!e) return { week, status: 'not measured' as const };
		return { week, status: e.robust && e.robust.ci_upper < 0 ? 'lasted' : 'unclear' };
	});
}

/**
 * The verdict of "no result within 6-8 weeks means it may not suit you" from the primary comparison's time course
 * (docs/ARCHITECTURE.md section 5.1, "Time course"). The individual stopping rule cannot be tested with group
 * averages, so the verdict is at most `partly supported`:
 * - no comparison with a fitted model (fewer than 2 trials, or too few estimates): `inconclusive`;
 * - the robust CI excludes no difference by week 8: `partly supported`;
 * - it does so only later although the model estimates a week up to 8: `contradicted` (people who see no
 *   difference by week 8 may still benefit later, on average);
 * - it does so only later and the data start after week 8: `inconclusive` ("not before week X");
 * - never, with every robust CI inside +-MID: `not supported` (no important difference at any week);
 * - never, otherwise: `inconclusive`.
 */
export function timeCourseVerdict(primary: CourseComparison | null, mid: number): Verdict {
	const fit = primary?.course.main;
	if (!fit) return 'inconclusive';
	const sep = fit.separatedAt;
	if (sep !== null && sep <= SEPARATION_BY_WEEK) return 'partly supported';
	if (sep !== null)
		return fit.estimates.some((e) => e.week <= SEPARATION_BY_WEEK) ? 'contradicted' : 'inconclusive';
	const inside = fit.estimates.every((e) => e.robust && e.robust.ci_lower > -mid && e.robust.ci_upper < mid);
	return fit.estimates.length > 0 && inside ? 'not supported' : 'inconclusive';
}

/**
 * "If you see no result within 6-8 weeks, it may not suit you", split into what trials can and cannot test
 * (NMA.md section 4): (A) when the groups separate and whether the difference lasts, from the multivariate time
 * course of each comparison; (B) whether longer courses do better, by meta-regression (observational); (C) the
 * individual stopping rule, which group averages cannot test.
 */
export function timeCourse(
	claim: Claim,
	all: Analysis[],
	t: ClaimTest,
	view: ClaimView,
	data?: TimeCourseData
): ClaimResult {
	const ordered = [...t.comparisons.filter((c) => !c.indirect), ...t.comparisons.filter((c) => c.indirect)];
	const comparisons: CourseComparison[] = [];
	for (const c of ordered) {
		const found = data?.series[seriesKey(t.outcome, t.population, c)];
		const rows = data ? (found?.rows ?? []) : rowsFromAnalyses(all, t, c);
		if (rows.length === 0) continue;
		const short = findAnalysis(all, t, c, 'short');
		const measure =
			found?.measure ?? short?.measure ?? all.find((a) => a.outcome === t.outcome)?.measure ?? 'MD';
		const course = comparisonCourse(rows, measure);
		comparisons.push({
			key: comparisonKey(c),
			treatment: c.treatment,
			control: c.control,
			indirect: c.indirect === true,
			label: `${ARM_LABELS[c.treatment]} vs ${ARM_LABELS[c.control]}`,
			measure,
			rows,
			course,
			regression: short ? courseRegression(short.studies, data?.courses ?? {}) : null,
			lasting: lasting(course)
		});
	}
	if (comparisons.length === 0) return NO_DATA(claim, t);
	const primary = comparisons.find((c) => c.course.main) ?? null;
	const measure = (primary ?? comparisons[0]!).measure;
	const mid = midOnAnalysisScale(measure, view.mids[measure]);
	const verdict = timeCourseVerdict(primary, mid);
	const claimComparison = (c: CourseComparison) => ordered.find((x) => comparisonKey(x) === c.key)!;
	const analyses = (primary ? [primary] : comparisons).flatMap((c) =>
		WINDOWS.map((w) => findAnalysis(all, t, claimComparison(c), w.id)).filter(
			(a): a is Analysis => a !== null
		)
	);
	const basis = analyses.find((a) => a.window === 'short') ?? analyses[0];
	const indirect = basis ? indirectReason(basis, claimComparison(primary ?? comparisons[0]!), view) : null;
	const sep = primary?.course.main?.separatedAt;
	return {
		claim,
		verdict,
		certainty: basis
			? certaintyOf(basis, view, 'superiority', [indirect, INDIVIDUAL_RULE].filter(Boolean).join(' '))
			: null,
		sentence: timeCourseSentence(comparisons, primary),
		analyses,
		// Only numbers that exist (the JSON's `derived` has no NaN): the separation week when the groups separated.
		extra: {
			...(sep != null ? { separation_week: sep } : {}),
			...(primary ? { first_week: primary.course.range[0], last_week: primary.course.range[1] } : {}),
			trials: primary?.course.trials ?? 0
		},
		timeCourse: { comparisons, primary: primary?.key ?? null, mid, phi: DEFAULT_PHI }
	};
}
