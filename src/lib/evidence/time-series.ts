import { studyInterval } from '$lib/stats';
import type { Arm } from '$lib/data/schema';
import type { Claim } from './claims';
import { effectiveTest, type ClaimView } from './claim-context';
import { comparisonLabel, type Comparison } from './comparisons';
import type { Analysis, AnalysisPopulation } from './types';
import { WINDOWS } from './windows';

export interface TimePointData {
	weeks: number;
	estimate: number;
	lower: number;
	upper: number;
	study?: string;
}

export interface TimeSeriesData {
	label: string;
	control: Arm;
	points: TimePointData[];
}

/**
 * The time course of each comparison: its pooled effect in every window, placed at the weighted mean of the
 * trials' timepoints, and each trial's own estimate (with its Wald CI) at its timepoint. A comparison with more
 * than `maxTrials` trial marks gets its pooled points only (a chart would drown in them).
 */
export function timeSeries(
	all: Analysis[],
	comparisons: Comparison[],
	outcome: string,
	population: AnalysisPopulation,
	maxTrials = Infinity
): TimeSeriesData[] {
	const out: TimeSeriesData[] = [];
	for (const c of comparisons) {
		const points: TimePointData[] = [];
		const found = WINDOWS.map((w) =>
			all.find(
				(x) =>
					x.outcome === outcome &&
					x.population === population &&
					x.treatment === c.treatment &&
					x.control === c.control &&
					x.window === w.id
			)
		);
		const marks = found.reduce((n, a) => n + (a?.result ? a.studies.length : 0), 0);
		for (const a of found) {
			const r = a?.result;
			if (!a || !r) continue;
			const used = a.studies.filter((s) => !s.excluded);
			const weeks = used.reduce((t, s) => t + (s.weight ?? 0) * s.timepoint_weeks, 0) / 100;
			points.push({ weeks, estimate: r.estimate, lower: r.ci.lower, upper: r.ci.upper });
			if (marks > maxTrials) continue;
			for (const s of used) {
				const ci = studyInterval(s.yi, s.vi, r.level);
				points.push({ weeks: s.timepoint_weeks, estimate: s.yi, ...ci, study: s.study });
			}
		}
		if (points.length) out.push({ label: comparisonLabel(c), control: c.control, points });
	}
	return out;
}

/** The time course a claim about timing is judged on (none for other claims), with the page's controls applied. */
export function claimTimeSeries(
	claim: Claim,
	all: Analysis[],
	view: ClaimView,
	maxTrials = Infinity
): TimeSeriesData[] {
	const test = claim.kind === 'time_course' ? effectiveTest(claim, view) : null;
	return test ? timeSeries(all, test.comparisons, test.outcome, test.population, maxTrials) : [];
}
