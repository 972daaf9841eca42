import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieller, zCrit } from '$lib/stats';

describe('fieller (CI of a ratio a / b of correlated normal estimates)', () => {
	it('matches the hand-worked roots: a = 2, b = 4, var 1 each, no covariance, crit 2', () => {
		// A = 16 - 4 = 12, B = 8, C = 4 - 4 = 0: roots (8 -/+ 8) / 12.
		const ci = fieller(2, 1, 4, 1, 0, 2)!;
		expect(ci.lower).toBeCloseTo(0, 12);
		expect(ci.upper).toBeCloseTo(4 / 3, 12);
	});

	it('a positive covariance between numerator and denominator narrows the interval', () => {
		const without = fieller(-16.7, 18.8, -21.8, 12.4, 0, zCrit(95))!;
		const withCov = fieller(-16.7, 18.8, -21.8, 12.4, 6.1, zCrit(95))!;
		expect(withCov.upper - withCov.lower).toBeLessThan(without.upper - without.lower);
	});

	it('cannot bound the ratio when the denominator is not clearly different from zero', () => {
		expect(fieller(2, 1, 1, 1, 0, zCrit(95))).toBeNull();
	});

	it('its bounds solve the defining equation and contain the estimate', () => {
		fc.assert(
			fc.property(
				fc.double({ min: -50, max: 50, noNaN: true }),
				fc.double({ min: 0.01, max: 20, noNaN: true }),
				fc.double({ min: 5, max: 50, noNaN: true }),
				fc.double({ min: 0.01, max: 5, noNaN: true }),
				fc.double({ min: -0.9, max: 0.9, noNaN: true }),
				(a, va, b, vb, r) => {
					const c = r * Math.sqrt(va * vb);
					const crit = zCrit(95);
					const ci = fieller(a, va, b, vb, c, crit);
					if (!ci) return;
					for (const t of [ci.lower, ci.upper]) {
						const lhs = (a - t * b) ** 2;
						const rhs = crit * crit * (va - 2 * t * c + t * t * vb);
						expect(Math.abs(lhs - rhs)).toBeLessThan(1e-7 * Math.max(1, lhs));
					}
					expect(ci.lower).toBeLessThanOrEqual(a / b + 1e-12);
					expect(ci.upper).toBeGreaterThanOrEqual(a / b - 1e-12);
				}
			),
			{ numRuns: 300 }
		);
	});
});
