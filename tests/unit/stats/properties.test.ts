/** Properties every correct random-effects engine has, checked on random data with fast-check. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rma, type Method, type TestType } from '$lib/stats';

const study = fc.record({
	yi: fc.double({ min: -3, max: 3, noNaN: true }),
	vi: fc.double({ min: 0.005, max: 2, noNaN: true })
});
const studies = fc.array(study, { minLength: 2, maxLength: 25 });
const withShuffle = studies.chain((s) =>
	fc.tuple(fc.constant(s), fc.shuffledSubarray(s, { minLength: s.length, maxLength: s.length }))
);
const method = fc.constantFrom<Method>('REML', 'DL', 'PM', 'FE');
const test = fc.constantFrom<TestType>('z', 'knha');
const split = (s: { yi: number; vi: number }[]) => [s.map((x) => x.yi), s.map((x) => x.vi)] as const;
const rel = (a: number, b: number, tol = 1e-7) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

describe('rma() properties', () => {
	it('is invariant to the order of the studies', () => {
		fc.assert(
			fc.property(withShuffle, method, test, ([s, shuffled], m, t) => {
				const a = rma(...split(s), { method: m, test: t });
				const b = rma(...split(shuffled), { method: m, test: t });
				expect(rel(a.estimate, b.estimate) && rel(a.se, b.se) && rel(a.tau2, b.tau2, 1e-6)).toBe(true);
				expect(rel(a.q, b.q) && rel(a.i2, b.i2, 1e-6)).toBe(true);
			})
		);
	});
	it('flipping the sign of every effect flips the estimate, the CI and the PI and keeps tau2', () => {
		fc.assert(
			fc.property(studies, method, test, (s, m, t) => {
				const [yi, vi] = split(s);
				const a = rma(yi, vi, { method: m, test: t });
				const b = rma(
					yi.map((y) => -y),
					vi,
					{ method: m, test: t }
				);
				expect(
					rel(b.estimate, -a.estimate) && rel(b.ci.lower, -a.ci.upper) && rel(b.ci.upper, -a.ci.lower)
				).toBe(true);
				expect(rel(b.pi.lower, -a.pi.upper) && rel(b.tau2, a.tau2) && rel(b.p, a.p, 1e-6)).toBe(true);
			})
		);
	});
	it('gives the common-effect result whenever tau2 = 0', () => {
		fc.assert(
			fc.property(studies, fc.constantFrom<Method>('REML', 'DL', 'PM'), (s, m) => {
				const [yi, vi] = split(s);
				const re = rma(yi, vi, { method: m });
				fc.pre(re.tau2 === 0);
				const fe = rma(yi, vi, { method: 'FE' });
				expect(rel(re.estimate, fe.estimate) && rel(re.se, fe.se)).toBe(true);
				expect(re.pi).toEqual(re.ci);
			})
		);
	});
	it('has 0 <= I2 <= 100, H2 >= 1 (random effects), p in [0, 1], and percent weights summing to 100', () => {
		fc.assert(
			fc.property(studies, method, test, (s, m, t) => {
				const r = rma(...split(s), { method: m, test: t });
				expect(r.i2).toBeGreaterThanOrEqual(0);
				expect(r.i2).toBeLessThanOrEqual(100);
				if (m !== 'FE') expect(r.h2).toBeGreaterThanOrEqual(1);
				expect(r.p >= 0 && r.p <= 1 && r.q_p >= 0 && r.q_p <= 1).toBe(true);
				expect(r.weights.reduce((x, y) => x + y, 0)).toBeCloseTo(100, 9);
				expect(r.ci.lower <= r.estimate && r.estimate <= r.ci.upper).toBe(true);
				expect(r.pi.lower <= r.ci.lower + 1e-12 && r.pi.upper >= r.ci.upper - 1e-12).toBe(true);
			})
		);
	});
	it('identical effects give Q = 0, tau2 = 0 and I2 = 0', () => {
		fc.assert(
			fc.property(
				fc.double({ min: -2, max: 2, noNaN: true }),
				fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 2, maxLength: 10 }),
				(y, vi) => {
					const r = rma(
						vi.map(() => y),
						vi
					);
					expect(r.q).toBeCloseTo(0, 10);
					expect(r.tau2).toBe(0);
					expect(r.i2).toBe(0);
					expect(r.estimate).toBeCloseTo(y, 12);
				}
			)
		);
	});
	it('shifting every effect by c shifts the estimate by c and leaves tau2 and Q unchanged', () => {
		fc.assert(
			fc.property(studies, method, fc.double({ min: -5, max: 5, noNaN: true }), (s, m, c) => {
				const [yi, vi] = split(s);
				const a = rma(yi, vi, { method: m });
				const b = rma(
					yi.map((y) => y + c),
					vi,
					{ method: m }
				);
				expect(Math.abs(b.estimate - a.estimate - c)).toBeLessThan(1e-8);
				expect(rel(b.tau2, a.tau2, 1e-6) && rel(b.q, a.q, 1e-6)).toBe(true);
			})
		);
	});
});
