import type { Interval } from './types';

/**
 * Fieller's confidence interval for a ratio of two (correlated) normal estimates, theta = a / b: the set of theta
 * with (a - theta b)^2 <= crit^2 (va - 2 theta cab + theta^2 vb), i.e. the roots of
 * theta^2 (b^2 - crit^2 vb) - 2 theta (a b - crit^2 cab) + (a^2 - crit^2 va) = 0.
 * Bounded only when b is clearly different from 0 (b^2 > crit^2 vb); otherwise null: the ratio cannot be bounded.
 * Source: Fieller (1954), J R Stat Soc B 16:175-185; Franz (2007), BMC Bioinformatics 8:9 (eq. 3).
 * @example fieller(2, 1, 4, 1, 0, 2) // { lower: 0, upper: 1.3333 } (estimate 0.5; crit = 2 for round numbers)
 */
export function fieller(
	a: number,
	va: number,
	b: number,
	vb: number,
	cab: number,
	crit: number
): Interval | null {
	const c2 = crit * crit;
	const A = b * b - c2 * vb;
	const B = a * b - c2 * cab;
	const C = a * a - c2 * va;
	const disc = B * B - A * C;
	if (!(A > 0) || !(disc >= 0) || !Number.isFinite(disc)) return null;
	const root = Math.sqrt(disc);
	return { lower: (B - root) / A, upper: (B + root) / A };
}
