import type { Claim, ClaimComparison } from './claims';
import {
	certaintyOf,
	effectiveTest,
	findAnalysis,
	indirectReason,
	marginFor,
	marginValue,
	midFor,
	midText,
	NO_DATA,
	primary,
	type ClaimResult,
	type ClaimView
} from './claim-context';
import { capitalise, describeEffect } from './describe';
import type { OutcomeNetwork } from './network-analysis';
import { networkEstimate, networkExtra, networkSentence } from './network-claims';
import { placeboShare } from './placebo';
import { residualPain, trialCount } from './residual';
import { safetyClaim } from './safety';
import { subgroupTest } from './subgroups';
import { timeCourse } from './time-course';
import type { TimeCourseData } from './time-points';
import type { Analysis } from './types';
import {
	bothVerdict,
	equivalenceVerdict,
	oriented,
	oriented90,
	smallestMargin,
	superiorityVerdict
} from './verdicts';
import { ARM_LABELS } from '$lib/data/schema';

/**
 * Verdict, certainty and sentence of one claim from the analyses (docs/ARCHITECTURE.md section 5.1). A pure function of
 * (claim, analyses, view): nothing is stored.
 */
export function evaluateClaim(
	claim: Claim,
	all: Analysis[],
	view: ClaimView,
	networks: readonly OutcomeNetwork[] = [],
	courses?: TimeCourseData
): ClaimResult {
	if (claim.kind === 'minor_harms') return { ...notTestable(claim), verdict: 'no trial data' };
	const t = effectiveTest(claim, view);
	if (!t) return notTestable(claim);
	switch (claim.kind) {
		case 'superiority': {
			const p = primary(all, t);
			if (!p) return NO_DATA(claim, t);
			// Evidence that only stands in for the claim's comparison (usual care or a drug for "no therapy") answers a
			// neighbouring question: it can at most partly support the claim.
			const direct = superiorityVerdict(oriented(p.a), midFor(p.a, view));
			const verdict = p.c.indirect && direct === 'supported' ? 'partly supported' : direct;
			const others = t.comparisons
				.filter((c) => c !== p.c)
				.map((c) => findAnalysis(all, t, c))
				.filter((a): a is Analysis => a !== null);
			const indirect = indirectReason(p.a, p.c, view);
			const soon = p.a.window === 'short' ? findAnalysis(all, t, p.c, 'immediate') : null;
			const sentence = [
				`${capitalise(describeEffect(p.a))}. ${importance(p.a, view)}`,
				indirect
					? `Indirect evidence: ${indirect.charAt(0).toLowerCase()}${indirect.slice(1)}${verdict !== direct ? ' So the claim is at most partly supported.' : ''}`
					: '',
				soon ? `Within a week of a session (minutes to days): ${describeEffect(soon)}.` : ''
			]
				.filter(Boolean)
				.join(' ');
			return {
				claim,
				verdict,
				certainty: certaintyOf(p.a, view, 'superiority', indirect),
				sentence,
				analyses: [p.a, ...others, ...(soon ? [soon] : [])],
				extra: {}
			};
		}
		case 'equivalence': {
			const c = t.comparisons[0]!;
			const a = findAnalysis(all, t, c);
			if (!a) return NO_DATA(claim, t);
			const o90 = oriented90(a)!;
			const verdict = equivalenceVerdict(oriented(a), o90, marginFor(a, view));
			const net = networkEstimate(networks, t, c.treatment, c.control);
			const sentence = `${capitalise(describeEffect(a))}. ${equivalenceText(a, view)}${net ? ` ${networkSentence(net)} The verdict rests on the direct comparison.` : ''}`;
			return {
				claim,
				verdict,
				certainty: certaintyOf(a, view, 'equivalence', indirectReason(a, c, view)),
				sentence,
				analyses: [a],
				extra: {
					smallest_margin: onMeasureScale(a, smallestMargin(o90)),
					margin: marginValue(a, view),
					...(net ? networkExtra(net) : {})
				}
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
			const nets = t.comparisons.flatMap((c) => networkEstimate(networks, t, c.treatment, c.control) ?? []);
			const sentence =
				found
					.map(({ c, a }) =>
						a
							? capitalise(describeEffect(a))
							: `No trial compared ${c.treatment.replace('_', ' ')} with ${c.control.replace('_', ' ')}`
					)
					.join('. ') +
				'.' +
				(nets.length
					? ` ${nets.map(networkSentence).join(' ')} The verdict rests on the direct comparisons.`
					: '');
			const extra = Object.assign({}, ...nets.map(networkExtra)) as Record<string, number>;
			return { claim, verdict, certainty: worst, sentence, analyses: present.map((f) => f.a), extra };
		}
		case 'placebo_share':
			return placeboShare(claim, all, t, view, networks);
		case 'time_course':
			return timeCourse(claim, all, t, view, courses);
		case 'safety':
			return safetyClaim(claim, all, t, view);
		case 'subgroup':
			return subgroupTest(claim, all, t, view);
		case 'residual_pain':
			return residualPain(claim, all, t, view);
		case 'trial_count':
			return trialCount(claim, all, t);
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

/** A margin in words: "±10 points", "±0.2 SD", "0.80 to 1.25". */
function marginWords(a: Analysis, m: number): string {
	if (a.measure === 'MD') return `±${fmt(m)} points`;
	if (a.measure === 'SMD') return `±${fmt(m)} SD`;
	return `${(1 / m).toFixed(2)} to ${m.toFixed(2)}`;
}

const fmt = (x: number) => String(Number(x.toFixed(2)));

/** A margin on the analysis scale back on the measure's own scale (ratios as ratios). */
function onMeasureScale(a: Analysis, m: number): number {
	return a.measure === 'RR' || a.measure === 'OR' ? Math.exp(m) : m;
}

/**
 * Two one-sided tests in words: where the 90% CI lies against the margin, the smallest margin at which the two
 * would count as equivalent, and, when one arm is also clearly better, both facts.
 */
function equivalenceText(a: Analysis, view: ClaimView): string {
	const o = oriented(a)!;
	const o90 = oriented90(a)!;
	const m = marginFor(a, view);
	const margin = marginWords(a, marginValue(a, view));
	const smallest = marginWords(a, onMeasureScale(a, smallestMargin(o90)));
	const t = ARM_LABELS[a.treatment];
	const inside = o90.lower > -m && o90.upper < m;
	const differs = o.lower > 0 || o.upper < 0;
	const better = o.est > 0 ? t : ARM_LABELS[a.control];
	const lead = `Two one-sided tests (90% CI against an equivalence margin of ${margin}): `;
	if (inside && differs)
		return `${lead}${better} was slightly but clearly better, and the difference is smaller than the margin, so the two are equivalent only in the sense that the difference is small (equivalence would hold for any margin wider than ${smallest}).`;
	if (inside)
		return `${lead}the 90% CI lies inside the margin and the 95% CI includes no difference, so the two perform equally well for practical purposes (equivalence would hold for any margin wider than ${smallest}).`;
	if (differs)
		return `${lead}${better} was clearly better and the interval reaches past the margin, so the two do not perform equally well (equivalence would need a margin wider than ${smallest}).`;
	return `${lead}the interval reaches past the margin, so the trials cannot show that the two perform equally well; no significant difference is not evidence of equivalence (it would need a margin wider than ${smallest}).`;
}

export function evaluateClaims(
	claims: Claim[],
	all: Analysis[],
	view: ClaimView,
	networks: readonly OutcomeNetwork[] = [],
	courses?: TimeCourseData
): ClaimResult[] {
	return claims.map((c) => evaluateClaim(c, all, view, networks, courses));
}
