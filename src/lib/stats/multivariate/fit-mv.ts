/**
 * Multivariate random-effects model over timepoints fitted by REML, as metafor's
 * `rma.mv(yi, V, mods = X, random = ~ time | study, struct = "CAR" | "AR" | "HAR")`: the variance parameters
 * maximise the restricted log-likelihood (reml.ts) by BFGS on metafor's transformed scale (log tau^2, and
 * logit rho for CAR or atanh rho for AR/HAR), with at most `maxIterations` iterations; then
 * beta = (X'WX)^-1 X'Wy with covariance (X'WX)^-1, and Wald z tests and intervals (metafor's default test = "z").
 * Source: metafor 3.8-1 `?rma.mv`; Viechtbauer (2010), J Stat Softw 36(3); Ishak et al. (2007), Clin Trials 4:525.
 */
import { alphaFromLevel, pnorm, qnorm } from '../distributions';
import type { Interval } from '../types';
import { bfgsMax } from './bfgs';
import { buildClusters, type Cluster, type MvData } from './clusters';
import { remlConstant, remlEval, type RemlState } from './reml';
import { pack, parameterCount, unpack, type MvStruct, type VarianceParameters } from './structure';

export interface MvOptions {
	struct?: MvStruct;
	/** Confidence level in percent (default 95). */
	level?: number;
	/** Iteration limit of the optimiser (default 200). */
	maxIterations?: number;
	/** Variance parameters held fixed instead of estimated (metafor `rma.mv(tau2 =, rho =)`). */
	fixed?: VarianceParameters;
}

export interface MvCoefficient {
	estimate: number;
	se: number;
	z: number;
	p: number;
	ci: Interval;
}

export interface MvFit {
	struct: MvStruct;
	/** Number of rows (estimates) and of studies. */
	k: number;
	studies: number;
	level: number;
	coefficients: MvCoefficient[];
	/** Covariance of the coefficients, (X'WX)^-1. */
	vb: number[][];
	/** tau^2 (one per distinct time, in increasing order, for HAR). */
	tau2: number[];
	rho: number;
	/** Restricted log-likelihood at the estimates (as metafor's logLik()). */
	logLik: number;
	converged: boolean;
	iterations: number;
	/** Distinct values of the time variable (the HAR levels). */
	levels: number[];
	notes: string[];
	/** What robust and predict need: the studies and the model at the estimates. */
	model: { clusters: Cluster[]; p: number; state: RemlState };
}

/** Starting values: tau^2 from the residuals of the fit with G = 0 (at least 1% of the mean vi), rho = 0.5. */
function start(clusters: Cluster[], p: number, struct: MvStruct, nLevels: number, constant: number) {
	const zero = remlEval(clusters, p, 'CAR', [-700, 0], constant, false);
	let ss = 0;
	let sv = 0;
	let N = 0;
	clusters.forEach((c, j) => {
		for (let i = 0; i < c.n; i++) ss += zero ? zero.e[j]![i]! ** 2 : 0;
		for (let i = 0; i < c.n; i++) sv += c.V[i * c.n + i]!;
		N += c.n;
	});
	const tau2 = Math.max(0.01 * (sv / N), ss / Math.max(1, N - p) - sv / N);
	return pack(struct, { tau2: Array.from({ length: struct === 'HAR' ? nLevels : 1 }, () => tau2), rho: 0.5 });
}

/**
 * Fits the model to rows of (study, time, yi, vi, design row).
 * @example rmaMv({ cluster, yi, vi, X, time: week, phi: 0.7 }, { struct: 'CAR' }).coefficients[0].estimate
 */
export function rmaMv(data: MvData, options: MvOptions = {}): MvFit {
	const struct = options.struct ?? 'CAR';
	const level = options.level ?? 95;
	const { clusters, p, levels } = buildClusters(data);
	const k = data.yi.length;
	const np = parameterCount(struct, levels.length);
	if (k - p < np)
		throw new RangeError(`too few estimates (${k}) for ${p} coefficients and ${np} variance parameters`);
	const constant = remlConstant(clusters, p);
	const f = (theta: Float64Array) => {
		const s = remlEval(clusters, p, struct, theta, constant, true);
		return s ? { value: s.ll, grad: s.grad! } : null;
	};
	const opt = options.fixed
		? { x: pack(struct, options.fixed), converged: true, iterations: 0, atBound: [] as number[] }
		: bfgsMax(f, start(clusters, p, struct, levels.length, constant), {
				maxIterations: options.maxIterations ?? 200
			});
	const state = remlEval(clusters, p, struct, opt.x, constant, false);
	if (!state)
		throw new RangeError('the marginal covariance is not positive definite at these variance parameters');
	const par = unpack(struct, opt.x);
	const notes: string[] = [];
	if (!opt.converged)
		notes.push(
			`REML optimisation did not converge in ${opt.iterations} iterations; estimates are provisional`
		);
	if (opt.atBound.length)
		notes.push(
			opt.atBound.some((i) => i < np - 1)
				? 'a between-study variance is estimated at (nearly) zero'
				: 'the correlation over time is estimated at its bound'
		);
	const z = qnorm(1 - alphaFromLevel(level) / 2);
	const coefficients = Array.from(state.beta, (estimate, j) => {
		const se = Math.sqrt(state.vb[j * p + j]!);
		const stat = estimate / se;
		return {
			estimate,
			se,
			z: stat,
			p: 2 * pnorm(Math.abs(stat), false),
			ci: { lower: estimate - z * se, upper: estimate + z * se }
		};
	});
	return {
		struct,
		k,
		studies: clusters.length,
		level,
		coefficients,
		vb: Array.from({ length: p }, (_, i) => Array.from(state.vb.subarray(i * p, i * p + p))),
		tau2: par.tau2,
		rho: par.rho,
		logLik: state.ll,
		converged: opt.converged,
		iterations: opt.iterations,
		levels,
		notes,
		model: { clusters, p, state }
	};
}
