/**
 * Fitting a univariate random- or common-effect model with an intercept and at most one moderator, as metafor's
 * `rma.uni` (weighted estimation, no user weights): tau^2 (with fallback), beta = (X'WX)^-1 X'WY with
 * W = diag(1/(vi + tau2)), Wald z or Hartung-Knapp t tests, and the Q test with I^2 and H^2.
 * Knapp-Hartung (metafor `test = "knha"`): vb is multiplied by s2w = Y'PY / (k - p) (0 when Y'PY <= eps), and
 * t tests and intervals use k - p degrees of freedom. The ad hoc correction (metafor `test = "adhoc"`, Knapp &
 * Hartung 2003; Roever et al. 2015, BMC Med Res Methodol 15:99) uses max(1, s2w), so the interval is never narrower
 * than the Wald-type one scaled to t: with few studies and Q < k - 1 plain Hartung-Knapp can be narrower than Wald.
 * Heterogeneity: see `heterogeneity`. With s2w = 0 the SE is 0
 * and metafor's statistic is +-Inf (p = 0), or 0/0 = NaN for an estimate of exactly 0: here that one is 0 (p = 1).
 * Like metafor, a note warns when max(vi) / min(vi) >= 1e7. Unlike metafor, a fit whose tau2, coefficients,
 * standard errors or Q are not finite throws a RangeError (the evidence layer turns it into a note) instead of
 * returning NaN or Infinity.
 * Source: metafor `rma.uni` source and `?rma`; Higgins & Thompson (2002), Stat Med 21:1539-1558; Knapp & Hartung
 * (2003), Stat Med 22:2693-2710.
 */
import { alphaFromLevel, pnorm, pt, qnorm, qt } from './distributions';
import { checkInput, fullRank, varianceRatio, VARIANCE_RATIO_WARN } from './checks';
import { heterogeneity, type Heterogeneity } from './heterogeneity';
import { estimateTau2 } from './tau2';
import type { Interval, Method, RmaOptions, TestType } from './types';
import { inverseVarianceWeights, wls } from './wls';

export interface Coefficient {
	estimate: number;
	se: number;
	/** z or t statistic. */
	statistic: number;
	p: number;
	ci: Interval;
}

export interface ModelFit extends Heterogeneity {
	k: number;
	/** Number of coefficients. */
	p: 1 | 2;
	method: Method;
	requested: Method;
	test: TestType;
	level: number;
	coefficients: Coefficient[];
	/** Covariance of the coefficients (knha-scaled when test = "knha"). */
	vb: number[][];
	df: number | null;
	/** Critical value of the CIs (z or t quantile). */
	crit: number;
	tau2: number;
	tau2_se: number | null;
	/** Model weights 1/(vi + tau2), in input order. */
	w: Float64Array;
	notes: string[];
}

/**
 * Fits yi ~ 1 (+ xi) with sampling variances vi (metafor `rma.uni(yi, vi, mods = xi, ...)`).
 * @example fitModel(yi, vi, undefined, { method: 'REML' }).coefficients[0].estimate // -0.7145 for BCG
 */
export function fitModel(
	yi: ArrayLike<number>,
	vi: ArrayLike<number>,
	xi: ArrayLike<number> | undefined,
	options: RmaOptions = {}
): ModelFit {
	checkInput(yi, vi, xi);
	const requested = options.method ?? 'REML';
	const level = options.level ?? 95;
	const alpha = alphaFromLevel(level);
	let test = options.test ?? 'z';
	const k = yi.length;
	const p = xi ? 2 : 1;
	const notes: string[] = [];
	if (p > k || (requested !== 'FE' && p + 1 > k && !(p === 1 && k === 1))) {
		throw new RangeError(`too few studies (k = ${k}) for ${p} coefficient(s) and tau2`);
	}
	if (xi && !fullRank(xi))
		throw new RangeError('the moderator is (nearly) constant: model matrix not of full rank');
	const ratio = varianceRatio(vi);
	if (Number.isFinite(ratio) && ratio >= VARIANCE_RATIO_WARN)
		notes.push(
			`The largest sampling variance is ${ratio.toExponential(1)} times the smallest: results may be numerically unstable (metafor warns from 1e7).`
		);
	if (k === 1 && test !== 'z') {
		test = 'z';
		notes.push('Hartung-Knapp needs k >= 2; the z test is used for a single study, as metafor does.');
	}
	const t2 =
		k === 1
			? { tau2: 0, se: null, method: requested, notes: [] as string[] }
			: estimateTau2(yi, vi, requested, xi, options.maxiter ?? 100);
	notes.push(...t2.notes);
	const w = inverseVarianceWeights(vi, t2.tau2);
	const f = wls(yi, w, xi);
	let s2w = 1;
	const df = test === 'z' ? null : k - p;
	if (test === 'knha') s2w = f.rss <= Number.EPSILON ? 0 : f.rss / (k - p);
	if (test === 'adhoc') s2w = Math.max(1, f.rss / (k - p));
	const vb = f.vb.map((row) => row.map((v) => v * s2w));
	const crit = df === null ? qnorm(alpha / 2, false) : df > 0 ? qt(alpha / 2, df, false) : NaN;
	const coefficients = f.beta.map((estimate, j) => {
		const se = Math.sqrt(vb[j]![j]!);
		// knha with every study on the fit: se = 0 (metafor); 0 / 0 is read as z = 0 rather than NaN
		const statistic = se === 0 && estimate === 0 ? 0 : estimate / se;
		const pval =
			df === null
				? 2 * pnorm(Math.abs(statistic), false)
				: df > 0
					? 2 * pt(Math.abs(statistic), df, false)
					: NaN;
		return {
			estimate,
			se,
			statistic,
			p: pval,
			ci: { lower: estimate - crit * se, upper: estimate + crit * se }
		};
	});
	const het = heterogeneity(yi, vi, t2.tau2, requested === 'FE', xi);
	const bad = [
		['tau2', t2.tau2],
		['Q', het.q],
		...coefficients.flatMap((c, j) => [
			[`coefficient ${j}`, c.estimate],
			[`its standard error`, c.se]
		])
	].find(([, v]) => !Number.isFinite(v as number));
	if (bad)
		throw new RangeError(`the ${bad[0]} of the model is not finite (${bad[1]}): the inputs are too extreme`);
	return {
		k,
		p,
		method: t2.method,
		requested,
		test,
		level,
		coefficients,
		vb,
		df,
		crit,
		tau2: t2.tau2,
		tau2_se: t2.se,
		...het,
		w,
		notes
	};
}
