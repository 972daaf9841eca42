/**
 * Meta-regression of effects on one study-level moderator (e.g. course length) with Knapp-Hartung inference and a
 * permutation p-value for the slope, as metafor's `permutest(rma(yi, vi, mods = ~ x, test = "knha"))`: the
 * moderator values are permuted across studies, the model (tau^2 included) is refitted for each arrangement, and
 * p = share of arrangements with |t*| >= |t_observed| - sqrt(machine eps). Exact when the number of distinct
 * arrangements of x (k! / prod(tie counts!)) is at most `maxExact` (default 5040; metafor: `iter`, default 1000, or `exact = TRUE`); otherwise
 * `iterations` arrangements, the first being the observed one and the rest drawn with a seeded generator (so a
 * rerun gives the same p; metafor's draws come from R's generator and differ). Fits that fail are skipped.
 * Between-trial association is observational: it does not show that lengthening a course changes its effect.
 * Source: metafor 3.8-1 `?permutest`; Higgins & Thompson (2004), Stat Med 23:1663-1682.
 */
import { fitModel, type ModelFit } from '../fit';
import type { Method } from '../types';

export interface MetaRegressionOptions {
	method?: Method;
	level?: number;
	/** Largest number of distinct arrangements enumerated exactly (default 5040 = 7!: up to 7 studies always exact). */
	maxExact?: number;
	/** Random arrangements when not exact, including the observed one (default 1000). */
	iterations?: number;
	seed?: number;
}

export interface MetaRegression {
	fit: ModelFit;
	/** Knapp-Hartung t-test of the slope. */
	slope: ModelFit['coefficients'][number];
	df: number;
	permutation: { p: number; exact: boolean; arrangements: number };
}

/** Distinct arrangements of x: k! / prod(count of each value)! (Infinity if beyond double precision). */
export function arrangementCount(x: readonly number[]): number {
	const counts = new Map<number, number>();
	for (const v of x) counts.set(v, (counts.get(v) ?? 0) + 1);
	let n = 1;
	let m = 0;
	for (const c of counts.values()) for (let i = 1; i <= c; i++) n = (n * ++m) / i;
	return Math.round(n);
}

/** Next lexicographic arrangement of `a` in place; false after the last (Knuth, TAOCP 7.2.1.2, algorithm L). */
function nextArrangement(a: number[]): boolean {
	let j = a.length - 2;
	while (j >= 0 && a[j]! >= a[j + 1]!) j--;
	if (j < 0) return false;
	let l = a.length - 1;
	while (a[j]! >= a[l]!) l--;
	[a[j], a[l]] = [a[l]!, a[j]!];
	for (let i = j + 1, r = a.length - 1; i < r; i++, r--) [a[i], a[r]] = [a[r]!, a[i]!];
	return true;
}

/** Fits yi ~ x with Knapp-Hartung inference and the permutation p-value of the slope. */
export function metaRegression(
	yi: readonly number[],
	vi: readonly number[],
	x: readonly number[],
	options: MetaRegressionOptions = {}
): MetaRegression {
	const { method = 'REML', level = 95, maxExact = 5040, iterations = 1000, seed = 20240611 } = options;
	const fitOf = (xs: readonly number[]) => fitModel(yi, vi, xs, { method, level, test: 'knha' });
	const fit = fitOf(x);
	const tObs = Math.abs(fit.coefficients[1]!.statistic);
	const tol = Math.sqrt(Number.EPSILON);
	let hits = 0;
	let done = 0;
	const count = (xs: readonly number[]) => {
		try {
			const t = Math.abs(fitOf(xs).coefficients[1]!.statistic);
			done++;
			if (t >= tObs - tol) hits++;
		} catch {
			// a failed refit is left out, as metafor does
		}
	};
	const total = arrangementCount(x);
	const exact = total <= maxExact;
	if (exact) {
		const a = [...x].sort((p, q) => p - q);
		do count(a);
		while (nextArrangement(a));
	} else {
		let s = seed >>> 0;
		const u = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) + 0.5) / 4294967296;
		count(x);
		const a = [...x];
		for (let it = 1; it < iterations; it++) {
			for (let i = a.length - 1; i > 0; i--) {
				const j = Math.floor(u() * (i + 1));
				[a[i], a[j]] = [a[j]!, a[i]!];
			}
			count(a);
		}
	}
	return {
		fit,
		slope: fit.coefficients[1]!,
		df: fit.df!,
		permutation: { p: Math.min(1, hits / done), exact, arrangements: done }
	};
}
