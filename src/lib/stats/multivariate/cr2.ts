/**
 * Cluster-robust (CR2, "bias-reduced linearisation") covariance of the coefficients with Satterthwaite degrees of
 * freedom, as `clubSandwich::vcovCR(fit, cluster = study, type = "CR2")` with `coef_test`/`linear_contrast`
 * (test = "Satterthwaite") for an rma.mv fit, i.e. metafor's `robust(fit, cluster = study, clubSandwich = TRUE)`.
 * With working covariance M_j (the fitted V_j + G_j), W_j = M_j^-1, B = (X'WX)^-1, L_j L_j' = M_j (Cholesky):
 *   A_j = L_j [L_j' (M_j - X_j B X_j') L_j]^(-1/2) L_j'   (generalised inverse root: eigenvalues <= 1e-12 -> 0),
 *   V_CR2 = B [sum_j X_j' W_j A_j e_j e_j' A_j W_j X_j] B = sum_j f_j f_j', f_j = B X_j' W_j A_j e_j.
 * For a contrast c, q_j' = c' B X_j' W_j A_j; with g_j = |q_j' L_j|^2 and h_j = L_B' X_j' q_j (L_B L_B' = B),
 * P_jk = [j = k] g_j - h_j'h_k and df = 2 E^2 / Var = (tr P)^2 / sum_jk P_jk^2 (Bell & McCaffrey 2002;
 * Pustejovsky & Tipton 2018, J Bus Econ Stat 36:672-683, section 3; Tipton & Pustejovsky 2015, J Educ Behav Stat 40).
 * sum_jk P_jk^2 = sum_j g_j^2 - 2 sum_j g_j |h_j|^2 + |sum_j h_j h_j'|_F^2, so nothing larger than p x p is built.
 */
import { alphaFromLevel, pt, qt } from '../distributions';
import type { Interval } from '../types';
import type { MvFit } from './fit-mv';
import { cholesky, matMul, symmetricPower, transpose } from './matrix';

export interface Cr2 {
	/** CR2 covariance of the coefficients (p x p). */
	vb: number[][];
	/** Per study: f_j = Q_j e_j (p), Q_j L_j (p x n_j) and H_j = Q_j X_j L_B (p x p), Q_j = B X_j'W_j A_j. */
	f: Float64Array[];
	qL: Float64Array[];
	H: Float64Array[];
	n: number[];
	p: number;
	beta: Float64Array;
}

export interface RobustEstimate {
	estimate: number;
	se: number;
	/** Satterthwaite degrees of freedom. */
	df: number;
	t: number;
	p: number;
	ci: Interval;
}

/** The CR2 sandwich of a fitted multivariate model (clusters = its studies). */
export function cr2(fit: MvFit): Cr2 {
	const { clusters, p, state } = fit.model;
	if (clusters.length < 2) throw new RangeError('cluster-robust inference needs at least two studies');
	const B = state.vb;
	const lb = cholesky(B, p)!;
	const vb = new Float64Array(p * p);
	const f: Float64Array[] = [];
	const qL: Float64Array[] = [];
	const H: Float64Array[] = [];
	clusters.forEach((c, j) => {
		const n = c.n;
		const M = state.M[j]!;
		const L = cholesky(M, n)!;
		const Lt = transpose(L, n, n);
		const xbx = matMul(matMul(c.X, B, n, p, p), transpose(c.X, n, p), n, p, n);
		const inner = matMul(
			matMul(
				Lt,
				M.map((m, i) => m - xbx[i]!),
				n,
				n,
				n
			),
			L,
			n,
			n,
			n
		);
		const A = matMul(matMul(L, symmetricPower(inner, n, -0.5), n, n, n), Lt, n, n, n);
		const xtw = matMul(transpose(c.X, n, p), state.W[j]!, p, n, n);
		const Q = matMul(B, matMul(xtw, A, p, n, n), p, p, n);
		const fj = matMul(Q, state.e[j]!, p, n, 1);
		for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) vb[a * p + b]! += fj[a]! * fj[b]!;
		f.push(fj);
		qL.push(matMul(Q, L, p, n, n));
		H.push(matMul(matMul(Q, c.X, p, n, p), lb, p, p, p));
	});
	return {
		vb: Array.from({ length: p }, (_, i) => Array.from(vb.subarray(i * p, i * p + p))),
		f,
		qL,
		H,
		n: clusters.map((c) => c.n),
		p,
		beta: state.beta
	};
}

/**
 * Robust estimate, SE, Satterthwaite df, t test and CI of c' beta (clubSandwich `linear_contrast`; for a unit
 * vector, `coef_test` and `conf_int`).
 */
export function robustContrast(r: Cr2, c: ArrayLike<number>, level = 95): RobustEstimate {
	const p = r.p;
	if (c.length !== p) throw new RangeError(`the contrast needs ${p} entries`);
	let estimate = 0;
	for (let i = 0; i < p; i++) estimate += c[i]! * r.beta[i]!;
	let v = 0;
	let E = 0;
	let sumP2 = 0;
	const S = new Float64Array(p * p);
	r.f.forEach((fj, j) => {
		let cf = 0;
		for (let i = 0; i < p; i++) cf += c[i]! * fj[i]!;
		v += cf * cf;
		const n = r.n[j]!;
		let g = 0;
		for (let a = 0; a < n; a++) {
			let s = 0;
			for (let i = 0; i < p; i++) s += c[i]! * r.qL[j]![i * n + a]!;
			g += s * s;
		}
		const h = new Float64Array(p);
		for (let b = 0; b < p; b++) for (let i = 0; i < p; i++) h[b]! += c[i]! * r.H[j]![i * p + b]!;
		let hh = 0;
		for (let a = 0; a < p; a++) {
			hh += h[a]! * h[a]!;
			for (let b = 0; b < p; b++) S[a * p + b]! += h[a]! * h[b]!;
		}
		E += g - hh;
		sumP2 += g * g - 2 * g * hh;
	});
	for (let i = 0; i < p * p; i++) sumP2 += S[i]! * S[i]!;
	const df = (E * E) / sumP2;
	const se = Math.sqrt(v);
	const t = estimate / se;
	const crit = df > 0 ? qt(1 - alphaFromLevel(level) / 2, df) : NaN;
	return {
		estimate,
		se,
		df,
		t,
		p: df > 0 ? 2 * pt(Math.abs(t), df, false) : NaN,
		ci: { lower: estimate - crit * se, upper: estimate + crit * se }
	};
}

/** Robust results for every coefficient (metafor `robust(fit, cluster, clubSandwich = TRUE)`). */
export function robustCoefficients(r: Cr2, level = 95): RobustEstimate[] {
	return Array.from({ length: r.p }, (_, i) =>
		robustContrast(
			r,
			Array.from({ length: r.p }, (_, j) => (i === j ? 1 : 0)),
			level
		)
	);
}
