import { rma } from '$lib/stats';
import type { ClaimTest, Claim } from './claims';
import {
	certaintyOf,
	findAnalysis,
	midFor,
	NO_DATA,
	type ClaimResult,
	type ClaimView
} from './claim-context';
import { capitalise, describeEffect } from './describe';
import { notPooledNote } from './effect-guard';
import type { Analysis } from './types';
import { oriented, superiorityVerdict } from './verdicts';

/**
 * The analysis restricted to some studies and pooled again with the same estimator; without a result (and with
 * a note) when the model cannot be fitted to them.
 */
export function restrict(a: Analysis, ids: Set<string>): Analysis {
	const studies = a.studies.filter((s) => ids.has(s.study_id) && !s.excluded);
	const r = a.result!;
	let result: Analysis['result'] = null;
	const notes = [...a.notes];
	try {
		if (studies.length)
			result = rma(
				studies.map((s) => s.yi),
				studies.map((s) => s.vi),
				{ method: r.requested, test: r.test, level: r.level }
			);
	} catch (e) {
		notes.push(notPooledNote(e, studies));
	}
	return {
		...a,
		studies: studies.map((s, i) => ({ ...s, weight: result?.weights[i] ?? null })),
		result,
		notes
	};
}

/**
 * "Part of the effect may be placebo": in the trials with real, sham and no-treatment arms, the share of the
 * real-vs-none effect that sham-vs-none reaches (ratio of the two pooled estimates over the same trials). The
 * verdict rests on sham-vs-none: a clear benefit of sham over nothing supports "part of the effect".
 */
export function placeboShare(claim: Claim, all: Analysis[], t: ClaimTest, view: ClaimView): ClaimResult {
	const [shamC, realC] = t.comparisons;
	const sham = findAnalysis(all, t, shamC!);
	const real = findAnalysis(all, t, realC!);
	if (!sham || !real) return NO_DATA(claim, t);
	const inReal = new Set(real.studies.filter((r) => !r.excluded).map((r) => r.study_id));
	const inBoth = new Set(
		sham.studies.filter((s) => !s.excluded && inReal.has(s.study_id)).map((s) => s.study_id)
	);
	if (inBoth.size === 0) return NO_DATA(claim, t);
	const s = restrict(sham, inBoth);
	const r = restrict(real, inBoth);
	if (!s.result || !r.result) return NO_DATA(claim, t);
	const share = s.result!.estimate / r.result!.estimate;
	const verdict = superiorityVerdict(oriented(s), midFor(s, view));
	const k = inBoth.size;
	const shareText =
		Number.isFinite(share) && r.result!.estimate < 0
			? `sham acupuncture achieved about ${Math.round(100 * share)}% of the benefit of real acupuncture over no treatment`
			: 'real acupuncture showed no benefit over no treatment, so no share can be computed';
	const sentence = `In the ${k} trial${k === 1 ? '' : 's'} with real, sham and no-treatment arms, ${shareText}: ${describeEffect(s)}, while ${describeEffect(r)}. The sham effect also includes expectation, attention and any effect of the sham needling itself, so it is an upper bound for "placebo".`;
	return {
		claim,
		verdict,
		certainty: certaintyOf(s, view, 'superiority', null),
		sentence: capitalise(sentence),
		analyses: [s, r],
		extra: { share }
	};
}
