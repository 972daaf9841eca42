/**
 * Restricted (REML) log-likelihood of the multivariate model y = X beta + u + e, u ~ N(0, G), e ~ N(0, V), with
 * M = V + G block diagonal over studies, W = M^-1, beta = (X'WX)^-1 X'Wy, as metafor's `rma.mv` (REMLf = TRUE):
 *   ll = -1/2 (N - p) log(2 pi) + 1/2 log|X'X| - 1/2 log|M| - 1/2 log|X'WX| - 1/2 (y - X beta)' W (y - X beta).
 * Gradient (Harville 1977, J Am Stat Assoc 72:320-340), P = W - W X (X'WX)^-1 X'W, D_k = dM / dtheta_k:
 *   dll/dtheta_k = -1/2 tr(P D_k) + 1/2 y'P D_k P y,  tr(P D_k) = sum_j tr(W_j D_kj) - tr((X'WX)^-1 sum_j X_j'W_j D_kj W_j X_j),
 * with P y = W (y - X beta) computed block by block, so one evaluation costs O(sum n_j^3 p + p^3).
 * Source: metafor 3.8-1 `.ll.rma.mv`; Harville (1977).
 */
import type { Cluster } from './clusters';
import { cholInverse, cholesky, logDetChol, matMul, transpose } from './matrix';
import { studyG, unpack, type MvStruct } from './structure';

export interface RemlState {
	ll: number;
	/** d ll / d theta (when asked). */
	grad: Float64Array | null;
	beta: Float64Array;
	/** (X'WX)^-1 (p x p). */
	vb: Float64Array;
	/** Per study: M_j = V_j + G_j, its inverse W_j and the residuals e_j = y_j - X_j beta. */
	M: Float64Array[];
	W: Float64Array[];
	e: Float64Array[];
}

/** 1/2 log|X'X| - 1/2 (N - p) log(2 pi): the parts of the REML log-likelihood that do not depend on theta. */
export function remlConstant(clusters: Cluster[], p: number): number {
	const xtx = new Float64Array(p * p);
	let N = 0;
	for (const c of clusters) {
		N += c.n;
		const t = matMul(transpose(c.X, c.n, p), c.X, p, c.n, p);
		for (let i = 0; i < p * p; i++) xtx[i]! += t[i]!;
	}
	const l = cholesky(xtx, p);
	if (!l) throw new RangeError('the design matrix is not of full rank (a coefficient without rows?)');
	return 0.5 * logDetChol(l, p) - 0.5 * (N - p) * Math.log(2 * Math.PI);
}

/**
 * Evaluates the REML log-likelihood at theta (metafor's transformed scale, see structure.ts); null when M or
 * X'WX is not positive definite or a value is not finite.
 */
export function remlEval(
	clusters: Cluster[],
	p: number,
	struct: MvStruct,
	theta: ArrayLike<number>,
	constant: number,
	gradient: boolean
): RemlState | null {
	const par = unpack(struct, theta);
	const xwx = new Float64Array(p * p);
	const xwy = new Float64Array(p);
	let logDetM = 0;
	const M: Float64Array[] = [];
	const W: Float64Array[] = [];
	const dGs: Float64Array[][] = [];
	const WX: Float64Array[] = [];
	for (const c of clusters) {
		const { G, dG } = studyG(struct, par, c, gradient);
		const n = c.n;
		const m = c.V.map((v, i) => v + G[i]!);
		const l = cholesky(m, n);
		if (!l) return null;
		logDetM += logDetChol(l, n);
		const w = cholInverse(l, n);
		const wx = matMul(w, c.X, n, n, p);
		for (let r = 0; r < n; r++)
			for (let i = 0; i < p; i++) {
				const wxri = wx[r * p + i]!;
				xwy[i]! += wxri * c.y[r]!;
				for (let j = 0; j < p; j++) xwx[i * p + j]! += wxri * c.X[r * p + j]!;
			}
		M.push(m);
		W.push(w);
		WX.push(wx);
		dGs.push(dG);
	}
	const lx = cholesky(xwx, p);
	if (!lx) return null;
	const vb = cholInverse(lx, p);
	const beta = matMul(vb, xwy, p, p, 1);
	let rss = 0;
	const e: Float64Array[] = [];
	const u: Float64Array[] = [];
	clusters.forEach((c, j) => {
		const fit = matMul(c.X, beta, c.n, p, 1);
		const ej = c.y.map((y, i) => y - fit[i]!);
		const uj = matMul(W[j]!, ej, c.n, c.n, 1);
		for (let i = 0; i < c.n; i++) rss += ej[i]! * uj[i]!;
		e.push(ej);
		u.push(uj);
	});
	const ll = constant - 0.5 * logDetM - 0.5 * logDetChol(lx, p) - 0.5 * rss;
	if (!Number.isFinite(ll)) return null;
	const grad = gradient ? remlGradient(clusters, p, W, WX, u, dGs, vb) : null;
	if (grad && !grad.every(Number.isFinite)) return null;
	return { ll, grad, beta, vb, M, W, e };
}

function remlGradient(
	clusters: Cluster[],
	p: number,
	W: Float64Array[],
	WX: Float64Array[],
	u: Float64Array[],
	dGs: Float64Array[][],
	vb: Float64Array
): Float64Array {
	const np = dGs[0]!.length;
	const grad = new Float64Array(np);
	const A = new Float64Array(p * p);
	const row = new Float64Array(p);
	for (let k = 0; k < np; k++) {
		let trWD = 0;
		let quad = 0;
		A.fill(0);
		clusters.forEach((c, j) => {
			const n = c.n;
			const D = dGs[j]![k]!;
			const w = W[j]!;
			const uj = u[j]!;
			const wx = WX[j]!;
			for (let a = 0; a < n; a++) {
				row.fill(0);
				for (let b = 0; b < n; b++) {
					const dab = D[a * n + b]!;
					trWD += w[a * n + b]! * dab; // D symmetric: tr(W D) = sum_ab W_ab D_ab
					quad += uj[a]! * dab * uj[b]!;
					for (let i = 0; i < p; i++) row[i]! += dab * wx[b * p + i]!;
				}
				// A += (WX)_a' (D WX)_a, row a of D WX being `row`
				for (let i = 0; i < p; i++) {
					const wxai = wx[a * p + i]!;
					if (wxai !== 0) for (let l = 0; l < p; l++) A[i * p + l]! += wxai * row[l]!;
				}
			}
		});
		let trBA = 0;
		for (let i = 0; i < p * p; i++) trBA += vb[i]! * A[i]!;
		grad[k] = -0.5 * (trWD - trBA) + 0.5 * quad;
	}
	return grad;
}
