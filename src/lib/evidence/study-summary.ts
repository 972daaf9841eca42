// What the page receives of an analysis too large to draw one row per study (docs/ARCHITECTURE.md sections 7
// and 10.2): the worker keeps the full study list and sends the rows the charts and lists draw, with counts.
import { usualCareControls } from './claim-context';
import { controlName, controlRisk, participants } from './describe';
import type { TimeCourseClaim } from './time-course';
import type { Analysis, StudySummary } from './types';

/**
 * Which analyses the page gets in full: up to `above` studies (the largest number a chart draws one mark each
 * for: the funnel plot's); above it, the first `keep` studies in the analysis's order (the rows the lists show)
 * and the summary.
 */
export interface PageStudies {
	above: number;
	keep: number;
}

/** Counts and sums over every study of a full analysis (the same functions the page reads them through). */
export function summariseStudies(a: Analysis): StudySummary {
	let excluded = 0;
	let leftOut = 0;
	for (const s of a.studies) {
		if (s.excluded) excluded++;
		if (s.leftOut !== undefined) leftOut++;
	}
	return {
		studies: a.studies.length,
		excluded,
		leftOut,
		participants: participants(a),
		controlName: controlName(a),
		controlRisk: controlRisk(a),
		usualCareControls: usualCareControls(a)
	};
}

/**
 * The analysis as the page receives it: unchanged up to `cap.above` studies; above, its first `cap.keep`
 * studies plus every study the user excluded (the page names them), in the analysis's order, with the summary.
 * The pooled result and every other field are the full analysis's.
 */
export function forPage(a: Analysis, cap: PageStudies, userExcluded: readonly string[]): Analysis {
	if (a.summary || a.studies.length <= cap.above) return a;
	const named = new Set(userExcluded);
	const studies = a.studies.filter((s, i) => i < cap.keep || named.has(s.study_id));
	return { ...a, studies, summary: summariseStudies(a) };
}

/**
 * A time course as the page receives it: with more trial marks (rows of all comparisons) than `maxTrialMarks`
 * the chart draws none of them (charts/time-course-series.ts), so the rows stay in the worker and each
 * comparison says how many it has (`rowsHeld`). Unchanged otherwise.
 */
export function timeCourseForPage(tc: TimeCourseClaim, maxTrialMarks: number): TimeCourseClaim {
	const marks = tc.comparisons.reduce((n, c) => n + c.rows.length, 0);
	if (marks <= maxTrialMarks) return tc;
	return { ...tc, comparisons: tc.comparisons.map((c) => ({ ...c, rows: [], rowsHeld: c.rows.length })) };
}
