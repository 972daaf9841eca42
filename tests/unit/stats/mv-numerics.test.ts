/** Numerical building blocks of the multivariate model: small matrices and the bounded BFGS optimiser. */
import { describe, expect, it } from 'vitest';
import { bfgsMax } from '$lib/stats/multivariate/bfgs';
import {
	cholInverse,
	cholesky,
	logDetChol,
	matMul,
	symmetricEigen,
	symmetricPower
} from '$lib/stats/multivariate/matrix';
import { windowDesign, windowIndex } from '$lib/stats/multivariate';

const A = Float64Array.of(4, 2, 0.6, 2, 5, 1, 0.6, 1, 3);

describe('matrix helpers', () => {
	it("Cholesky: L L' = A, its inverse and log determinant (det A = 44.6)", () => {
		const l = cholesky(A, 3)!;
		const lt = Float64Array.from({ length: 9 }, (_, i) => l[(i % 3) * 3 + Math.floor(i / 3)]!);
		matMul(l, lt, 3, 3, 3).forEach((v, i) => expect(v).toBeCloseTo(A[i]!, 12));
		matMul(A, cholInverse(l, 3), 3, 3, 3).forEach((v, i) => expect(v).toBeCloseTo(i % 4 === 0 ? 1 : 0, 12));
		// det = 4(15 - 1) - 2(6 - 0.6) + 0.6(2 - 3) = 56 - 10.8 - 0.6 = 44.6
		expect(logDetChol(l, 3)).toBeCloseTo(Math.log(44.6), 12);
	});
	it('Cholesky refuses a matrix that is not positive definite', () => {
		expect(cholesky(Float64Array.of(1, 2, 2, 1), 2)).toBeNull();
		expect(cholesky(Float64Array.of(1, NaN, NaN, 1), 2)).toBeNull();
	});
	it('Jacobi eigen-decomposition: A v = lambda v, and (A^-1/2)^2 A = I', () => {
		const { values, vectors } = symmetricEigen(A, 3);
		for (let k = 0; k < 3; k++) {
			const v = [0, 1, 2].map((i) => vectors[i * 3 + k]!);
			const av = matMul(A, Float64Array.from(v), 3, 3, 1);
			av.forEach((x, i) => expect(x).toBeCloseTo(values[k]! * v[i]!, 12));
		}
		const r = symmetricPower(A, 3, -0.5);
		matMul(matMul(r, r, 3, 3, 3), A, 3, 3, 3).forEach((v, i) =>
			expect(v).toBeCloseTo(i % 4 === 0 ? 1 : 0, 12)
		);
	});
	it('the generalised power drops null directions (rank-1 matrix)', () => {
		const p = symmetricPower(Float64Array.of(1, 1, 1, 1), 2, -0.5); // eigenvalues 2 and 0
		const x = 1 / (2 * Math.sqrt(2));
		p.forEach((v) => expect(v).toBeCloseTo(x, 12));
	});
});

describe('bfgsMax', () => {
	it('finds the maximum of a quadratic with a correlated Hessian', () => {
		const f = (x: Float64Array) => ({
			value: -((x[0]! - 1) ** 2) - 3 * (x[1]! + 2) ** 2 - (x[0]! - 1) * (x[1]! + 2),
			grad: Float64Array.of(-2 * (x[0]! - 1) - (x[1]! + 2), -6 * (x[1]! + 2) - (x[0]! - 1))
		});
		const r = bfgsMax(f, [0, 0]);
		expect(r.converged).toBe(true);
		expect(r.x[0]).toBeCloseTo(1, 8);
		expect(r.x[1]).toBeCloseTo(-2, 8);
	});
	it('steps back from points where the function is undefined, and stops on a bound', () => {
		const f = (x: Float64Array) => (x[0]! > 2 ? null : { value: x[0]!, grad: Float64Array.of(1) }); // increasing up to an undefined region
		const r = bfgsMax(f, [0], { upper: 1.5 });
		expect(r.x[0]).toBe(1.5);
		expect(r.atBound).toEqual([0]);
		expect(r.converged).toBe(true);
	});
	it('reports non-convergence when the iteration limit is reached', () => {
		const f = (x: Float64Array) => ({ value: -Math.cosh(x[0]!), grad: Float64Array.of(-Math.sinh(x[0]!)) });
		const r = bfgsMax(f, [20], { maxIterations: 1, lower: -50, upper: 50 });
		expect(r.converged).toBe(false);
		expect(r.iterations).toBe(1);
	});
});

describe('time windows', () => {
	it('assign weeks as cut(breaks = c(0, 3, 5, 7, 10, 17, 39, Inf), right = TRUE)', () => {
		expect([0.5, 3, 3.1, 5, 7, 10, 10.5, 17, 39, 39.5, 104].map((w) => windowIndex(w))).toEqual([
			0, 0, 1, 1, 2, 3, 4, 4, 5, 6, 6
		]);
		expect(windowIndex(0)).toBe(-1);
		expect(windowDesign([1, 2, 9])).toEqual({
			windows: [0, 3],
			X: [
				[1, 0],
				[1, 0],
				[0, 1]
			]
		});
	});
});
