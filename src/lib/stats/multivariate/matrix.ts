/**
 * Small dense matrices for the multivariate model: square n x n matrices stored row-major in a Float64Array
 * (n is the number of timepoints of one study, or the number of coefficients). Cholesky factorisation
 * (A = L L'), solves and inverses from it, and the symmetric eigen-decomposition by cyclic Jacobi rotations
 * (Golub & Van Loan, Matrix Computations, 4th ed., algorithms 4.2.1 and 8.5.3).
 */

/** n x n zero matrix. */
export const zeros = (n: number, m = n): Float64Array => new Float64Array(n * m);

/**
 * Lower Cholesky factor L with A = L L', or null when A is not (numerically) positive definite.
 * @example cholesky(Float64Array.of(4, 2, 2, 5), 2) // Float64Array [2, 0, 1, 2]
 */
export function cholesky(a: Float64Array, n: number): Float64Array | null {
	const l = zeros(n);
	for (let j = 0; j < n; j++) {
		let d = a[j * n + j]!;
		for (let k = 0; k < j; k++) d -= l[j * n + k]! ** 2;
		if (!(d > 0) || !Number.isFinite(d)) return null;
		const ljj = Math.sqrt(d);
		l[j * n + j] = ljj;
		for (let i = j + 1; i < n; i++) {
			let s = a[i * n + j]!;
			for (let k = 0; k < j; k++) s -= l[i * n + k]! * l[j * n + k]!;
			l[i * n + j] = s / ljj;
		}
	}
	return l;
}

/** log det(A) = 2 sum log L_ii from the Cholesky factor. */
export function logDetChol(l: Float64Array, n: number): number {
	let s = 0;
	for (let i = 0; i < n; i++) s += Math.log(l[i * n + i]!);
	return 2 * s;
}

/** Solves A X = B in place for B (n x m, row-major), given the lower Cholesky factor L of A. */
export function cholSolve(l: Float64Array, n: number, b: Float64Array, m = 1): Float64Array {
	for (let c = 0; c < m; c++) {
		for (let i = 0; i < n; i++) {
			let s = b[i * m + c]!;
			for (let k = 0; k < i; k++) s -= l[i * n + k]! * b[k * m + c]!;
			b[i * m + c] = s / l[i * n + i]!;
		}
		for (let i = n - 1; i >= 0; i--) {
			let s = b[i * m + c]!;
			for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * b[k * m + c]!;
			b[i * m + c] = s / l[i * n + i]!;
		}
	}
	return b;
}

/** A^-1 from the lower Cholesky factor of A (symmetric by construction). */
export function cholInverse(l: Float64Array, n: number): Float64Array {
	const inv = zeros(n);
	for (let i = 0; i < n; i++) inv[i * n + i] = 1;
	cholSolve(l, n, inv, n);
	for (let i = 0; i < n; i++)
		for (let j = 0; j < i; j++) inv[i * n + j] = inv[j * n + i] = (inv[i * n + j]! + inv[j * n + i]!) / 2;
	return inv;
}

/** C = A B for A (r x s) and B (s x t), all row-major. */
export function matMul(a: Float64Array, b: Float64Array, r: number, s: number, t: number): Float64Array {
	const c = zeros(r, t);
	for (let i = 0; i < r; i++)
		for (let k = 0; k < s; k++) {
			const aik = a[i * s + k]!;
			if (aik === 0) continue;
			for (let j = 0; j < t; j++) c[i * t + j]! += aik * b[k * t + j]!;
		}
	return c;
}

/** A' for A (r x s). */
export function transpose(a: Float64Array, r: number, s: number): Float64Array {
	const t = zeros(s, r);
	for (let i = 0; i < r; i++) for (let j = 0; j < s; j++) t[j * r + i] = a[i * s + j]!;
	return t;
}

/**
 * Eigenvalues and eigenvectors (columns of `vectors`) of a symmetric matrix by cyclic Jacobi rotations, at most
 * 100 sweeps (convergence is quadratic; a few sweeps suffice for the small blocks used here).
 */
export function symmetricEigen(a: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
	const m = Float64Array.from(a);
	const v = zeros(n);
	for (let i = 0; i < n; i++) v[i * n + i] = 1;
	for (let sweep = 0; sweep < 100; sweep++) {
		let off = 0;
		let norm = 0;
		for (let i = 0; i < n; i++)
			for (let j = 0; j < n; j++) {
				const x = m[i * n + j]! ** 2;
				norm += x;
				if (i !== j) off += x;
			}
		if (off <= 1e-30 * norm || off === 0) break;
		for (let p = 0; p < n - 1; p++)
			for (let q = p + 1; q < n; q++) {
				const apq = m[p * n + q]!;
				if (apq === 0) continue;
				const theta = (m[q * n + q]! - m[p * n + p]!) / (2 * apq);
				const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
				const c = 1 / Math.sqrt(t * t + 1);
				const s = t * c;
				for (let k = 0; k < n; k++) {
					const mkp = m[k * n + p]!;
					const mkq = m[k * n + q]!;
					m[k * n + p] = c * mkp - s * mkq;
					m[k * n + q] = s * mkp + c * mkq;
				}
				for (let k = 0; k < n; k++) {
					const mpk = m[p * n + k]!;
					const mqk = m[q * n + k]!;
					m[p * n + k] = c * mpk - s * mqk;
					m[q * n + k] = s * mpk + c * mqk;
					const vkp = v[k * n + p]!;
					const vkq = v[k * n + q]!;
					v[k * n + p] = c * vkp - s * vkq;
					v[k * n + q] = s * vkp + c * vkq;
				}
			}
	}
	const values = zeros(n, 1);
	for (let i = 0; i < n; i++) values[i] = m[i * n + i]!;
	return { values, vectors: v };
}

/**
 * A^pow for a symmetric positive semi-definite A via its eigen-decomposition; eigenvalues <= tol are set to 0
 * (a generalised inverse power), as clubSandwich's `matrix_power(x, p, tol = -12)` does (tol = 1e-12).
 */
export function symmetricPower(a: Float64Array, n: number, pow: number, tol = 1e-12): Float64Array {
	const { values, vectors } = symmetricEigen(a, n);
	const out = zeros(n);
	for (let k = 0; k < n; k++) {
		const lk = values[k]!;
		if (!(lk > tol)) continue;
		const f = lk ** pow;
		for (let i = 0; i < n; i++) {
			const vik = vectors[i * n + k]! * f;
			for (let j = 0; j < n; j++) out[i * n + j]! += vik * vectors[j * n + k]!;
		}
	}
	return out;
}
