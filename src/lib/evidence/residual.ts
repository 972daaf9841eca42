import { rma } from '$lib/stats';
import type { Claim, ClaimTest } from './claims';
import { findAnalysis, midFor, NO_DATA, type ClaimResult, type ClaimView } from './claim-context';
import type { Analysis, StudyEffect } from './types';
import type { Verdict } from './verdicts';
import { thousands } from '$lib/data/thousands';

/**
 * "Make sure that you do not feel any pain" (complete relief): the pain that remains after a course of acupuncture,
 * read from the acupuncture arms of trials reporting final scores on the 0-100 scale (change scores cannot say how
 * much pain is left). The arm means are pooled with random effects (yi = mean, vi = sd^2 / n). Verdict: the claim is
 * contradicted when even the lower bound of the pooled residual pain is at or above the MID (people were on
 * average still in noticeable pain), not supported when the interval reaches the MID, and supported only when the
 * whole interval lies below it. Trials rarely report how many became pain-free; that is said.
 */
export function residualPain(claim: Claim, all: Analysis[], t: ClaimTest, view: ClaimView): ClaimResult {
	const seen = new Map<string, { s: StudyEffect; a: Analysis }>();
	for (const c of t.comparisons) {
		const a = findAnalysis(all, t, c);
		if (!a || a.measure !== 'MD') continue;
		for (const s of a.studies)
			if (!s.excluded && s.measureType === 'final' && s.inputs.m1i !== undefined && !seen.has(s.study_id))
				seen.set(s.study_id, { s, a });
	}
	const used = [...seen.values()];
	if (used.length === 0) return NO_DATA(claim, t);
	const r = rma(
		used.map(({ s }) => s.inputs.m1i!),
		used.map(({ s }) => s.inputs.sd1i! ** 2 / s.inputs.n1i!),
		{ method: 'REML' }
	);
	const mid = midFor(used[0]!.a, view);
	const verdict: Verdict =
		r.ci.lower >= mid ? 'contradicted' : r.ci.upper >= mid ? 'not supported' : 'supported';
	const list = used
		.map(({ s }) => `${s.study}: ${s.inputs.m1i!.toFixed(1)} at week ${s.timepoint_weeks}`)
		.join('; ');
	const n = used.reduce((t, { s }) => t + s.inputs.n1i!, 0);
	const sentence = `After a course of real acupuncture, average pain was still ${r.estimate.toFixed(1)} on a 0-100 scale (${r.level}% CI ${r.ci.lower.toFixed(1)} to ${r.ci.upper.toFixed(1)}; ${used.length} trial${used.length === 1 ? '' : 's'} reporting final scores, ${thousands(n)} people: ${list}), against the ${view.mids.MD}-point minimal important difference. None of the trials here reports how many people became pain-free.`;
	return {
		claim,
		verdict,
		certainty: null,
		sentence,
		analyses: [...new Set(used.map(({ a }) => a))],
		extra: {
			residual: r.estimate,
			residual_ci_lower: r.ci.lower,
			residual_ci_upper: r.ci.upper,
			residual_k: used.length
		}
	};
}

/**
 * "In numerous investigations": how many trials in the data have the arms the claim needs (every comparison of
 * the test, in one trial). `min_trials` in the claim's test sets what counts as numerous.
 */
export function trialCount(claim: Claim, all: Analysis[], t: ClaimTest): ClaimResult {
	const sets = t.comparisons.map(
		(c) =>
			new Set(
				all
					.filter(
						(a) =>
							a.treatment === c.treatment &&
							a.control === c.control &&
							a.population === t.population &&
							a.outcome === t.outcome
					)
					.flatMap((a) => a.studies.map((s) => s.study))
			)
	);
	const both = [...sets[0]!].filter((s) => sets.every((x) => x.has(s)));
	const min = t.min_trials ?? 3;
	const verdict: Verdict =
		both.length === 0 ? 'no trial data' : both.length >= min ? 'supported' : 'not supported';
	const names = t.comparisons
		.map((c) => `${c.treatment.replace('_', ' ')} vs ${c.control.replace('_', ' ')}`)
		.join(' and ');
	const sentence = `${both.length} trial${both.length === 1 ? '' : 's'} in these data compared ${names}${both.length ? ` (${both.join(', ')})` : ''}; "numerous" is read as at least ${min}. Other reviews may include trials these data do not.`;
	return {
		claim,
		verdict,
		certainty: null,
		sentence,
		analyses: [],
		extra: { trials: both.length, min_trials: min }
	};
}
