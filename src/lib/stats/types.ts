/** Estimators of the between-study variance, as metafor's `rma(method=)`. FE = common effect. */
export type Method = 'REML' | 'DL' | 'PM' | 'FE';
/**
 * Inference for the pooled estimate: Wald z, Hartung-Knapp (`test="knha"`, t with k-1 df), or Hartung-Knapp with
 * the ad hoc correction (`test="adhoc"`: the variance factor is max(1, q), so never narrower than Wald scaled to t).
 */
export type TestType = 'z' | 'knha' | 'adhoc';

export interface Interval {
	lower: number;
	upper: number;
}

/** One study's effect size and sampling variance (metafor: yi, vi). */
export interface Effect {
	yi: number;
	vi: number;
}

export interface RmaOptions {
	method?: Method;
	test?: TestType;
	/** Confidence level in percent (default 95). */
	level?: number;
	/**
	 * Iteration limit of the iterative tau2 estimators (metafor `control = list(maxiter)`, default 100): REML
	 * Fisher scoring and the PM root search.
	 */
	maxiter?: number;
}

/** Result of a univariate random- or common-effect model (metafor `rma.uni` + `predict`). */
export interface RmaResult {
	k: number;
	/** Estimator actually used (after any fallback). */
	method: Method;
	/** Estimator requested. */
	requested: Method;
	test: TestType;
	level: number;
	estimate: number;
	se: number;
	/** z or t statistic. */
	statistic: number;
	/** Degrees of freedom of the t statistic (knha), null for z. */
	df: number | null;
	p: number;
	ci: Interval;
	/** Prediction interval (metafor predict()); equals the CI when tau2 = 0 or FE. */
	pi: Interval;
	tau2: number;
	/** Standard error of tau2 (metafor se.tau2; computed for REML, PM and DL), null for FE and for k = 1. */
	tau2_se: number | null;
	i2: number;
	h2: number;
	q: number;
	q_df: number;
	q_p: number;
	/** Per-study weights in percent (sum to 100), in input order. */
	weights: number[];
	/** Plain notes, e.g. "REML did not converge; PM used instead". */
	notes: string[];
}
