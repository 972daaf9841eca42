/**
 * The network estimate beside a claim's direct (pairwise) one (docs/ARCHITECTURE.md section 5.1). The verdict stays
 * the pairwise one: the article's claims are about what trials of that comparison showed, and in this small network
 * the indirect part rests on one or two multi-arm trials whose coherence can barely be tested; the network estimate,
 * with its CI, prediction interval and the evidence it rests on, is reported beside it and has its own CINeMA
 * certainty in the network section.
 */
import { fieller, zCrit, type Interval } from '$lib/stats';
import type { NetworkFit, PairEstimate, SideKind } from '$lib/stats/network';
import type { ClaimTest } from './claims';
import { findNetwork, type OutcomeNetwork } from './network-analysis';
import { NODE_LABELS, type NodeId } from './network-nodes';

export interface NetworkClaimEstimate {
	network: OutcomeNetwork;
	fit: NetworkFit;
	pair: PairEstimate;
	/** Trials in the connected part of the network that holds the comparison. */
	k: number;
	kind: SideKind;
}

const EVIDENCE: Record<SideKind, string> = {
	'direct and indirect': 'direct and indirect',
	'direct only': 'direct evidence only',
	'indirect only': 'indirect evidence only',
	'no independent loop': 'direct evidence; its only indirect route runs through the same multi-arm trials'
};

/** The network estimate of `treatment` vs `control` for a claim's outcome, population and window, or null. */
export function networkEstimate(
	networks: readonly OutcomeNetwork[],
	t: ClaimTest,
	treatment: string,
	control: string
): NetworkClaimEstimate | null {
	const window = t.window === 'all' ? 'short' : t.window;
	const network = findNetwork(networks, t.outcome, t.population, window);
	const fit = network?.analysis?.components.find(
		(f) => f.treatments.includes(treatment) && f.treatments.includes(control)
	);
	if (!network || !fit) return null;
	const pair = fit.league.find((x) => x.treatment === treatment && x.comparator === control)!;
	const side = fit.side.find(
		(s) =>
			(s.treatment === treatment && s.comparator === control) ||
			(s.treatment === control && s.comparator === treatment)
	)!;
	return { network, fit, pair, k: fit.studies.length, kind: side.kind };
}

const num = (x: number) => String(Number(x.toFixed(x !== 0 && Math.abs(x) < 1 ? 2 : 1)));

/** An estimate with its interval on the measure's own scale (ratios as ratios). */
function shown(n: OutcomeNetwork, x: number): string {
	return n.measure === 'RR' ? num(Math.exp(x)) : num(x);
}
function range(n: OutcomeNetwork, i: Interval | null): string {
	return i ? `${shown(n, i.lower)} to ${shown(n, i.upper)}` : 'not available';
}

/**
 * "Network estimate from 3 trials, direct and indirect: real acupuncture vs sham acupuncture -2.6 points (95% CI
 * ...; 95% prediction interval ...)."
 */
export function networkSentence(e: NetworkClaimEstimate): string {
	const n = e.network;
	const unit = n.measure === 'MD' ? ' points' : n.measure === 'SMD' ? ' SD' : ' (risk ratio)';
	const name = (x: string) => NODE_LABELS[x as NodeId] ?? x;
	return (
		`Network estimate from ${e.k} trial${e.k === 1 ? '' : 's'}, ${EVIDENCE[e.kind]}: ${name(e.pair.treatment)} vs ` +
		`${name(e.pair.comparator)} ${shown(n, e.pair.estimate)}${unit} (${e.fit.level}% CI ${range(n, e.pair.ci)}; ` +
		`prediction interval ${range(n, e.pair.pi)}).`
	);
}

/** Derived numbers of a network estimate for the JSON (`network_acupuncture_vs_sham_estimate`, ...), analysis scale. */
export function networkExtra(e: NetworkClaimEstimate): Record<string, number> {
	const p = `network_${e.pair.treatment}_vs_${e.pair.comparator}`;
	return {
		[`${p}_estimate`]: e.pair.estimate,
		[`${p}_ci_lower`]: e.pair.ci.lower,
		[`${p}_ci_upper`]: e.pair.ci.upper,
		[`${p}_pi_lower`]: e.pair.pi?.lower ?? NaN,
		[`${p}_pi_upper`]: e.pair.pi?.upper ?? NaN,
		[`${p}_k`]: e.k
	};
}

/**
 * Covariance of two network estimates d_ab = b_a - b_b and d_cd (b = effects versus the reference, whose own is 0).
 * @example pairCovariance(fit, 'sham', 'none', 'acu', 'none') // var(b_none) terms drop when none is the reference
 */
export function pairCovariance(fit: NetworkFit, a: string, b: string, c: string, d: string): number {
	const i = (x: string) => fit.treatments.indexOf(x);
	const v = (x: number, y: number) => (x === 0 || y === 0 ? 0 : fit.vcov[x - 1]![y - 1]!);
	const [ia, ib, ic, id] = [i(a), i(b), i(c), i(d)];
	return v(ia, ic) - v(ia, id) - v(ib, ic) + v(ib, id);
}

/**
 * The placebo share from the network: d(sham vs none) / d(real vs none), with Fieller's interval using the
 * covariance of the two network estimates (they share the no-treatment node and the trials behind it).
 */
export function networkShare(
	sham: NetworkClaimEstimate,
	real: NetworkClaimEstimate
): { share: number; ci: Interval | null } {
	const fit = real.fit;
	const s = sham.pair;
	const r = real.pair;
	const cov = pairCovariance(fit, s.treatment, s.comparator, r.treatment, r.comparator);
	return {
		share: s.estimate / r.estimate,
		ci: fieller(s.estimate, s.se ** 2, r.estimate, r.se ** 2, cov, zCrit(fit.level))
	};
}
