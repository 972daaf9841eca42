/**
 * Network estimates for every pair of treatments from the consistency fit (beta = effects versus the reference,
 * the reference fixed at 0): d_ab = beta_a - beta_b, var = V_aa + V_bb - 2 V_ab; Wald z, two-sided p and
 * CI d -/+ z_{1-alpha/2} se. Prediction interval d -/+ crit sqrt(se^2 + tau^2) with crit = z_{1-alpha/2} (metafor's
 * predict()) or t_{1-alpha/2, df} with df = the network Q's degrees of freedom (netmeta; none when df = 0).
 * Source: Higgins, Thompson & Spiegelhalter (2009) JRSS A 172:137; metafor `predict.rma`; Balduzzi et al. (2023).
 */
import { pnorm, qt } from '../distributions';
import { zCrit } from '../interval';
import type { Matrix } from './linalg';
import type { PairEstimate } from './types';

export interface LeagueInput {
	/** Treatments, the reference first. */
	treatments: readonly string[];
	beta: readonly number[];
	vcov: Matrix;
	tau2: number;
	level: number;
	predictionQuantile: 'z' | 't';
	/** Degrees of freedom of the t quantile. */
	df: number;
}

/**
 * Effect of treatments[i] versus treatments[j].
 * @example pairEstimate(input, 1, 0) // the first treatment versus the reference
 */
export function pairEstimate(x: LeagueInput, i: number, j: number): PairEstimate {
	const b = (k: number) => (k === 0 ? 0 : x.beta[k - 1]!);
	const v = (k: number, l: number) => (k === 0 || l === 0 ? 0 : x.vcov[k - 1]![l - 1]!);
	const estimate = b(i) - b(j);
	const variance = v(i, i) + v(j, j) - 2 * v(i, j);
	if (!(variance > 0)) throw new RangeError('non-positive variance of a network estimate');
	const se = Math.sqrt(variance);
	const z = estimate / se;
	const crit = zCrit(x.level);
	const piCrit =
		x.predictionQuantile === 'z' ? crit : x.df >= 1 ? qt(1 - (1 - x.level / 100) / 2, x.df) : NaN;
	const half = piCrit * Math.sqrt(variance + x.tau2);
	return {
		treatment: x.treatments[i]!,
		comparator: x.treatments[j]!,
		estimate,
		se,
		z,
		p: 2 * pnorm(Math.abs(z), false),
		ci: { lower: estimate - crit * se, upper: estimate + crit * se },
		pi: Number.isFinite(half) ? { lower: estimate - half, upper: estimate + half } : null
	};
}

/** All ordered pairs (i, j), i != j, row by row. */
export function leagueTable(x: LeagueInput): PairEstimate[] {
	const out: PairEstimate[] = [];
	for (let i = 0; i < x.treatments.length; i++)
		for (let j = 0; j < x.treatments.length; j++) if (i !== j) out.push(pairEstimate(x, i, j));
	return out;
}
