/** The small dense linear algebra behind the network model. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cholesky, cholSolve, logDetChol, matMul, spdInverse, traceProd } from '$lib/stats/network';

describe('network linear algebra', () => {
	it('Cholesky of a known matrix, its solve, inverse and log-determinant', () => {
		const a = [
			[4, 2],
			[2, 3]
		];
		const l = cholesky(a)!;
		expect(l[0]).toEqual([2, 0]);
		expect(l[1]![0]).toBe(1);
		expect(l[1]![1]).toBeCloseTo(Math.SQRT2, 14);
		expect(cholSolve(l, [2, 1])).toEqual([0.5, 0]);
		const inv = spdInverse(a)!;
		expect(inv[0]![0]).toBeCloseTo(0.375, 14);
		expect(inv[0]![1]).toBeCloseTo(-0.25, 14);
		expect(inv[1]![1]).toBeCloseTo(0.5, 14);
		expect(logDetChol(l)).toBeCloseTo(Math.log(8), 14);
		expect(traceProd(a, inv)).toBeCloseTo(2, 14);
	});
	it('refuses matrices that are not positive definite or not finite', () => {
		expect(cholesky([[0]])).toBeNull();
		expect(
			cholesky([
				[1, 2],
				[2, 1]
			])
		).toBeNull();
		expect(cholesky([[NaN]])).toBeNull();
		expect(spdInverse([[-1]])).toBeNull();
	});
	it("A A^-1 = I and A x = b for random symmetric positive definite matrices (B B' + I)", () => {
		const mat = fc.integer({ min: 1, max: 6 }).chain((n) =>
			fc.array(fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: n, maxLength: n }), {
				minLength: n,
				maxLength: n
			})
		);
		fc.assert(
			fc.property(mat, (b) => {
				const n = b.length;
				const bt = b[0]!.map((_, j) => b.map((row) => row[j]!));
				const a = matMul(b, bt).map((row, i) => row.map((v, j) => v + (i === j ? 1 : 0)));
				const prod = matMul(a, spdInverse(a)!);
				for (let i = 0; i < n; i++)
					for (let j = 0; j < n; j++) expect(Math.abs(prod[i]![j]! - (i === j ? 1 : 0))).toBeLessThan(1e-9);
				const x = cholSolve(cholesky(a)!, new Array(n).fill(1));
				const ax = matMul(
					a,
					x.map((v) => [v])
				);
				for (let i = 0; i < n; i++) expect(Math.abs(ax[i]![0]! - 1)).toBeLessThan(1e-9);
			})
		);
	});
});
