import type { TimeCourseClaim } from './time-course';
import { analysisId } from './analyses';
import {
	imprecisionRule,
	inconsistencyRule,
	indirectnessRule,
	rate,
	riskOfBiasRule,
	smallStudyRule,
	type CertaintyRating,
	type Rule
} from './certainty';
import type { Claim, ClaimComparison, ClaimTest } from './claims';
import { DEFAULT_MARGINS, midOnAnalysisScale } from './mid';
import type { Analysis, AnalysisPopulation, AnalysisWindow, EffectMeasure } from './types';
import { oriented, oriented90, type Verdict } from './verdicts';

/** Page controls that re-target every claim (docs/ARCHITECTURE.md section 5.3). */
export interface ClaimView {
	/** MID per effect measure, in the measure's own units (ratios as ratios). */
	mids: Record<EffectMeasure, number>;
	/**
	 * Equivalence margins per effect measure ("performs as well as"), in the measure's own units; defaults to
	 * DEFAULT_MARGINS. A setting of its own: a within-person MID is lenient for a difference between groups.
	 */
	margins?: Partial<Record<EffectMeasure, number>>;
	outcome?: 'pain' | 'function';
	window?: 'immediate' | 'short' | 'intermediate' | 'long';
	/** Population for the claims about chronic pain. */
	population?: 'chronic' | 'acute';
	usualCareAsNone?: boolean;
}

export interface ClaimResult {
	claim: Claim;
	verdict: Verdict;
	certainty: CertaintyRating | null;
	/** One plain sentence with the numbers. */
	sentence: string;
	/** The analyses behind the verdict, the deciding one first. */
	analyses: Analysis[];
	/** Extra numbers some claims compute (e.g. the placebo share). */
	extra: Record<string, number>;
	/** The time-course claim's model per comparison (time-course.ts), for its chart, views and JSON. */
	timeCourse?: TimeCourseClaim;
}

export { effectiveTest } from './claim-test';

export function findAnalysis(
	all: Analysis[],
	t: ClaimTest,
	c: ClaimComparison,
	window?: AnalysisWindow
): Analysis | null {
	const w = window ?? (t.window === 'all' ? 'short' : t.window);
	const id = analysisId(t.outcome, t.population as AnalysisPopulation, c, w);
	return all.find((a) => a.id === id && a.result) ?? null;
}

export function midFor(a: Analysis, view: ClaimView): number {
	return midOnAnalysisScale(a.measure, view.mids[a.measure]);
}

/** The equivalence margin on the analysis scale (log for ratios), positive: the setting, else its default. */
export function marginFor(a: Analysis, view: ClaimView): number {
	return midOnAnalysisScale(a.measure, marginValue(a, view));
}

export function marginValue(a: Analysis, view: ClaimView): number {
	const m = view.margins?.[a.measure];
	if (m !== undefined) return m;
	if (a.measure === 'MD' || a.measure === 'SMD') return DEFAULT_MARGINS[a.measure].value;
	return view.mids[a.measure];
}

export function midText(a: Analysis, view: ClaimView): string {
	const m = view.mids[a.measure];
	return a.measure === 'MD' ? `${m}-point` : a.measure === 'SMD' ? `${m} SD` : `risk ratio ${m}`;
}

/** Whether some study's control is usual care under another name (its label says usual, routine or conventional). */
export function usualCareControls(a: Analysis): boolean {
	return (
		a.summary?.usualCareControls ?? a.studies.some((s) => /usual|routine|conventional/i.test(s.control_label))
	);
}

/** Indirectness of an analysis for a claim about "no therapy": usual care standing in for it. */
export function indirectReason(a: Analysis, c: ClaimComparison | undefined, view: ClaimView): string | null {
	if (c?.indirect)
		return (
			c.indirect_reason ??
			(c.control === 'active_drug'
				? "An active drug stands in for the claim's comparison: beating or matching a drug does not show relief compared with no therapy."
				: c.control === 'usual_care'
					? 'Usual care stands in for the claim\'s comparison: usual care is not "no therapy".'
					: 'Indirect comparison: the trials compare something other than what the claim names.')
		);
	if (view.usualCareAsNone && a.control === 'no_treatment' && usualCareControls(a))
		return 'Usual-care trials are counted as "no treatment" (a setting): usual care is not no therapy.';
	return null;
}

export function certaintyOf(
	a: Analysis,
	view: ClaimView,
	question: 'superiority' | 'equivalence',
	indirect: string | null,
	extra: Rule[] = []
): CertaintyRating {
	const o = question === 'equivalence' ? oriented90(a)! : oriented(a)!;
	const threshold = question === 'equivalence' ? marginFor(a, view) : midFor(a, view);
	return rate([
		riskOfBiasRule(a),
		inconsistencyRule(a),
		imprecisionRule(a, o, threshold, question),
		smallStudyRule(a),
		indirectnessRule(indirect),
		...extra
	]);
}

/** The first comparison of the test with pooled data; direct comparisons before indirect ones. */
export function primary(
	all: Analysis[],
	t: ClaimTest,
	window?: AnalysisWindow
): { a: Analysis; c: ClaimComparison } | null {
	const ordered = [...t.comparisons.filter((c) => !c.indirect), ...t.comparisons.filter((c) => c.indirect)];
	for (const c of ordered) {
		const a = findAnalysis(all, t, c, window);
		if (a) return { a, c };
	}
	return null;
}

export const NO_DATA = (claim: Claim, t: ClaimTest): ClaimResult => ({
	claim,
	verdict: 'no trial data',
	certainty: null,
	sentence: `No trial in the data reports ${t.outcome.replace('_', ' ')} for ${t.population === 'any' ? 'any' : t.population} low back pain for the comparison${t.comparisons.length > 1 ? 's' : ''} this claim needs.`,
	analyses: [],
	extra: {}
});
