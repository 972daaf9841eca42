/**
 * Synthetic trials whose true time course is known (an effect that builds, one that fades, one constant): the
 * time-course model recovers the shape. Data: 30 trials measured at weeks 2, 4, 6, 8, 12, 26 and 52, drawn from
 * the true means plus CAR study deviations (tau^2 4, rho 0.9 per week) and AR sampling errors (vi 4 to 8,
 * phi 0.7), with a seeded generator, so every run sees the same numbers.
 */
import { describe, expect, it } from 'vitest';
import { fitTimeCourse, timeChange, timeCourseSensitivity, type TimePointRow } from '$lib/stats/multivariate';
import { cholesky } from '$lib/stats/multivariate/matrix';
import { lcg } from './helpers';

const WEEKS = [2, 4, 6, 8, 12, 26, 52];

function simulate(truth: (week: number) => number, seed: number, trials = 30): TimePointRow[] {
	const u = lcg(seed);
	const normal = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
	const rows: TimePointRow[] = [];
	const n = WEEKS.length;
	for (let s = 0; s < trials; s++) {
		const vi = WEEKS.map(() => 4 + 4 * u());
		const m = new Float64Array(n * n);
		for (let a = 0; a < n; a++)
			for (let b = 0; b < n; b++) {
				const d = Math.abs(WEEKS[a]! - WEEKS[b]!);
				m[a * n + b] = 4 * 0.9 ** d + 0.7 ** d * Math.sqrt(vi[a]! * vi[b]!);
			}
		const l = cholesky(m, n)!;
		const z = WEEKS.map(normal);
		WEEKS.forEach((week, a) => {
			let dev = 0;
			for (let b = 0; b <= a; b++) dev += l[a * n + b]! * z[b]!;
			rows.push({ study: `S${s}`, week, yi: truth(week) + dev, vi: vi[a]! });
		});
	}
	return rows;
}

const builds = (w: number) => (w >= 12 ? -12 : -2 - (10 * (w - 2)) / 10);
const fades = (w: number) => (w <= 8 ? -12 : -12 + (10 * (w - 8)) / 44);
const constant = () => -8;

/** Every pooled estimate within 3 standard errors of the truth at its week. */
function recovers(rows: TimePointRow[], truth: (w: number) => number) {
	const tc = fitTimeCourse(rows);
	expect(tc.fit.converged).toBe(true);
	expect(tc.estimates.map((e) => e.week)).toEqual(WEEKS);
	for (const e of tc.estimates)
		expect(Math.abs(e.estimate - truth(e.week)), `week ${e.week}`).toBeLessThan(3 * e.se);
	return tc;
}

describe('the time course recovers a known shape', () => {
	it('an effect that builds: larger at week 12 than at week 2 (robust CI of the change below 0)', () => {
		const tc = recovers(simulate(builds, 11), builds);
		const d = timeChange(tc, 2, 12)!;
		expect(d.robust!.ci.upper).toBeLessThan(0);
		expect(Math.abs(d.estimate - (builds(12) - builds(2)))).toBeLessThan(3 * d.robust!.se);
	});
	it('an effect that fades: smaller at week 52 than at week 8 (robust CI of the change above 0)', () => {
		const tc = recovers(simulate(fades, 22), fades);
		const d = timeChange(tc, 8, 52)!;
		expect(d.robust!.ci.lower).toBeGreaterThan(0);
	});
	it('a constant effect: no change from week 2 to 52 (both intervals cover 0)', () => {
		const tc = recovers(simulate(constant, 33), constant);
		const d = timeChange(tc, 2, 52)!;
		expect(d.ci.lower).toBeLessThan(0);
		expect(d.ci.upper).toBeGreaterThan(0);
		expect(d.robust!.ci.lower).toBeLessThan(0);
		expect(d.robust!.ci.upper).toBeGreaterThan(0);
	});
	it('the shape holds across the within-study correlation assumed (0.5, 0.7, 0.9)', () => {
		const rows = simulate(fades, 22);
		for (const tc of timeCourseSensitivity(rows)) {
			expect(tc.fit.converged).toBe(true);
			expect(timeChange(tc, 8, 52)!.robust!.ci.lower).toBeGreaterThan(0);
		}
	});
	it('the true between-study variance and correlation are recovered roughly (tau^2 4, rho 0.9)', () => {
		const tc = fitTimeCourse(simulate(constant, 44, 200), { phi: 0.7 });
		expect(tc.fit.tau2[0]).toBeGreaterThan(2.5);
		expect(tc.fit.tau2[0]).toBeLessThan(6);
		expect(tc.fit.rho).toBeGreaterThan(0.8);
		expect(tc.fit.rho).toBeLessThan(0.97);
	});
});
