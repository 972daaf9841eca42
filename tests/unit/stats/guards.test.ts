/**
 * Every iterative method is bounded and meets non-finite values with non-convergence or a RangeError, never a
 * loop or a NaN reported as a result (issue 16). Reference values: tests/reference/extreme.R (metafor).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	confint,
	escalcMD,
	regtest,
	rma,
	tau2PM,
	tau2REML,
	trimfill,
	uniroot,
	REML_MAXITER,
	type ContinuousArms
} from '$lib/stats';
import { StudyInputError } from '$lib/stats/checks';
import { expectClose, fixture } from './helpers';

interface Case {
	yi: number[];
	vi: number[];
	method: string;
	estimate: number;
	se: number;
	ci: { lower: number; upper: number };
	tau2: number;
	warnings: string;
}
const f = fixture<{
	tiny_sd: Case & { arms: Record<keyof ContinuousArms, number[]> };
	tiny_vi: Case;
	equal_precision: { yi: number[]; vi: number[]; regtest_error: string };
	knha_identical: { yi: number[]; vi: number[]; estimate: number; se: number; p: number | null };
}>('extreme');

/** The two trials of the tiny-sd case as the engine computes them from the arm summaries. */
function tinySd(): { yi: number[]; vi: number[] } {
	const a = f.tiny_sd.arms;
	const e = [0, 1].map((i) =>
		escalcMD({
			m1i: a.m1i[i]!,
			sd1i: a.sd1i[i]!,
			n1i: a.n1i[i]!,
			m2i: a.m2i[i]!,
			sd2i: a.sd2i[i]!,
			n2i: a.n2i[i]!
		})
	);
	return { yi: e.map((x) => x.yi), vi: e.map((x) => x.vi) };
}

describe('REML Fisher scoring is bounded (the step-halving loop never ends on an infinite step)', () => {
	it('computes the tiny-sd trials as metafor escalc() does', () => {
		const t = tinySd();
		t.yi.forEach((y, i) => expectClose(y, f.tiny_sd.yi[i], `yi[${i}]`));
		t.vi.forEach((v, i) => expectClose(v, f.tiny_sd.vi[i], `vi[${i}]`));
	});
	it('reports non-convergence for a -Infinity step (sd = 0.000001 in both arms of one trial)', () => {
		const t = tinySd();
		const r = tau2REML(t.yi, t.vi);
		expect(r.converged).toBe(false);
		expect(r.failure).toBe('non-finite');
		expect(r.iterations).toBeLessThanOrEqual(REML_MAXITER + 1);
	});
	it('reports non-convergence for a +Infinity step instead of a NaN tau2 marked converged', () => {
		const r = tau2REML(f.tiny_vi.yi, f.tiny_vi.vi);
		expect(r.converged).toBe(false);
		expect(r.failure).toBe('non-finite');
	});
	it('never reports convergence with a non-finite tau2 or SE, on variances from 1e-300 to 1e300', () => {
		const study = fc.record({
			yi: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
			vi: fc.integer({ min: -300, max: 300 }).map((e) => 10 ** e)
		});
		fc.assert(
			fc.property(fc.array(study, { minLength: 2, maxLength: 8 }), (s) => {
				const r = tau2REML(
					s.map((x) => x.yi),
					s.map((x) => x.vi)
				);
				expect(r.iterations).toBeLessThanOrEqual(REML_MAXITER + 1);
				if (r.converged) expect(Number.isFinite(r.tau2)).toBe(true);
			}),
			{ numRuns: 300 }
		);
	});
});

describe('the REML -> PM -> DL fallback on a non-finite REML step', () => {
	it('falls back to PM with a note, and agrees with metafor on the estimate (tiny-sd trials)', () => {
		const t = tinySd();
		const r = rma(t.yi, t.vi, { method: 'REML' });
		expect(r.requested).toBe('REML');
		expect(r.method).toBe('PM');
		expect(r.notes.join(' ')).toMatch(/REML .*non-finite step.*PM used instead/);
		expectClose(r.estimate, f.tiny_sd.estimate, 'estimate');
		expectClose(r.se, f.tiny_sd.se, 'se');
		expectClose(r.ci.lower, f.tiny_sd.ci.lower, 'ci.lower');
		expectClose(r.tau2, f.tiny_sd.tau2, 'tau2');
	});
	it('falls back on a +Infinity step too; the estimate agrees with metafor', () => {
		const r = rma(f.tiny_vi.yi, f.tiny_vi.vi);
		expect(r.method).toBe('PM');
		expectClose(r.estimate, f.tiny_vi.estimate, 'estimate');
	});
	it("gives metafor's warning when the largest variance is 1e7 times the smallest or more", () => {
		expect(f.tiny_sd.warnings).toMatch(/Ratio of largest to smallest sampling variance extremely large/);
		const t = tinySd();
		expect(rma(t.yi, t.vi).notes.join(' ')).toMatch(/largest sampling variance is .* times the smallest/);
		expect(rma([1, 2, 3], [1, 2, 3]).notes.join(' ')).not.toMatch(/times the smallest/);
	});
});

describe('non-finite intermediate values are caught where they arise', () => {
	it('rejects a positive variance whose weight 1/vi overflows, naming the study', () => {
		const e = (() => {
			try {
				rma([1, 2, 3], [1, 1e-320, 1]);
			} catch (x) {
				return x;
			}
		})();
		expect(e).toBeInstanceOf(StudyInputError);
		expect((e as StudyInputError).index).toBe(1);
		expect((e as Error).message).toMatch(/vi\[1\].*too small/);
	});
	it('refuses to return a non-finite pooled estimate (effects near the largest double)', () => {
		expect(() => rma([1e308, 1e308], [1, 1], { method: 'FE' })).toThrow(/not finite/);
	});
	it('PM meets a non-finite Q with non-convergence, not a throw', () => {
		const r = tau2PM([1e308, -1e308, 0], [1, 1, 1]);
		expect(r.converged).toBe(false);
	});
	it('uniroot stops with a RangeError when f turns non-finite inside the bracket', () => {
		expect(() => uniroot((x) => (x === 0 || x === 2 ? x - 1 : NaN), 0, 2)).toThrow(/not finite/);
		expect(() => uniroot((x) => x - 1, 0, Infinity)).toThrow(RangeError);
	});
	it('uniroot returns iter -1 after maxiter steps (bounded)', () => {
		expect(uniroot((x) => Math.exp(x) - 2, 0, 1, 1e-300, 2).iter).toBe(-1);
	});
	it('Q-profile intervals and trim and fill throw a RangeError instead of returning NaN', () => {
		const yi = [1e154, -1e154, 3e153, 0];
		const vi = [1, 1, 1, 1];
		expect(() => confint(yi, vi)).toThrow(/not finite/);
		expect(() => trimfill(yi, vi)).toThrow(/not finite/);
	});
	it('Hartung-Knapp with every effect exactly 0 (metafor: se 0, z = 0/0, no p) gives z = 0 and p = 1', () => {
		const c = f.knha_identical;
		expect(c.se).toBe(0);
		expect(c.p).toBeNull();
		const r = rma(c.yi, c.vi, { test: 'knha' });
		expect(r.estimate).toBe(c.estimate);
		expect(r.se).toBe(c.se);
		expect(r.statistic).toBe(0);
		expect(r.p).toBe(1);
	});
	it('regtest stops as metafor does when all trials have the same precision', () => {
		const c = f.equal_precision;
		expect(c.regtest_error).toMatch(/full rank/);
		expect(() => regtest(c.yi, c.vi)).toThrow(/constant/);
	});
});
