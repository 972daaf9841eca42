import { fieller, qt, zCrit, type Interval } from '$lib/stats';
import { poolEffects } from './analyses';
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
import type { OutcomeNetwork } from './network-analysis';
import { networkEstimate, networkExtra, networkSentence, networkShare } from './network-claims';
import type { Analysis } from './types';
import { oriented, superiorityVerdict, verdictBasis } from './verdicts';

/**
 * The analysis restricted to some studies and pooled again with the same estimator; without a result (and with
 * a note) when the model cannot be fitted to them.
 */
export function restrict(a: Analysis, ids: Set<string>): Analysis {
	const studies = a.studies.filter((s) => ids.has(s.study_id) && !s.excluded);
	const r = a.result!;
	let pooled: Pick<Analysis, 'result' | 'verdictResult'> = { result: null };
	const notes = [...a.notes];
	try {
		pooled = poolEffects(
			studies.map((s) => s.yi),
			studies.map((s) => s.vi),
			{ method: r.requested, test: r.test, level: r.level }
		);
	} catch (e) {
		notes.push(notPooledNote(e, studies));
	}
	const { verdictResult: _v, ...rest } = a;
	return {
		...rest,
		studies: studies.map((s, i) => ({ ...s, weight: pooled.result?.weights[i] ?? null })),
		...pooled,
		notes
	};
}

/**
 * The share of the real-vs-none effect that sham-vs-none reaches, s / r, with Fieller's interval. The two pooled
 * estimates share each trial's no-treatment arm, so they are correlated: cov(s, r) = sum_i w_si w_ri var(none_i),
 * with w the normalised pooling weights and var(none_i) = sd^2 / n of the trial's no-treatment arm (0, and said,
 * for a trial that reports only contrasts).
 */
export function placeboRatio(
	s: Analysis,
	r: Analysis
): { share: number; ci: Interval | null; k: number; covarianceKnown: boolean } {
	const bs = verdictBasis(s)!;
	const br = verdictBasis(r)!;
	let cov = 0;
	let covarianceKnown = true;
	for (const x of s.studies) {
		const y = r.studies.find((z) => z.study_id === x.study_id);
		if (!y || x.weight === null || y.weight === null) continue;
		const { sd2i, n2i } = x.inputs;
		if (sd2i === undefined || n2i === undefined) {
			covarianceKnown = false;
			continue;
		}
		// MD on 0-100: the arm variance on the analysis scale (inputs are already on it).
		cov += (x.weight / 100) * (y.weight / 100) * ((sd2i * sd2i) / n2i);
	}
	const crit = bs.df === null ? zCrit(bs.level) : qt((1 - bs.level / 100) / 2, bs.df, false);
	const ci = fieller(bs.estimate, bs.se ** 2, br.estimate, br.se ** 2, cov, crit);
	return { share: bs.estimate / br.estimate, ci, k: bs.k, covarianceKnown };
}

/**
 * "Part of the effect may be placebo": in the trials with real, sham and no-treatment arms, the share of the
 * real-vs-none effect that sham-vs-none reaches (ratio of the two pooled estimates over the same trials). The
 * verdict rests on sham-vs-none: a clear benefit of sham over nothing supports "part of the effect".
 */
export function placeboShare(
	claim: Claim,
	all: Analysis[],
	t: ClaimTest,
	view: ClaimView,
	networks: readonly OutcomeNetwork[] = []
): ClaimResult {
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
	const ratio = placeboRatio(s, r);
	const share = ratio.share;
	const verdict = superiorityVerdict(oriented(s), midFor(s, view));
	const k = inBoth.size;
	const level = verdictBasis(s)!.level;
	const pc = (x: number) => `${Math.round(100 * x)}%`;
	const shareText =
		Number.isFinite(share) && verdictBasis(r)!.estimate < 0
			? `sham acupuncture achieved about ${pc(share)} of the benefit of real acupuncture over no treatment (${ratio.ci ? `${level}% CI ${pc(ratio.ci.lower)} to ${pc(ratio.ci.upper)}` : 'the interval cannot be bounded because the real-vs-none effect is not clearly different from zero'}, Fieller's method with the shared no-treatment arm; ${k} trial${k === 1 ? '' : 's'}${ratio.covarianceKnown ? '' : '; a trial reporting only contrasts is treated as uncorrelated'})`
			: 'real acupuncture showed no benefit over no treatment, so no share can be computed';
	const sentence = `In the ${k} trial${k === 1 ? '' : 's'} with real, sham and no-treatment arms, ${shareText}: ${describeEffect(s)}, while ${describeEffect(r)}. The sham effect also includes expectation, attention and any effect of the sham needling itself, so it is an upper bound for "placebo".`;
	// The network share uses every trial (direct and indirect evidence), beside the share within the three-arm trials.
	const netS = networkEstimate(networks, t, shamC!.treatment, shamC!.control);
	const netR = networkEstimate(networks, t, realC!.treatment, realC!.control);
	const net = netS && netR && netS.fit === netR.fit ? networkShare(netS, netR) : null;
	const netText =
		netS && netR
			? ` ${networkSentence(netS)} ${networkSentence(netR)}${
					net && Number.isFinite(net.share) && netR.pair.estimate < 0
						? ` From the network, sham reaches about ${pc(net.share)} of the benefit of real acupuncture over no treatment (${net.ci ? `${level}% CI ${pc(net.ci.lower)} to ${pc(net.ci.upper)}` : 'interval unbounded'}, Fieller's method with the covariance of the two network estimates).`
						: ''
				} The verdict rests on the trials with all three arms.`
			: '';
	return {
		claim,
		verdict,
		certainty: certaintyOf(s, view, 'superiority', null),
		sentence: capitalise(sentence) + netText,
		analyses: [s, r],
		extra: {
			share,
			share_ci_lower: ratio.ci?.lower ?? NaN,
			share_ci_upper: ratio.ci?.upper ?? NaN,
			share_k: k,
			...(netS && netR ? { ...networkExtra(netS), ...networkExtra(netR) } : {}),
			...(net
				? {
						network_share: net.share,
						network_share_ci_lower: net.ci?.lower ?? NaN,
						network_share_ci_upper: net.ci?.upper ?? NaN
					}
				: {})
		}
	};
}
