/**
 * Generalised least squares for a linear model on the studies' contrasts, given by mapping every arm of every
 * study to a parameter column (-1 = fixed at 0). The consistency model maps an arm to its treatment's column (the
 * reference treatment has none); the design-by-treatment interaction model maps it to its design's own columns.
 *   beta = (X'WX)^-1 X'W y,   vcov = (X'WX)^-1,   Q = (y - X beta)' W (y - X beta),
 * with X'WX = sum_s C_s' L_s C_s and X'W y = sum_s C_s' L_s t_s (see block.ts), so only p x p matrices are formed.
 * With `extras` it also returns, for M = blockdiag(P_s) and R = W - W X (X'WX)^-1 X'W:
 *   tr(R M) = tr(W M) - tr(vcov X'WMWX),   y'RMRy = sum_s e_s' W M W e_s,
 *   tr(RMRM) = tr(WMWM) - 2 tr(vcov X'WMWMWX) + tr((vcov X'WMWX)^2).
 * Source: Salanti et al. (2008) Stat Methods Med Res 17:279; Jackson, White & Riley (2012) Stat Med 31:3805;
 * Harville (1977) JASA 72:320 (REML score and information).
 */
import type { StudyBlock } from './block';
import { cholesky, cholInverse, logDetChol, matMul, traceProd, zeros, type Matrix } from './linalg';

/** Parameter columns: `cols[s][a]` is the column of arm a of study s, -1 for none. */
export interface ArmModel {
	q: number;
	cols: number[][];
}

export interface GlsResult {
	beta: number[];
	vcov: Matrix;
	/** Residual Q statistic. */
	q: number;
	/** Q contribution of each study. */
	studyQ: number[];
	logDetXtWX: number;
	/** Residuals per arm (t_a - beta[c_a]) per study. */
	residuals: number[][];
	trRP?: number;
	yRPRy?: number;
	trRPRP?: number;
}

function scatter(target: Matrix, L: Matrix, cols: number[]): void {
	for (let a = 0; a < cols.length; a++) {
		const ca = cols[a]!;
		if (ca < 0) continue;
		const row = target[ca]!;
		for (let b = 0; b < cols.length; b++) {
			const cb = cols[b]!;
			if (cb >= 0) row[cb] = row[cb]! + L[a]![b]!;
		}
	}
}

function quad(L: Matrix, r: number[]): number {
	let s = 0;
	for (let a = 0; a < r.length; a++) for (let b = 0; b < r.length; b++) s += r[a]! * L[a]![b]! * r[b]!;
	return s;
}

/**
 * Fits the model; null when X'WX is singular (a parameter without data).
 * @example glsFit([studyBlock(s1, 0)!, studyBlock(s2, 0)!], { q: 1, cols: [[-1, 0], [-1, 0]] })
 * // beta: the inverse-variance mean of the two B vs A contrasts
 */
export function glsFit(blocks: readonly StudyBlock[], model: ArmModel, extras = false): GlsResult | null {
	const { q: p, cols } = model;
	const xtwx = zeros(p);
	const xtwy = new Array<number>(p).fill(0);
	blocks.forEach((bl, s) => {
		const c = cols[s]!;
		scatter(xtwx, bl.L, c);
		for (let a = 0; a < bl.m; a++) {
			if (c[a]! < 0) continue;
			let v = 0;
			for (let b = 0; b < bl.m; b++) v += bl.L[a]![b]! * bl.t[b]!;
			xtwy[c[a]!] = xtwy[c[a]!]! + v;
		}
	});
	const chol = cholesky(xtwx);
	if (!chol) return null;
	const vcov = cholInverse(chol);
	const beta = vcov.map((row) => row.reduce((acc, v, j) => acc + v * xtwy[j]!, 0));
	const residuals = blocks.map((bl, s) =>
		bl.t.map((t, a) => t - (cols[s]![a]! >= 0 ? beta[cols[s]![a]!]! : 0))
	);
	const studyQ = blocks.map((bl, s) => quad(bl.L, residuals[s]!));
	const out: GlsResult = {
		beta,
		vcov,
		q: studyQ.reduce((a, b) => a + b, 0),
		studyQ,
		logDetXtWX: logDetChol(chol),
		residuals
	};
	if (!extras) return out;
	const b1 = zeros(p);
	const b2 = zeros(p);
	let trWP = 0;
	let trWPWP = 0;
	let yRPRy = 0;
	blocks.forEach((bl, s) => {
		if (!bl.LP || !bl.LPP || bl.trWP === undefined || bl.trWPWP === undefined)
			throw new Error('glsFit extras need study blocks built with extras');
		scatter(b1, bl.LP, cols[s]!);
		scatter(b2, bl.LPP, cols[s]!);
		trWP += bl.trWP;
		trWPWP += bl.trWPWP;
		yRPRy += quad(bl.LP, residuals[s]!);
	});
	const ab1 = matMul(vcov, b1);
	out.trRP = trWP - traceProd(vcov, b1);
	out.yRPRy = yRPRy;
	out.trRPRP = trWPWP - 2 * traceProd(vcov, b2) + traceProd(ab1, ab1);
	return out;
}
