/**
 * One study's part of the GLS model at a given tau^2. With Sigma = V + tau^2 P (P: 1 on the diagonal, 1/2 off it;
 * consistency with a common tau^2, Higgins & Whitehead 1996) and W = Sigma^-1, the study's contrasts are
 * y = D t, where t = (0, y) holds arm "values" relative to the study reference and D (row j: e_{j+1} - e_0) maps
 * arms to contrasts. Its arm-level information is the Laplacian L = D' W D (rows sum to 0): the GLS normal
 * equations of any model that maps arms to parameter columns are sums of L and L t scattered into those columns.
 * -L_ab is the weight of the (a, b) comparison in the study (Rucker 2012's reduced weight for multi-arm studies).
 * For tau^2 estimation it also returns D' W P W D, D' W P W P W D, tr(W P) and tr(W P W P).
 * Source: Rucker (2012), Res Synth Methods 3:312; Jackson, White & Riley (2012) Stat Med 31:3805 (generalised DL).
 */
import { cholesky, cholInverse, logDetChol, matMul, traceProd, type Matrix } from './linalg';
import type { StudyContrasts } from './types';

export interface StudyBlock {
	/** Number of arms. */
	m: number;
	/** Arm values relative to the study reference: [0, y_1, ..., y_{m-1}]. */
	t: number[];
	/** m x m Laplacian D' W D. */
	L: Matrix;
	logDetSigma: number;
	/** Present when `extras` was asked for. */
	LP?: Matrix;
	LPP?: Matrix;
	trWP?: number;
	trWPWP?: number;
}

/** P: 1 on the diagonal, 1/2 off it. */
export function halfCorrelation(k: number): Matrix {
	return Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? 1 : 0.5)));
}

/**
 * D' Z D for a symmetric (m-1) x (m-1) Z: entry (j+1, k+1) = Z_jk, (0, k+1) = -sum_j Z_jk, (0, 0) = sum Z.
 * @example expandToArms([[2]]) // [[2, -2], [-2, 2]]
 */
export function expandToArms(z: Matrix): Matrix {
	const k = z.length;
	const out: Matrix = Array.from({ length: k + 1 }, () => new Array<number>(k + 1).fill(0));
	let total = 0;
	for (let j = 0; j < k; j++) {
		let col = 0;
		for (let i = 0; i < k; i++) {
			out[i + 1]![j + 1] = z[i]![j]!;
			col += z[i]![j]!;
		}
		out[0]![j + 1] = -col;
		out[j + 1]![0] = -col;
		total += col;
	}
	out[0]![0] = total;
	return out;
}

const pair = (x: number): Matrix => [
	[x, -x],
	[-x, x]
];

/** Closed form for a two-arm study (Sigma = v + tau^2 is a scalar, W = 1 / Sigma): the common case, kept fast. */
function twoArmBlock(y: number, sigma: number, extras: boolean): StudyBlock | null {
	if (!(sigma > 0) || !Number.isFinite(sigma)) return null;
	const w = 1 / sigma;
	const block: StudyBlock = { m: 2, t: [0, y], L: pair(w), logDetSigma: Math.log(sigma) };
	if (extras) {
		block.LP = pair(w * w);
		block.LPP = pair(w * w * w);
		block.trWP = w;
		block.trWPWP = w * w;
	}
	return block;
}

/**
 * The study's block at tau^2, or null when V + tau^2 P is not positive definite.
 * @example studyBlock({ id: 'S', treatments: ['A', 'B'], y: [1], V: [[0.5]] }, 0).L // [[2, -2], [-2, 2]]
 */
export function studyBlock(s: StudyContrasts, tau2: number, extras = false): StudyBlock | null {
	const k = s.y.length;
	if (k === 1) return twoArmBlock(s.y[0]!, s.V[0]![0]! + tau2, extras);
	const P = halfCorrelation(k);
	const sigma = s.V.map((row, i) => row.map((v, j) => v + tau2 * P[i]![j]!));
	const chol = cholesky(sigma);
	if (!chol) return null;
	const W = cholInverse(chol);
	const block: StudyBlock = { m: k + 1, t: [0, ...s.y], L: expandToArms(W), logDetSigma: logDetChol(chol) };
	if (extras) {
		const WP = matMul(W, P);
		const WPW = matMul(WP, W);
		block.LP = expandToArms(WPW);
		block.LPP = expandToArms(matMul(WP, WPW));
		block.trWP = traceProd(W, P);
		block.trWPWP = traceProd(WP, WP);
	}
	return block;
}
