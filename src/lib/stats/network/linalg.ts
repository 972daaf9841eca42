/**
 * Small dense linear algebra for the network model (a few treatments, so matrices of order ~1-20): Cholesky
 * factorisation of a symmetric positive definite matrix, solves, inverse and log-determinant.
 * Matrices are arrays of rows (number[][]). Source: Golub & Van Loan, Matrix Computations (4th ed.), alg. 4.2.1.
 */

/** A square matrix as rows. */
export type Matrix = number[][];

/** n x n zero matrix. */
export function zeros(n: number): Matrix {
	return Array.from({ length: n }, () => new Array<number>(n).fill(0));
}

/**
 * Lower-triangular L with A = L L' (Cholesky), or null when A is not (numerically) positive definite or has a
 * non-finite entry: a pivot <= 1e-13 times the largest diagonal entry counts as not positive definite.
 * @example cholesky([[4, 2], [2, 3]]) // [[2, 0], [1, 1.4142]]
 */
export function cholesky(a: Matrix): Matrix | null {
	const n = a.length;
	const l = zeros(n);
	let maxDiag = 0;
	for (let i = 0; i < n; i++) maxDiag = Math.max(maxDiag, Math.abs(a[i]![i]!));
	const tiny = 1e-13 * maxDiag;
	for (let j = 0; j < n; j++) {
		const lj = l[j]!;
		let d = a[j]![j]!;
		for (let k = 0; k < j; k++) d -= lj[k]! * lj[k]!;
		if (!(d > tiny) || !Number.isFinite(d)) return null;
		const djj = Math.sqrt(d);
		lj[j] = djj;
		for (let i = j + 1; i < n; i++) {
			const li = l[i]!;
			let s = a[i]![j]!;
			for (let k = 0; k < j; k++) s -= li[k]! * lj[k]!;
			if (!Number.isFinite(s)) return null;
			li[j] = s / djj;
		}
	}
	return l;
}

/**
 * Solves L L' x = b given the Cholesky factor L.
 * @example cholSolve(cholesky([[4, 2], [2, 3]])!, [2, 1]) // [0.5, 0]
 */
export function cholSolve(l: Matrix, b: ArrayLike<number>): number[] {
	const n = l.length;
	const y = new Array<number>(n);
	for (let i = 0; i < n; i++) {
		let s = b[i]!;
		for (let k = 0; k < i; k++) s -= l[i]![k]! * y[k]!;
		y[i] = s / l[i]![i]!;
	}
	for (let i = n - 1; i >= 0; i--) {
		let s = y[i]!;
		for (let k = i + 1; k < n; k++) s -= l[k]![i]! * y[k]!;
		y[i] = s / l[i]![i]!;
	}
	return y;
}

/**
 * Inverse of a symmetric positive definite matrix from its Cholesky factor (column by column, symmetrised).
 * @example cholInverse(cholesky([[4, 2], [2, 3]])!) // [[0.375, -0.25], [-0.25, 0.5]]
 */
export function cholInverse(l: Matrix): Matrix {
	const n = l.length;
	const inv = zeros(n);
	const e = new Array<number>(n).fill(0);
	for (let j = 0; j < n; j++) {
		e.fill(0);
		e[j] = 1;
		const col = cholSolve(l, e);
		for (let i = 0; i < n; i++) inv[i]![j] = col[i]!;
	}
	for (let i = 0; i < n; i++)
		for (let j = 0; j < i; j++) {
			const m = (inv[i]![j]! + inv[j]![i]!) / 2;
			inv[i]![j] = m;
			inv[j]![i] = m;
		}
	return inv;
}

/**
 * log det A = 2 sum log L_ii from the Cholesky factor.
 * @example logDetChol(cholesky([[4, 2], [2, 3]])!) // log 8
 */
export function logDetChol(l: Matrix): number {
	let s = 0;
	for (let i = 0; i < l.length; i++) s += Math.log(l[i]![i]!);
	return 2 * s;
}

/**
 * Inverse of a symmetric positive definite matrix, or null when it is not positive definite.
 * @example spdInverse([[2, 0], [0, 4]]) // [[0.5, 0], [0, 0.25]]
 */
export function spdInverse(a: Matrix): Matrix | null {
	const l = cholesky(a);
	return l ? cholInverse(l) : null;
}

/**
 * Product of two matrices (rows x columns).
 * @example matMul([[1, 2]], [[3], [4]]) // [[11]]
 */
export function matMul(a: Matrix, b: Matrix): Matrix {
	const n = a.length;
	const m = b[0]?.length ?? 0;
	const inner = b.length;
	const out = Array.from({ length: n }, () => new Array<number>(m).fill(0));
	for (let i = 0; i < n; i++) {
		const row = out[i]!;
		for (let k = 0; k < inner; k++) {
			const aik = a[i]![k]!;
			if (aik === 0) continue;
			const bk = b[k]!;
			for (let j = 0; j < m; j++) row[j] = row[j]! + aik * bk[j]!;
		}
	}
	return out;
}

/**
 * Trace of the product of two square matrices, tr(A B) = sum_ij A_ij B_ji.
 * @example traceProd([[1, 2], [3, 4]], [[1, 0], [0, 1]]) // 5
 */
export function traceProd(a: Matrix, b: Matrix): number {
	let s = 0;
	for (let i = 0; i < a.length; i++) for (let j = 0; j < a.length; j++) s += a[i]![j]! * b[j]![i]!;
	return s;
}
