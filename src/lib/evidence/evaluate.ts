import type { Claim, ClaimComparison } from './claims';
import {
	certaintyOf,
	effectiveTest,
	findAnalysis,
	indirectReason,
	midFor,
	midText,
	NO_DATA,
	primary,
	type ClaimResult,
	type ClaimView
} from './claim-context';
import { capitalise, describeEffect } from './describe';
import { midOnAnalysisScale } from './mid';
import { placeboShare } from './placebo';
import { subgroupTest } from './subgroups';
import { timeCourse } from './time-course';
import type { Analysis } from './types';
import { bothVerdict, equivalenceVerdict, oriented, safetyVerdict, superiorityVerdict } from './verdicts';

/**
 * Verdict, certainty and sentence of one claim from the analyses (DESIGN.md section 5). A pure function of
 * (claim, analyses, view): nothing is stored.
 */
export function evaluateClaim(claim: Claim, all: Analysis[], view: ClaimView): ClaimResult {
	const t = effectiveTest(claim, view);
	if (!t) return notTestable(claim);
	switch (claim.kind) {
		case 'superiority': {
			const p = primary(all, t);
			if (!p) return NO_DATA(claim, t);
			const verdict = superiorityVerdict(oriented(p.a), midFor(p.a, view));
			const others = t.comparisons
				.filter((c) => c !== p.c)
				.map((c) => findAnalysis(all, t, c))
				.filter((a): a is Analysis => a !== null);
			const sentence = `${capitalise(describeEffect(p.a))}. ${importance(p.a, view)}`;
			return {
				claim,
				verdict,
				certainty: certaintyOf(p.a, view, 'superiority', indirectReason(p.a, p.c, view)),
				sentence,
				analyses: [p.a, ...others],
				extra: {}
			};
		}
		case 'equivalence': {
			const c = t.comparisons[0]!;
			const a = findAnalysis(all, t, c);
			if (!a) return NO_DATA(claim, t);
			const verdict = equivalenceVerdict(oriented(a), midFor(a, view));
			const sentence = `${capitalise(describeEffect(a))}. ${equivalenceText(a, view)}`;
			return {
				claim,
				verdict,
				certainty: certaintyOf(a, view, 'equivalence', indirectReason(a, c, view)),
				sentence,
				analyses: [a],
				extra: {}
			};
		}
		case 'both_superior': {
			const found = t.comparisons.map((c) => ({ c, a: findAnalysis(all, t, c) }));
			const verdicts = found.map(({ a }) =>
				a ? superiorityVerdict(oriented(a), midFor(a, view)) : 'no trial data'
			);
			const verdict = bothVerdict(verdicts[0]!, verdicts[1]!);
			const present = found.filter((f): f is { c: ClaimComparison; a: Analysis } => f.a !== null);
			if (present.length === 0) return NO_DATA(claim, t);
			const worst = present
				.map((f) => certaintyOf(f.a, view, 'superiority', indirectReason(f.a, f.c, view)))
				.sort(
					(x, y) => y.rules.reduce((s, r) => s + r.levels, 0) - x.rules.reduce((s, r) => s + r.levels, 0)
				)[0]!;
			const sentence =
				found
					.map(({ c, a }) =>
						a
							? capitalise(describeEffect(a))
							: `No trial compared ${c.treatment.replace('_', ' ')} with ${c.control.replace('_', ' ')}`
					)
					.join('. ') + '.';
			return { claim, verdict, certainty: worst, sentence, analyses: present.map((f) => f.a), extra: {} };
		}
		case 'placebo_share':
			return placeboShare(claim, all, t, view);
		case 'time_course':
			return timeCourse(claim, all, t, view);
		case 'safety': {
			const p = primary(all, t);
			if (!p) return NO_DATA(claim, t);
			const o = oriented(p.a);
			const verdict = safetyVerdict(o, midOnAnalysisScale('RR', view.mids.RR));
			const events = p.a.studies
				.filter((s) => !s.excluded)
				.reduce((s, x) => s + (x.inputs.ai ?? 0) + (x.inputs.ci ?? 0), 0);
			const sentence = `${capitalise(describeEffect(p.a))}. ${events === 0 ? 'No adverse events of the kind counted were recorded in any arm; trials this size cannot rule out rare harms.' : 'Trials are too small to detect rare serious harms.'}`;
			return {
				claim,
				verdict,
				certainty: certaintyOf(p.a, view, 'superiority', indirectReason(p.a, p.c, view)),
				sentence,
				analyses: [p.a],
				extra: { events }
			};
		}
		case 'subgroup':
			return subgroupTest(claim, all, t, view);
		default:
			return notTestable(claim);
	}
}

/** A claim that trial outcomes cannot test: its stated reason instead of a verdict. */
function notTestable(claim: Claim): ClaimResult {
	const sentence = claim.reason ?? 'Not testable with trial outcomes.';
	return { claim, verdict: 'not testable', certainty: null, sentence, analyses: [], extra: {} };
}

/** How the pooled effect compares with the MID, in words. */
export function importance(a: Analysis, view: ClaimView): string {
	const o = oriented(a)!;
	const m = midFor(a, view);
	const mid = midText(a, view);
	if (o.lower >= m)
		return `Even the smallest effect the data allow reaches the ${mid} minimal important difference.`;
	if (o.est >= m)
		return `The average effect reaches the ${mid} minimal important difference, but the interval also allows smaller effects.`;
	if (o.upper < m) return `The whole interval stays below the ${mid} minimal important difference.`;
	return `The average effect is below the ${mid} minimal important difference; the interval does not rule out an important one.`;
}

/** The equivalence margin in words: "±15 points", "±0.5 SD", "0.80 to 1.25". */
function marginText(a: Analysis, view: ClaimView): string {
	const m = view.mids[a.measure];
	if (a.measure === 'MD') return `±${m} points`;
	if (a.measure === 'SMD') return `±${m} SD`;
	return `${(1 / m).toFixed(2)} to ${m}`;
}

function equivalenceText(a: Analysis, view: ClaimView): string {
	const o = oriented(a)!;
	const m = midFor(a, view);
	if (o.lower > -m && o.upper < m)
		return `The whole interval lies within ${marginText(a, view)}, the minimal important difference, so the two perform equally well for practical purposes.`;
	return `The interval reaches beyond ${marginText(a, view)}, the minimal important difference, so the trials cannot show that the two perform equally well.`;
}

export function evaluateClaims(claims: Claim[], all: Analysis[], view: ClaimView): ClaimResult[] {
	return claims.map((c) => evaluateClaim(c, all, view));
}
