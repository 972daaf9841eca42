import type { Claim, ClaimTest } from './claims';
import {
	certaintyOf,
	findAnalysis,
	indirectReason,
	NO_DATA,
	primary,
	midFor,
	type ClaimResult,
	type ClaimView
} from './claim-context';
import { capitalise, describeEffect } from './describe';
import type { Analysis, Window } from './types';
import { oriented, superiorityVerdict, type Verdict } from './verdicts';
import { WINDOWS } from './windows';

const INDIVIDUAL =
	'Trial averages describe groups: they cannot tell whether one person who has not improved by 6-8 weeks would improve later.';

/**
 * "If you see no result within 6-8 weeks, it may not suit you": what the trials show about when the average
 * benefit appears. A clear benefit in the short window (target 8 weeks) is consistent with the advice, but the
 * stopping rule itself is about individuals, which the trials cannot test: at most "partly supported". A benefit
 * that appears only in later windows contradicts it.
 */
export function timeCourse(claim: Claim, all: Analysis[], t: ClaimTest, view: ClaimView): ClaimResult {
	const p = primary(all, t, 'short');
	if (!p) return NO_DATA(claim, t);
	const byWindow = WINDOWS.map((w) => ({ w: w.id as Window, a: findAnalysis(all, t, p.c, w.id) }));
	const verdictOf = (a: Analysis | null): Verdict =>
		a ? superiorityVerdict(oriented(a), midFor(a, view)) : 'no trial data';
	const short = verdictOf(p.a);
	const later = byWindow.slice(1).map((x) => verdictOf(x.a));
	const positive = (v: Verdict) => v === 'supported' || v === 'partly supported';
	const verdict: Verdict = positive(short)
		? 'partly supported'
		: later.some(positive)
			? 'contradicted'
			: short;
	const parts = byWindow
		.filter((x) => x.a)
		.map(
			(x) =>
				`at ${WINDOWS.find((w) => w.id === x.w)!.label} (trial timepoints ${[...new Set(x.a!.studies.map((s) => s.timepoint_weeks))].join(', ')} weeks), ${describeEffect(x.a!)}`
		);
	const sentence = `${capitalise(parts.join('; '))}. ${INDIVIDUAL}`;
	const indirect = [indirectReason(p.a, p.c, view), INDIVIDUAL].filter(Boolean).join(' ');
	return {
		claim,
		verdict,
		certainty: certaintyOf(p.a, view, 'superiority', indirect),
		sentence,
		analyses: byWindow.map((x) => x.a).filter((a): a is Analysis => a !== null),
		extra: {}
	};
}
