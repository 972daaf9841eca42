/**
 * The time-course engine against metafor rma.mv and clubSandwich (tests/reference/time-course.R wrote the
 * fixtures): dat.ishak2007 with AR, HAR and CAR random effects, a synthetic multi-trial time course for three
 * within-study correlations, CR2 robust inference, and the meta-regression permutation test.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	fitTimeCourse,
	metaRegression,
	robustCoefficients,
	cr2,
	rmaMv,
	timeChange,
	timeCourseSensitivity,
	vcalcBlock,
	type MvData,
	type MvStruct
} from '$lib/stats/multivariate';
import { expectClose } from './helpers';

const load = (name: string) => JSON.parse(readFileSync(`tests/fixtures/time/${name}.json`, 'utf8'));
const ishak = load('ishak2007');
const syn = load('synthetic');
const metareg = load('metareg');

/** Rows of each cluster in order of first appearance (the order of the fixture's V blocks). */
function byStudy(study: string[]): number[][] {
	const m = new Map<string, number[]>();
	study.forEach((s, i) => (m.has(s) ? m.get(s)!.push(i) : m.set(s, [i])));
	return [...m.values()];
}

/** One rho of the synthetic fixture (tests/reference/time-course.R). */
interface SynFit {
	phi: number;
	tau2: number;
	rho: number;
	logLik: number;
	predict: Record<'pred' | 'se' | 'ci_lb' | 'ci_ub', number[]>;
	robust_predict: Record<'se' | 'df' | 'ci_lb' | 'ci_ub', number[]>;
}

const close = (a: ArrayLike<number>, e: number[], label: string, rel = 1e-6) =>
	e.forEach((v, i) => expectClose(a[i], v, `${label}[${i}]`, rel));

describe('vcalc: within-study covariance phi^|t_i - t_j| sqrt(v_i v_j)', () => {
	it('equals metafor vcalc() on dat.ishak2007 (phi = 0.97) and the synthetic data (phi 0.5, 0.7, 0.9)', () => {
		const cases = [
			{ rows: ishak.rows, time: ishak.rows.time as number[], phi: 0.97, blocks: ishak.V_blocks },
			...syn.fits.map((f: { phi: number; V_blocks: number[][][] }) => ({
				rows: syn.rows,
				time: syn.rows.week as number[],
				phi: f.phi,
				blocks: f.V_blocks
			}))
		];
		for (const c of cases) {
			byStudy(c.rows.study).forEach((idx, j) => {
				const v = vcalcBlock(
					idx.map((i) => c.rows.vi[i]),
					idx.map((i) => c.time[i]!),
					c.phi
				);
				close(v, (c.blocks[j] as number[][]).flat(), `phi ${c.phi} block ${j}`, 1e-12);
			});
		}
	});
});

describe('rmaMv on dat.ishak2007 (metafor rma.mv, REML)', () => {
	const data = (s: MvStruct): MvData => ({
		cluster: ishak.rows.study,
		yi: ishak.rows.yi,
		vi: ishak.rows.vi,
		X: ishak.X,
		time: s === 'CAR' ? ishak.rows.time2 : ishak.rows.time,
		withinTime: ishak.rows.time,
		phi: 0.97
	});
	it.each(['AR', 'HAR', 'CAR'] as const)('%s: estimates the same optimum', (s) => {
		const ref = ishak[s];
		const fit = rmaMv(data(s), { struct: s });
		expect(fit.converged).toBe(true);
		close(
			fit.coefficients.map((c) => c.estimate),
			ref.beta,
			'beta'
		);
		close(fit.tau2, [ref.tau2].flat(), 'tau2', 1e-5);
		expectClose(fit.rho, ref.rho, 'rho', 1e-5);
		// at least metafor's restricted log-likelihood (metafor's optimiser stops a little earlier on AR and HAR)
		expect(fit.logLik).toBeGreaterThanOrEqual(ref.logLik - 1e-9);
		expectClose(fit.logLik, ref.logLik, 'logLik', 1e-9);
	});
	it.each(['AR', 'HAR', 'CAR'] as const)(
		'%s at metafor variance parameters: GLS, log-likelihood and CR2',
		(s) => {
			const ref = ishak[s];
			const fit = rmaMv(data(s), { struct: s, fixed: { tau2: [ref.tau2].flat(), rho: ref.rho } });
			close(
				fit.coefficients.map((c) => c.estimate),
				ref.beta,
				'beta'
			);
			close(
				fit.coefficients.map((c) => c.se),
				ref.se,
				'se'
			);
			close(
				fit.coefficients.map((c) => c.ci.lower),
				ref.ci_lb,
				'ci.lb'
			);
			close(fit.vb.flat(), ref.vb.flat(), 'vb');
			expectClose(fit.logLik, ref.logLik, 'logLik', 1e-12);
			const rob = robustCoefficients(cr2(fit));
			const r = ref.robust;
			close(cr2(fit).vb.flat(), r.vb.flat(), 'robust vb');
			close(
				rob.map((c) => c.se),
				r.se,
				'robust se'
			);
			close(
				rob.map((c) => c.df),
				r.df,
				'robust df'
			);
			close(
				rob.map((c) => c.t),
				r.tval,
				'robust t'
			);
			close(
				rob.map((c) => c.p),
				r.pval,
				'robust p'
			);
			close(
				rob.map((c) => c.ci.lower),
				r.ci_lb,
				'robust ci.lb'
			);
			close(
				rob.map((c) => c.ci.upper),
				r.ci_ub,
				'robust ci.ub'
			);
		}
	);
});

describe('fitTimeCourse on the synthetic trials (CAR over weeks, one mean per window)', () => {
	const rows = (syn.rows.study as string[]).map((study, i) => ({
		study,
		week: syn.rows.week[i] as number,
		yi: syn.rows.yi[i] as number,
		vi: syn.rows.vi[i] as number
	}));
	it('uses the same design matrix as model.matrix(~ 0 + window)', () => {
		const tc = fitTimeCourse(rows);
		expect(tc.weeks).toEqual(syn.targets);
		expect(tc.fit.model.clusters.flatMap((c) => Array.from(c.X))).toEqual(
			byStudy(syn.rows.study).flatMap((idx) => idx.flatMap((i) => syn.X[i]))
		);
	});
	it.each((syn.fits as SynFit[]).map((ref) => ({ phi: ref.phi, ref })))(
		'phi = $phi: optimum, predictions and CR2 intervals as metafor and clubSandwich',
		({ ref }) => {
			const tc = timeCourseSensitivity(rows, [ref.phi])[0]!;
			expect(tc.fit.converged).toBe(true);
			close(tc.fit.tau2, [ref.tau2], 'tau2', 1e-5);
			expectClose(tc.fit.rho, ref.rho, 'rho', 1e-5);
			expect(tc.fit.logLik).toBeGreaterThanOrEqual(ref.logLik - 1e-9);
			close(
				tc.estimates.map((e) => e.estimate),
				ref.predict.pred,
				'pred'
			);
			expect(tc.notEstimated).toEqual([]);
			const at = fitTimeCourse(rows, { phi: ref.phi, fixed: { tau2: [ref.tau2], rho: ref.rho } });
			const get = (f: (e: (typeof at.estimates)[number]) => number) => at.estimates.map(f);
			close(
				get((e) => e.se),
				ref.predict.se,
				'se'
			);
			close(
				get((e) => e.ci.lower),
				ref.predict.ci_lb,
				'ci.lb'
			);
			close(
				get((e) => e.ci.upper),
				ref.predict.ci_ub,
				'ci.ub'
			);
			const rp = ref.robust_predict;
			close(
				get((e) => e.robust!.se),
				rp.se,
				'robust se'
			);
			close(
				get((e) => e.robust!.df),
				rp.df,
				'robust df'
			);
			close(
				get((e) => e.robust!.ci.lower),
				rp.ci_lb,
				'robust ci.lb'
			);
			close(
				get((e) => e.robust!.ci.upper),
				rp.ci_ub,
				'robust ci.ub'
			);
		}
	);
	it('week 52 minus week 8 matches clubSandwich linear_contrast (CR2, Satterthwaite)', () => {
		const ref = syn.fits.find((f: { phi: number }) => f.phi === syn.contrast.phi);
		const tc = fitTimeCourse(rows, { phi: ref.phi, fixed: { tau2: [ref.tau2], rho: ref.rho } });
		const d = timeChange(tc, 8, 52)!;
		expectClose(d.estimate, syn.contrast.est, 'estimate');
		expectClose(d.robust!.se, syn.contrast.se, 'se');
		expectClose(d.robust!.df, syn.contrast.df, 'df');
		expectClose(d.robust!.ci.lower, syn.contrast.ci_lb, 'ci.lb');
		expectClose(d.robust!.ci.upper, syn.contrast.ci_ub, 'ci.ub');
	});
	it('does not extrapolate: weeks past the last timepoint, or in an empty window, get a reason instead', () => {
		const early = rows.filter((r) => r.week <= 26 && !(r.week > 3 && r.week <= 5));
		const tc = fitTimeCourse(early);
		expect(tc.estimates.map((e) => e.week)).toEqual([2, 6, 8, 12, 26]);
		expect(tc.notEstimated).toEqual([
			{ week: 4, reason: 'no trial reports a timepoint in this window' },
			{
				week: 52,
				reason: 'beyond the data: the trials report weeks 1 to 26, and the model does not extrapolate'
			}
		]);
		expect(timeChange(tc, 8, 52)).toBeNull();
	});
	it('names the row of bad input', () => {
		const dup = [...rows, { ...rows[0]! }];
		expect(() => fitTimeCourse(dup)).toThrow(/row 36: study "T1" has two estimates at time 2/);
		const bad = rows.map((r, i) => (i === 5 ? { ...r, vi: 0 } : r));
		expect(() => fitTimeCourse(bad)).toThrow(/row 5: vi must be finite and > 0/);
		const neg = rows.map((r, i) => (i === 2 ? { ...r, week: 0 } : r));
		expect(() => fitTimeCourse(neg)).toThrow(/row 2: week 0/);
	});
});

describe('metaRegression (metafor rma(test = "knha") and permutest(exact = TRUE))', () => {
	it.each(['distinct', 'ties'])('%s moderator values', (name) => {
		const ref = metareg[name];
		const r = metaRegression(ref.yi, ref.vi, ref.x);
		close(
			r.fit.coefficients.map((c) => c.estimate),
			ref.beta,
			'beta'
		);
		close(
			r.fit.coefficients.map((c) => c.se),
			ref.se,
			'se'
		);
		close(
			r.fit.coefficients.map((c) => c.p),
			ref.pval,
			'p'
		);
		close(
			r.fit.coefficients.map((c) => c.ci.lower),
			ref.ci_lb,
			'ci.lb'
		);
		expect(r.df).toBe(ref.df);
		expectClose(r.fit.tau2, ref.tau2, 'tau2');
		expect(r.permutation.exact).toBe(true);
		expect(r.permutation.arrangements).toBe(ref.permutations);
		expectClose(r.permutation.p, ref.perm_pval[1], 'permutation p', 1e-12);
	});
	it('beyond maxExact draws a bounded, seeded number of arrangements (reproducible)', () => {
		const ref = metareg.distinct;
		const a = metaRegression(ref.yi, ref.vi, ref.x, { maxExact: 100, iterations: 400, seed: 7 });
		const b = metaRegression(ref.yi, ref.vi, ref.x, { maxExact: 100, iterations: 400, seed: 7 });
		expect(a.permutation).toEqual(b.permutation);
		expect(a.permutation.exact).toBe(false);
		expect(a.permutation.arrangements).toBe(400);
		// Monte Carlo estimate of the exact p (0.0246): within 4 binomial SEs
		const sd = Math.sqrt((ref.perm_pval[1] * (1 - ref.perm_pval[1])) / 400);
		expect(Math.abs(a.permutation.p - ref.perm_pval[1])).toBeLessThan(4 * sd);
	});
});
