/**
 * The O(k) closed forms of `wls` against the textbook k x k matrix computations metafor performs
 * (P = W - W X (X'WX)^-1 X'W), on small random problems.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tau2HE, uniroot, wls } from '$lib/stats';
import { expectClose, fixture } from './helpers';

type M = number[][];
const mul = (a: M, b: M): M => a.map((r) => b[0]!.map((_, j) => r.reduce((s, v, k) => s + v * b[k]![j]!, 0)));
const tr = (a: M) => a.reduce((s, r, i) => s + r[i]!, 0);
const t = (a: M): M => a[0]!.map((_, j) => a.map((r) => r[j]!));
const diag = (v: number[]): M => v.map((x, i) => v.map((_, j) => (i === j ? x : 0)));
function inv(a: M): M {
	if (a.length === 1) return [[1 / a[0]![0]!]];
	const [[p, q], [r, s]] = a as [[number, number], [number, number]];
	const d = p * s - q * r;
	return [
		[s / d, -q / d],
		[-r / d, p / d]
	];
}

function dense(yi: number[], wi: number[], xi?: number[]) {
	const X: M = yi.map((_, i) => (xi ? [1, xi[i]!] : [1]));
	const W = diag(wi);
	const B = inv(mul(mul(t(X), W), X));
	const P = W.map((row, i) => row.map((w, j) => w - mul(mul(mul(W, X), B), mul(t(X), W))[i]![j]!));
	const Y = yi.map((y) => [y]);
	const PP = mul(P, P);
	const beta = mul(mul(mul(B, t(X)), W), Y).map((r) => r[0]!);
	return {
		beta,
		vb: B,
		rss: mul(mul(t(Y), P), Y)[0]![0]!,
		rssW: mul(mul(t(Y), PP), Y)[0]![0]!,
		trP: tr(P),
		trPP: tr(PP)
	};
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
const problem = fc
	.integer({ min: 3, max: 8 })
	.chain((k) =>
		fc.tuple(
			fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: k, maxLength: k }),
			fc.array(fc.double({ min: 0.1, max: 20, noNaN: true }), { minLength: k, maxLength: k }),
			fc.array(fc.double({ min: 0.05, max: 2, noNaN: true }), { minLength: k, maxLength: k })
		)
	);

describe('wls closed forms equal the k x k matrix algebra of metafor', () => {
	for (const withModerator of [false, true]) {
		it(withModerator ? 'intercept and one moderator' : 'intercept only', () => {
			fc.assert(
				fc.property(problem, ([yi, wi, xi]) => {
					const x = withModerator ? xi : undefined;
					if (x && Math.max(...x) - Math.min(...x) < 0.05) return;
					const a = wls(yi, wi, x);
					const d = dense(yi, wi, x);
					expect(a.beta.every((b, j) => close(b, d.beta[j]!))).toBe(true);
					expect(a.vb.every((r, i) => r.every((v, j) => close(v, d.vb[i]![j]!)))).toBe(true);
					expect(close(a.rss, d.rss) && close(a.rssW, d.rssW)).toBe(true);
					expect(close(a.trP, d.trP) && close(a.trPP, d.trPP)).toBe(true);
				})
			);
		});
	}
	it('HE estimator: (RSS_ols - tr(P0 V)) / (k - p)', () => {
		const yi = [0.1, 0.5, -0.2, 0.9];
		const vi = [0.1, 0.2, 0.15, 0.3];
		const xi = [1, 2, 3, 5];
		// intercept only: P0 V has trace sum(vi) (1 - 1/k)
		const mean = yi.reduce((a, b) => a + b) / 4;
		const rss = yi.reduce((s, y) => s + (y - mean) ** 2, 0);
		expect(tau2HE(yi, vi)).toBeCloseTo((rss - 0.75 * 0.75) / 3, 14);
		// with a moderator: compare with the dense P0 = I - X (X'X)^-1 X'
		const X: M = xi.map((x) => [1, x]);
		const H = mul(mul(X, inv(mul(t(X), X))), t(X));
		const P0 = H.map((r, i) => r.map((h, j) => (i === j ? 1 : 0) - h));
		const Y = yi.map((y) => [y]);
		const he = (mul(mul(t(Y), P0), Y)[0]![0]! - tr(mul(P0, diag(vi)))) / 2;
		expect(tau2HE(yi, vi, xi)).toBeCloseTo(he, 12);
	});
});

describe('uniroot (Brent, as R)', () => {
	it('finds roots within the tolerance and accepts a root at an end point', () => {
		expect(Math.abs(uniroot((x) => x * x - 2, 0, 2).root - Math.SQRT2)).toBeLessThan(1.3e-4);
		expect(uniroot((x) => Math.cos(x) - x, 0, 1, 1e-12).root).toBeCloseTo(0.7390851332151607, 11);
		expect(uniroot((x) => x, 0, 1).root).toBe(0);
		expect(() => uniroot((x) => x * x + 1, -1, 1)).toThrow(RangeError);
	});
	it('returns the same points as R uniroot(), converged or stopped by maxiter', () => {
		const fns: Record<string, (x: number) => number> = {
			'x^2 - 2': (x) => x ** 2 - 2,
			'x^3 - x - 1': (x) => x ** 3 - x - 1,
			'cos(x) - x': (x) => Math.cos(x) - x,
			'exp(x) - 2, stopped after 3 iterations': (x) => Math.exp(x) - 2
		};
		const f = fixture<{
			cases: { name: string; lower: number; upper: number; tol: number; maxiter: number; root: number }[];
		}>('uniroot');
		for (const c of f.cases) {
			expectClose(uniroot(fns[c.name]!, c.lower, c.upper, c.tol, c.maxiter).root, c.root, c.name, 1e-12);
		}
		expect(uniroot((x) => Math.exp(x) - 2, 0, 5, 1e-15, 3).iter).toBe(-1);
	});
});
