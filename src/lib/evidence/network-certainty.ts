/**
 * Certainty of each network estimate by CINeMA's rules (Nikolakopoulou et al., PLoS Med 2020;17:e1003082;
 * docs/ARCHITECTURE.md section 5.4). Each domain gets no / some / major concerns; the rating starts high and goes
 * down one level per "some" and two per "major", but the linked domains (imprecision, heterogeneity, incoherence:
 * three views of the same uncertainty on the same evidence) together cost only their largest downgrade.
 * The range of equivalence (ROE) is (-MID, +MID) around no effect on the analysis scale (log for ratios).
 */
// From the modules themselves, not the barrels: the page imports this module (its first-load JavaScript).
import { zCrit } from '$lib/stats/interval';
import type { Interval } from '$lib/stats/types';
import { networkEdges } from '$lib/stats/network/contribution';
import { blocksAt } from '$lib/stats/network/tau2';
import type { NetworkFit, PairEstimate, SideResult } from '$lib/stats/network';
import { CERTAINTY_LEVELS, type Certainty } from './certainty-levels';
import type { NetworkStudy, OutcomeNetwork } from './network-analysis';
import { robKey } from './network-find';

export const CONCERNS = ['no concerns', 'some concerns', 'major concerns'] as const;
export type Concern = (typeof CONCERNS)[number];
export type NetworkDomainName =
	'within-study bias' | 'indirectness' | 'imprecision' | 'heterogeneity' | 'incoherence';

export interface NetworkDomain {
	domain: NetworkDomainName;
	concern: Concern;
	/** Levels this domain's concern is worth (0, 1 or 2). */
	levels: number;
	/** Levels it actually took off (less for a linked domain already counted). */
	counted: number;
	reason: string;
}

export interface NetworkCertaintyRow {
	treatment: string;
	comparator: string;
	estimate: number;
	ci: Interval;
	pi: Interval | null;
	level: Certainty;
	domains: NetworkDomain[];
}

/** SIDE p-value below which direct and indirect evidence are compared against the ROE (CINeMA: 0.10). */
export const INCOHERENCE_P = 0.1;
/** Design-by-treatment p-values: above 0.10 no concerns, from 0.05 to 0.10 some, at or below 0.05 major. */
export const DBT_P_SOME = 0.1;
export const DBT_P_MAJOR = 0.05;

const levelsOf = (c: Concern) => CONCERNS.indexOf(c);

/**
 * Weighted average of study judgements (low 0, some concerns 1, high 2) over their contributions, rounded to the
 * nearest level (CINeMA's "average" option; chosen over "majority", which ignores a large high-risk share below 50%,
 * and "highest", which lets a study with a 1% share decide): below 0.5 no concerns, below 1.5 some, else major.
 * @example concernFromAverage(0.5) // 'some concerns'
 */
export function concernFromAverage(average: number): Concern {
	return average < 0.5 ? 'no concerns' : average < 1.5 ? 'some concerns' : 'major concerns';
}

/** How many of {no effect, the ROE bound on the side opposite the estimate} lie strictly inside the interval. */
export function crossings(interval: Interval, estimate: number, mid: number): number {
	const opposite = estimate >= 0 ? -mid : mid;
	return [0, opposite].filter((b) => interval.lower < b && b < interval.upper).length;
}

/**
 * Imprecision: a CI inside the ROE has no concerns; otherwise 0 / 1 / 2 crossings of {no effect, the opposite ROE
 * bound} give no / some / major concerns.
 */
export function imprecisionConcern(ci: Interval, estimate: number, mid: number): Concern {
	if (ci.lower > -mid && ci.upper < mid) return 'no concerns';
	return CONCERNS[crossings(ci, estimate, mid)]!;
}

/**
 * Heterogeneity: crossings of the CI (rows) and of the prediction interval (columns) of the same boundaries:
 * (0,0) no, (0,1) some, (0,2) major, (1,1) no, (1,2) some, (2,2) no. Without a prediction interval (no degrees of
 * freedom for heterogeneity) it cannot be assessed: some concerns (unknown is not absent).
 */
export function heterogeneityConcern(
	ci: Interval,
	pi: Interval | null,
	estimate: number,
	mid: number
): Concern {
	if (!pi) return 'some concerns';
	const r = crossings(ci, estimate, mid);
	const c = Math.max(r, crossings(pi, estimate, mid));
	return CONCERNS[Math.min(2, c - r)]!;
}

/** Which of (below the ROE, overlapping it, above it) an interval touches. */
function regions(i: Interval, mid: number): [boolean, boolean, boolean] {
	return [i.lower < -mid, i.upper >= -mid && i.lower <= mid, i.upper > mid];
}

/**
 * Incoherence. With direct and indirect evidence: SIDE p >= 0.10 no concerns; otherwise the direct and the
 * indirect CIs are compared on (below ROE, overlapping ROE, above ROE): 3 agreements no concerns, 2 some, 0-1
 * major. With only direct or only indirect evidence (or a loop only inside multi-arm trials): the random-effects
 * design-by-treatment test, p > 0.10 no, 0.05-0.10 some, <= 0.05 major; not estimable: major.
 */
export function incoherenceConcern(
	side: SideResult | undefined,
	dbtP: number | null,
	mid: number,
	level: number
): { concern: Concern; reason: string } {
	if (side?.kind === 'direct and indirect' && side.p !== null) {
		const p = side.p;
		if (p >= INCOHERENCE_P)
			return { concern: 'no concerns', reason: `Direct and indirect evidence agree (SIDE p = ${p3(p)}).` };
		const z = zCrit(level);
		const ci = (e: number, se: number) => ({ lower: e - z * se, upper: e + z * se });
		const d = regions(ci(side.direct!, side.directSe!), mid);
		const ind = regions(ci(side.indirect!, side.indirectSe!), mid);
		const agree = d.filter((x, i) => x === ind[i]).length;
		const concern = agree === 3 ? 'no concerns' : agree === 2 ? 'some concerns' : 'major concerns';
		return {
			concern,
			reason: `Direct and indirect evidence differ (SIDE p = ${p3(p)}); their intervals agree on ${agree} of 3 regions (below, across, above the range of equivalence).`
		};
	}
	const what =
		side?.kind === 'indirect only'
			? 'Indirect evidence only'
			: side?.kind === 'no independent loop'
				? 'No independent loop'
				: 'Direct evidence only';
	if (dbtP === null)
		return {
			concern: 'major concerns',
			reason: `${what}, and the design-by-treatment test cannot be estimated: coherence cannot be checked.`
		};
	const concern = dbtP > DBT_P_SOME ? 'no concerns' : dbtP > DBT_P_MAJOR ? 'some concerns' : 'major concerns';
	return { concern, reason: `${what}: design-by-treatment test (random effects) p = ${p3(dbtP)}.` };
}

const p3 = (p: number) => (p < 0.001 ? '< 0.001' : p.toFixed(3));
const pct = (x: number) => `${Math.round(100 * x)}%`;
const SCORE = { low: 0, some: 1, high: 2 } as const;

/**
 * The fit's studies (in its order) and its direct comparisons with each study's weight, computed once per fit and
 * network (every comparison's certainty reads them; looked up by id through maps, so thousands of studies cost
 * O(k), not O(k^2)).
 */
const edgeMemo = new WeakMap<
	NetworkFit,
	{ network: OutcomeNetwork; studies: NetworkStudy[]; edges: ReturnType<typeof networkEdges> }
>();
function edgesOf(fit: NetworkFit, network: OutcomeNetwork) {
	const known = edgeMemo.get(fit);
	if (known && known.network === network) return known;
	// The first of each id, as a search from the start finds it.
	const inputById = new Map([...network.input].reverse().map((s) => [s.id, s]));
	const studyById = new Map([...network.studies].reverse().map((s) => [s.study_id, s]));
	const input = fit.studies.map((id) => inputById.get(id)!);
	const studies = fit.studies.map((id) => studyById.get(id)!);
	const edges = networkEdges(input, blocksAt(input, fit.tau2)!, fit.treatments);
	const out = { network, studies, edges };
	edgeMemo.set(fit, out);
	return out;
}

/** Each (study, direct comparison) share of one network estimate: the contribution matrix split by edge. */
export function studyEdgeShares(
	fit: NetworkFit,
	network: OutcomeNetwork,
	treatment: string,
	comparator: string
): { study: NetworkStudy; a: string; b: string; share: number }[] {
	const row = fit.contributions?.find(
		(r) =>
			(r.treatment === treatment && r.comparator === comparator) ||
			(r.treatment === comparator && r.comparator === treatment)
	);
	if (!row) return [];
	const { studies, edges } = edgesOf(fit, network);
	const out: { study: NetworkStudy; a: string; b: string; share: number }[] = [];
	for (const e of row.edges) {
		const edge = edges.find(
			(x) => fit.treatments[x.v] === e.treatment && fit.treatments[x.u] === e.comparator
		);
		if (!edge) continue;
		for (const [s, w] of edge.studies)
			out.push({ study: studies[s]!, a: e.treatment, b: e.comparator, share: (e.share * w) / edge.weight });
	}
	return out;
}

/** Within-study bias: the contribution-weighted average of each study's RoB 2 judgement for the comparison it informs. */
export function biasDomain(shares: ReturnType<typeof studyEdgeShares>): NetworkDomain {
	let avg = 0;
	let unknown = 0;
	let high = 0;
	for (const x of shares) {
		const rob = x.study.rob[robKey(x.a, x.b)] ?? null;
		if (rob === null) unknown += x.share;
		if (rob === 'high') high += x.share;
		avg += x.share * (rob === null ? 1 : SCORE[rob]);
	}
	const concern = concernFromAverage(avg);
	const note = unknown > 0 ? `; not assessed ${pct(unknown)}, counted as some concerns` : '';
	return domain(
		'within-study bias',
		concern,
		`Contribution-weighted RoB 2 average ${avg.toFixed(2)} (low 0, some 1, high 2); high risk ${pct(high)} of the contributions${note}.`
	);
}

/** Indirectness: studies whose node stands in for another treatment (a waiting list as no treatment, a drug as usual care). */
export function indirectnessDomain(shares: ReturnType<typeof studyEdgeShares>): NetworkDomain {
	let avg = 0;
	const why = new Set<string>();
	for (const x of shares)
		if (x.study.indirect) {
			avg += x.share;
			why.add(x.study.indirect);
		}
	return domain(
		'indirectness',
		concernFromAverage(avg),
		avg > 0
			? `${pct(avg)} of the contributions come from studies where ${[...why].join('; ')}.`
			: 'Every contributing study compares the nodes as named.'
	);
}

function domain(name: NetworkDomainName, concern: Concern, reason: string): NetworkDomain {
	return { domain: name, concern, levels: levelsOf(concern), counted: levelsOf(concern), reason };
}

/**
 * Start high; one level per "some", two per "major"; the linked domains (imprecision, heterogeneity,
 * incoherence) count only their largest downgrade, the others are marked as not counted again.
 */
export function rateNetwork(domains: NetworkDomain[]): { level: Certainty; domains: NetworkDomain[] } {
	const linked: NetworkDomainName[] = ['imprecision', 'heterogeneity', 'incoherence'];
	const worst = domains.filter((d) => linked.includes(d.domain)).sort((a, b) => b.levels - a.levels)[0];
	const out = domains.map((d) =>
		linked.includes(d.domain) && d !== worst && d.levels > 0
			? { ...d, counted: 0, reason: `${d.reason} Not counted again: linked with ${worst!.domain}.` }
			: d
	);
	const down = out.reduce((t, d) => t + d.counted, 0);
	return { level: CERTAINTY_LEVELS[Math.min(down, 3)]!, domains: out };
}

/** The certainty of one network estimate (`mid` on the analysis scale, positive). */
export function estimateCertainty(
	network: OutcomeNetwork,
	fit: NetworkFit,
	e: PairEstimate,
	mid: number
): NetworkCertaintyRow {
	const shares = studyEdgeShares(fit, network, e.treatment, e.comparator);
	const side = fit.side.find(
		(s) =>
			(s.treatment === e.treatment && s.comparator === e.comparator) ||
			(s.treatment === e.comparator && s.comparator === e.treatment)
	);
	const imp = imprecisionConcern(e.ci, e.estimate, mid);
	const het = heterogeneityConcern(e.ci, e.pi, e.estimate, mid);
	const inc = incoherenceConcern(side, fit.designByTreatment.random?.p ?? null, mid, fit.level);
	const range = `range of equivalence ±${Number(mid.toFixed(3))}`;
	const rated = rateNetwork([
		biasDomain(shares),
		indirectnessDomain(shares),
		domain('imprecision', imp, `${fit.level}% CI against the ${range} and no effect: ${imp}.`),
		domain(
			'heterogeneity',
			het,
			e.pi
				? `Prediction interval against the ${range} and no effect, beside the CI: ${het}.`
				: 'No prediction interval (no degrees of freedom for heterogeneity): not assessable, some concerns.'
		),
		domain('incoherence', inc.concern, inc.reason)
	]);
	return {
		treatment: e.treatment,
		comparator: e.comparator,
		estimate: e.estimate,
		ci: e.ci,
		pi: e.pi,
		...rated
	};
}

/** One certainty row per comparison (each unordered pair once, as the contribution matrix orders them). */
export function networkCertainty(
	network: OutcomeNetwork,
	fit: NetworkFit,
	mid: number
): NetworkCertaintyRow[] {
	const rows: NetworkCertaintyRow[] = [];
	const T = fit.treatments;
	for (let i = 0; i < T.length; i++)
		for (let j = i + 1; j < T.length; j++) {
			const e = fit.league.find((x) => x.treatment === T[j] && x.comparator === T[i])!;
			rows.push(estimateCertainty(network, fit, e, mid));
		}
	return rows;
}

/** Each study's total share of one network estimate (over the direct comparisons it informs). */
export function studyShares(
	fit: NetworkFit,
	network: OutcomeNetwork,
	treatment: string,
	comparator: string
): { key: string; label: string; share: number }[] {
	const by = new Map<string, { key: string; label: string; share: number }>();
	for (const x of studyEdgeShares(fit, network, treatment, comparator)) {
		const e = by.get(x.study.study_id) ?? { key: x.study.study_id, label: x.study.study, share: 0 };
		e.share += x.share;
		by.set(x.study.study_id, e);
	}
	return [...by.values()];
}
