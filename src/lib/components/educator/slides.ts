/**
 * The slide deck of the presentation mode: a title slide, one slide per claim, a slide that builds the network of
 * trials, and a closing slide.
 */
import type { ClaimResult } from '$lib/evidence/claim-context';
import type { TimeCourseClaim } from '$lib/evidence/time-course';
import { INDIVIDUAL_RULE } from '$lib/evidence/time-course-text';
import { VERDICTS, type Verdict } from '$lib/evidence/verdicts';

export const TITLE_LABEL = 'Checking the claims against the trials';
export const CLOSING_LABEL = 'What this means';
export const NETWORK_LABEL = 'All the trials in one network';

/** Number of slides: title, one per claim, the network, closing. */
export function slideCount(results: readonly ClaimResult[]): number {
	return results.length + 3;
}

/** A slide index from the URL made safe: a whole number from 0 to the last slide. */
export function clampSlide(n: number, count: number): number {
	if (!Number.isFinite(n)) return 0;
	return Math.min(Math.max(0, Math.floor(n)), count - 1);
}

/** What a slide is about, for its accessible name ("Slide 3 of 17: <label>"). */
export function slideLabel(index: number, results: readonly ClaimResult[]): string {
	if (index === 0) return TITLE_LABEL;
	if (index === results.length + 1) return NETWORK_LABEL;
	return results[index - 1]?.claim.label ?? CLOSING_LABEL;
}

/** How many claims got each verdict, in the order of the verdict vocabulary; verdicts no claim got are left out. */
export function verdictTally(results: readonly ClaimResult[]): { verdict: Verdict; count: number }[] {
	return VERDICTS.map((verdict) => ({
		verdict,
		count: results.filter((r) => r.verdict === verdict).length
	})).filter((t) => t.count > 0);
}

/** "5 supported, 2 partly supported and 6 not testable". */
export function tallyText(results: readonly ClaimResult[]): string {
	const parts = verdictTally(results).map((t) => `${t.count} ${t.verdict}`);
	return parts.length < 2 ? (parts[0] ?? 'none') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/**
 * The time-course claim built step by step for a class: what each mark is, when the groups separated, whether the
 * difference lasted, course length (between trials) and what group averages cannot say. Weeks are whole numbers.
 */
export function timeCourseSteps(tc: TimeCourseClaim | undefined): string[] {
	const c = tc?.comparisons.find((x) => x.key === tc.primary);
	if (!tc || !c?.course.main)
		return [
			'Each small mark is one trial at one week; no comparison has enough trials for a pooled time course.',
			INDIVIDUAL_RULE
		];
	const fit = c.course.main;
	const weeks = fit.estimates.map((e) => e.week).join(', ');
	const robust = fit.estimates.some((e) => e.robust);
	return [
		`Each small mark is one trial's difference (${c.label}) at one week after randomisation; a dashed line joins one trial's weeks, and a tick at the top marks when its treatment ended.`,
		`The thick line is the pooled difference at weeks ${weeks}, from a model that lets one trial's weeks be correlated (an assumed correlation of ${fit.phi} between weeks one week apart, with 0.5 and 0.9 as checks). The band is its ${robust ? 'cluster-robust' : 'model-based'} 95% interval.`,
		"The shaded strip is weeks 6 to 8, the article's window; the grey band around 0 is a difference too small to matter (the MID).",
		fit.separatedAt !== null
			? `The groups separated when the band first lies wholly below 0: week ${fit.separatedAt}.`
			: fit.separatedAtWald !== null
				? `The model-based interval first lies below 0 at week ${fit.separatedAtWald}, but with ${c.course.trials} trials the robust interval cannot confirm it.`
				: 'The band never lies wholly below 0: the trials do not show when the groups separated.',
		c.lasting
			.map((l) =>
				l.status === 'lasted'
					? `At week ${l.week} the difference was still clear.`
					: l.status === 'unclear'
						? `At week ${l.week} it was no longer clear.`
						: `Week ${l.week} was not measured.`
			)
			.join(' '),
		c.regression?.slope != null
			? `Longer courses: across trials, each extra week of treatment went with a ${Math.abs(c.regression.slope).toFixed(1)}-point ${c.regression.slope <= 0 ? 'larger' : 'smaller'} difference (${c.regression.permutation_p === null ? `Knapp-Hartung p = ${c.regression.p!.toFixed(2)}` : `permutation p = ${c.regression.permutation_p.toFixed(2)}`}). Trials differ in many ways, so this is observational.`
			: `Longer courses: ${c.regression?.reason ?? 'no trials to compare'}.`,
		INDIVIDUAL_RULE
	];
}
