import type { CourseComparison } from './time-course';
import type { WeekPoint } from './time-model';
import type { EffectMeasure } from './types';

/** (C): what group averages cannot say, and what would. */
export const INDIVIDUAL_RULE =
	"Trial averages describe groups: they cannot tell whether one person who has not improved by 6-8 weeks would improve later. Testing that rule needs each person's course over time (responder trajectories: people without a response at 6-8 weeks followed to later weeks), which these trials do not report.";

/** A week for text: whole weeks from 1 up (never "week 8.3778"), one decimal below. */
export function weekText(w: number): string {
	return w >= 1 ? String(Math.round(w)) : (Math.round(w * 10) / 10).toFixed(1);
}

function unitOf(measure: EffectMeasure): string {
	return measure === 'MD' ? 'points' : 'SD';
}

function num(x: number, measure: EffectMeasure): string {
	return Math.abs(x).toFixed(measure === 'MD' ? 1 : 2);
}

/** "12.3 points lower (robust 95% CI 31.8 lower to 7.1 higher)" or with the Wald CI when there is no robust one. */
export function pointText(e: WeekPoint, measure: EffectMeasure): string {
	const side = (x: number) => `${num(x, measure)} ${x <= 0 ? 'lower' : 'higher'}`;
	const ci = e.robust
		? `robust 95% CI ${side(e.robust.ci_lower)} to ${side(e.robust.ci_upper)}`
		: `95% CI ${side(e.ci_lower)} to ${side(e.ci_upper)}`;
	return `${num(e.estimate, measure)} ${unitOf(measure)} ${e.estimate <= 0 ? 'lower' : 'higher'} (${ci})`;
}

/** When the groups separated, said honestly for one comparison with a fitted model. */
function separationText(c: CourseComparison): string {
	const fit = c.course.main!;
	const first = weekText(c.course.range[0]);
	const at = (w: number) => fit.estimates.find((e) => e.week === w)!;
	if (fit.separatedAt !== null) {
		// Separated at the first estimated week, with listed weeks before it that no trial reached: say so.
		const early = fit.estimates[0]!.week === fit.separatedAt && c.course.range[0] > 2;
		return `the groups had separated by week ${fit.separatedAt}: ${pointText(at(fit.separatedAt), c.measure)}${early ? `; the trials report nothing before week ${first}, so whether the groups differed earlier is unknown (not before week ${first} can be said)` : ''}`;
	}
	if (fit.separatedAtWald !== null)
		return `the model-based (Wald) interval first excludes no difference at week ${fit.separatedAtWald}, ${pointText({ ...at(fit.separatedAtWald), robust: null }, c.measure)}, but ${c.course.robustReason ?? `with ${c.course.trials} trials the cluster-robust intervals do not confirm a separation at any week`}`;
	return `the groups did not clearly separate at any week from ${fit.estimates[0]?.week ?? first} to ${fit.estimates.at(-1)?.week ?? first}`;
}

function lastingText(c: CourseComparison): string {
	const last = weekText(c.course.range[1]);
	const parts = c.lasting.map((l) =>
		l.status === 'lasted'
			? `still clear at week ${l.week}`
			: l.status === 'unclear'
				? `no longer clear at week ${l.week}`
				: `not measured at week ${l.week}`
	);
	return `whether it lasted: ${parts.join(', ')} (data to week ${last})`;
}

function sensitivityText(c: CourseComparison): string {
	const failed = c.course.sensitivity.filter((f) => !f.converged).map((f) => f.phi);
	if (failed.length)
		return `the model did not converge at an assumed within-trial correlation of ${failed.join(' and ')}, so the sensitivity analysis is incomplete`;
	const seps = c.course.sensitivity.map((f) => f.separatedAt);
	if (new Set(seps).size <= 1)
		return `${seps[0] == null ? 'no robust separation' : `separated by week ${seps[0]}`} at an assumed within-trial correlation of ${c.course.sensitivity.map((f) => f.phi).join(', ')} alike`;
	return `with an assumed within-trial correlation of ${c.course.sensitivity.map((f) => `${f.phi}: ${f.separatedAt === null ? 'no robust separation' : `week ${f.separatedAt}`}`).join('; ')}`;
}

function regressionText(c: CourseComparison): string {
	const r = c.regression;
	if (!r) return 'no short-window trials to compare';
	if (r.reason || r.slope === null) return `not estimated: ${r.reason}`;
	const u = unitOf(c.measure);
	return `${num(r.slope, c.measure)} ${u} ${r.slope <= 0 ? 'more' : 'less'} benefit per extra week of treatment (95% CI ${r.ci_lower!.toFixed(2)} to ${r.ci_upper!.toFixed(2)}, Knapp-Hartung p = ${r.p!.toFixed(2)}${r.permutation_p === null ? '' : `, permutation p = ${r.permutation_p.toFixed(2)}`}; ${r.k} trials). This compares trials, not courses within a trial: it is observational`;
}

/** The claim's sentence: (A) for each comparison, (B) for the primary one, then (C). */
export function timeCourseSentence(
	comparisons: CourseComparison[],
	primary: CourseComparison | null
): string {
	const parts = comparisons.map((c) => {
		const k = `${c.course.trials} trial${c.course.trials === 1 ? '' : 's'}, weeks ${weekText(c.course.range[0])} to ${weekText(c.course.range[1])}`;
		if (!c.course.main) return `${cap(c.label)} (${k}): no pooled time course, ${c.course.reason}.`;
		return `${cap(c.label)} (${k}): ${separationText(c)}; ${lastingText(c)}; ${sensitivityText(c)}.`;
	});
	const b = primary ? `Course length (${primary.label}): ${regressionText(primary)}.` : '';
	return [...parts, b, INDIVIDUAL_RULE].filter(Boolean).join(' ');
}

function cap(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}
