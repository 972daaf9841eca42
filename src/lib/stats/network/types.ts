/**
 * Types of the network meta-analysis engine (NMA.md section 1): input studies on the contrast scale, options and
 * the result of one analysis per connected part of the network.
 */
import type { Interval } from '../types';
import type { Matrix } from './linalg';

/** Effect measures built from arm-level data: mean difference, standardised mean difference, log risk ratio. */
export type NetworkMeasure = 'MD' | 'SMD' | 'RR';

/**
 * One study on the contrast scale. `treatments[0]` is the study's reference arm; `y[j]` is the effect of
 * `treatments[j + 1]` versus `treatments[0]` and `V` the (m - 1) x (m - 1) within-study covariance of `y`.
 */
export interface StudyContrasts {
	id: string;
	treatments: string[];
	y: number[];
	V: Matrix;
	/** Participants per arm, in the order of `treatments`, when known (for node sizes). */
	n?: number[];
}

/**
 * Between-study variance: generalised DerSimonian-Laird (netmeta's default), REML (metafor rma.mv), common effect
 * (tau^2 = 0), or `fixed` when `NetworkOptions.tau2` is given.
 */
export type NetworkMethod = 'DL' | 'REML' | 'FE';

export interface NetworkOptions {
	/** Default 'DL' (netmeta-compatible). */
	method?: NetworkMethod;
	/** Fix tau^2 at this value (overrides `method`; metafor `rma.mv(tau2 = )`). */
	tau2?: number;
	/** Network reference treatment (default: the treatment in most studies, ties alphabetical). */
	reference?: string;
	/** Confidence level in percent (default 95). */
	level?: number;
	/**
	 * Quantile of the prediction intervals: 't' with the network Q's degrees of freedom (netmeta, CINeMA; the
	 * default) or 'z' (normal, metafor's predict()).
	 */
	predictionQuantile?: 'z' | 't';
	/** Whether small effects are good (pain, default) or bad, for P-scores. */
	smallValues?: 'good' | 'bad';
	/** REML iteration limit (default 100). */
	maxiter?: number;
	/** Compute the contribution matrix (default true). */
	contributions?: boolean;
}

/** The effect of `treatment` versus `comparator` (network estimate). */
export interface PairEstimate {
	treatment: string;
	comparator: string;
	estimate: number;
	se: number;
	z: number;
	p: number;
	ci: Interval;
	/** Prediction interval; null when its t quantile has no degrees of freedom (Q df = 0). */
	pi: Interval | null;
}

/** Heterogeneity of the consistency model: Q of the common-effect fit and I^2 (percent) with its interval. */
export interface NetworkHeterogeneity {
	q: number;
	df: number;
	p: number;
	/** I^2 = max(0, (Q - df) / Q) in percent. */
	i2: number;
	/** Higgins & Thompson (2002) interval for I^2 in percent (as netmeta), null when df < 2 and Q <= df + 1. */
	i2Ci: Interval | null;
}

/** Higgins et al. (2012) design-by-treatment interaction: Q decomposition and its random-effects test. */
export interface DesignByTreatment {
	designs: number;
	qWithin: number;
	qWithinDf: number;
	qBetween: number;
	qBetweenDf: number;
	pBetween: number;
	/** Within-design Q per design (designs with df > 0), e.g. "A:B". */
	perDesign: { design: string; q: number; df: number }[];
	/**
	 * Random effects: tau^2 within designs by the generalised DL on the interaction model, then
	 * Q = Q_consistency(tau2) - Q_interaction(tau2) on qBetweenDf. Null when qBetweenDf = 0.
	 */
	random: { tau2Within: number; q: number; df: number; p: number } | null;
}

/** Kinds of evidence behind one comparison in SIDE (node-splitting by back-calculation). */
export type SideKind = 'direct and indirect' | 'direct only' | 'indirect only' | 'no independent loop';

/** Separating indirect from direct evidence for one comparison (effect of `treatment` versus `comparator`). */
export interface SideResult {
	treatment: string;
	comparator: string;
	kind: SideKind;
	/** Studies with both treatments. */
	directStudies: number;
	network: number;
	/** Direct estimate and SE (null without direct evidence). */
	direct: number | null;
	directSe: number | null;
	indirect: number | null;
	indirectSe: number | null;
	/** Direct evidence proportion = var(network) / var(direct). */
	proportion: number | null;
	/** Direct - indirect, its z statistic and two-sided p (only for 'direct and indirect'). */
	difference: number | null;
	z: number | null;
	p: number | null;
	/** Plain-language note, e.g. why there is no p-value. */
	note: string;
}

/** P-score (Rucker & Schwarzer 2015): mean probability of being better than each other treatment. */
export interface PScore {
	treatment: string;
	pscore: number;
}

/** Each study's share (proportions summing to 1) in the network estimate of one comparison. */
export interface ContributionRow {
	treatment: string;
	comparator: string;
	/** Shares per study, in the order of `NetworkFit.studies`. */
	studies: number[];
	/** Shares per direct comparison (edge) "A:B". */
	edges: { treatment: string; comparator: string; share: number }[];
}

/** One analysis of a connected network. */
export interface NetworkFit {
	/** Treatments, the reference first. */
	treatments: string[];
	reference: string;
	/** Study ids, in input order. */
	studies: string[];
	contrasts: number;
	/** How tau^2 was set ('fixed' = given by the caller). */
	method: NetworkMethod | 'fixed';
	tau2: number;
	/** REML: Fisher-scoring iterations; null for other methods. */
	iterations: number | null;
	level: number;
	predictionQuantile: 'z' | 't';
	/** Degrees of freedom of the prediction t quantile (Q df), null for 'z'. */
	predictionDf: number | null;
	heterogeneity: NetworkHeterogeneity;
	/** Every treatment versus the reference, in the order of `treatments` (without the reference). */
	vsReference: PairEstimate[];
	/** Covariance of the estimates versus the reference. */
	vcov: Matrix;
	/** Every ordered pair (treatment, comparator), treatment != comparator. */
	league: PairEstimate[];
	designByTreatment: DesignByTreatment;
	side: SideResult[];
	pscores: PScore[];
	/** null when not requested. */
	contributions: ContributionRow[] | null;
	notes: string[];
}

/** The analysis of a whole network: one fit per connected part. */
export interface NetworkAnalysis {
	components: NetworkFit[];
	connected: boolean;
	/** Set when the network is disconnected: what is analysed separately and why. */
	message: string | null;
}
