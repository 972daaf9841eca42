import { ARM_LABELS } from '$lib/data/schema';
import type { Claim, ClaimTest } from './claims';
import { certaintyOf, NO_DATA, type ClaimResult, type ClaimView } from './claim-context';
import { capitalise, describeEffect, participants } from './describe';
import { midOnAnalysisScale } from './mid';
import type { Analysis } from './types';
import { oriented, safetyVerdict, type Verdict } from './verdicts';

/** What each adverse-event definition counts, in words; definitions are separate outcomes, never pooled. */
export const EVENT_LABELS: Record<string, string> = {
	serious_adverse_event: 'people with a serious adverse event',
	serious_adverse_events_count: 'serious adverse events (counted as events, not people)',
	any_adverse_event: 'people with any adverse event',
	withdrawal_due_to_adverse_events: 'withdrawals because of adverse events',
	gi_side_effects: 'people with gastrointestinal side effects'
};

export function eventLabel(event: string | undefined): string {
	return event ? (EVENT_LABELS[event] ?? event.replaceAll('_', ' ')) : 'adverse events';
}

/** Serious-harm definitions: a clear excess of these contradicts "it is safe". */
const SERIOUS = new Set(['serious_adverse_event', 'serious_adverse_events_count']);

/**
 * Rule of three: with 0 events among n people, the one-sided 95% upper bound of the risk is about 3/n (Hanley &
 * Lippman-Hand, JAMA 1983;249:1743-5; exact: 1 - 0.05^(1/n)).
 * @example ruleOfThree(160) // 0.01855 (exact bound 0.0185)
 */
export function ruleOfThree(n: number): number {
	return 1 - Math.pow(0.05, 1 / n);
}

/**
 * "It is safe": the harms of needling judged against comparators without needles (the claim's comparisons: usual
 * care, no treatment, an active drug), never against sham, which needles too. Each event definition is its own
 * analysis. Studies with no events in either arm cannot estimate a ratio (left out, as RevMan does) and are
 * reported with the rule-of-three bound instead. Verdict: a clear excess of serious harm contradicts the claim, a
 * clear excess of other events partly supports it; every estimable ratio ruling out an important excess supports
 * it; otherwise it is inconclusive.
 */
export function safetyClaim(claim: Claim, all: Analysis[], t: ClaimTest, view: ClaimView): ClaimResult {
	const controls = new Set(t.comparisons.map((c) => c.control));
	const found = all.filter(
		(a) =>
			a.outcome === 'adverse_events' &&
			a.population === t.population &&
			a.treatment === 'acupuncture' &&
			controls.has(a.control)
	);
	if (found.length === 0) return NO_DATA(claim, t);
	const harm = midOnAnalysisScale('RR', view.mids.RR);
	const estimable = found.filter((a) => a.result);
	const verdicts = estimable.map((a) => ({ a, v: safetyVerdict(oriented(a), harm) }));
	const excess = verdicts.filter((x) => x.v === 'partly supported');
	const verdict: Verdict = excess.some((x) => SERIOUS.has(x.a.event ?? ''))
		? 'contradicted'
		: excess.length
			? 'partly supported'
			: verdicts.length && verdicts.every((x) => x.v === 'supported')
				? 'supported'
				: 'inconclusive';
	const parts = estimable.map(
		(a) =>
			`${capitalise(eventLabel(a.event))}: ${describeEffect(a).replace(/the chance of an adverse event/, 'the risk')}.`
	);
	const zero = found.flatMap((a) =>
		a.studies
			.filter((s) => s.leftOut && s.inputs.ai === 0 && s.inputs.ci === 0)
			.map((s) => {
				const bound = ruleOfThree(s.inputs.n1i!);
				return `${s.study}: no ${eventLabel(a.event)} in either arm (0 of ${s.inputs.n1i} with acupuncture, 0 of ${s.inputs.n2i} with ${ARM_LABELS[a.control]}; follow-up ${s.timepoint_weeks < 1 ? 'under a week' : `${s.timepoint_weeks} weeks`}), so the risk with acupuncture is probably below ${(100 * bound).toFixed(1)}% (one-sided 95% bound, rule of three); no ratio can be estimated.`;
			})
	);
	const primary = [...estimable].sort((x, y) => participants(y) - participants(x))[0];
	const sentence = [
		'Harms are judged against comparators without needles (sham needling can cause the same minor harms).',
		...parts,
		...zero,
		'Trials this size cannot detect rare serious harms; each event definition is reported on its own.'
	].join(' ');
	const events = found.reduce(
		(s, a) => s + a.studies.reduce((t, x) => t + (x.inputs.ai ?? 0) + (x.inputs.ci ?? 0), 0),
		0
	);
	return {
		claim,
		verdict,
		certainty: primary ? certaintyOf(primary, view, 'superiority', null) : null,
		sentence,
		analyses: primary ? [primary, ...found.filter((a) => a !== primary)] : found,
		extra: { events, estimable: estimable.length, zero_event_trials: zero.length }
	};
}
