import { describe, expect, it } from 'vitest';
import { regtest, rma } from '$lib/stats';
import { expectCloseDeep, fixture, type Case, type DatasetFixture } from './helpers';

const datasets = ['bcg', 'normand1999-md', 'normand1999-smd', 'homogeneous', 'synthetic-300'];

describe('rma() matches metafor rma.uni() + predict() + weights() to 1e-6 (relative)', () => {
	for (const name of datasets) {
		const f = fixture<DatasetFixture>(name);
		for (const c of f.all_models) {
			it(`${name}: method ${c.options.method}, test ${c.options.test}`, () => {
				expectCloseDeep(rma(f.yi, f.vi, c.options), c.result, name);
			});
		}
	}
});

describe('rma() on zero-cell binary data (RR, OR, RD after the 1/2 correction)', () => {
	const f = fixture<Record<'RR' | 'OR' | 'RD', DatasetFixture>>('zero-cells');
	for (const m of ['RR', 'OR', 'RD'] as const) {
		for (const c of f[m].all_models) {
			it(`${m}: method ${c.options.method}, test ${c.options.test}`, () => {
				expectCloseDeep(rma(f[m].yi, f[m].vi, c.options), c.result, m);
			});
		}
	}
});

describe('rma() on k = 2, k = 1 and identical effects (knha: se 0, statistic Inf)', () => {
	const f = fixture<Record<'k2' | 'k2het' | 'k1' | 'identical', DatasetFixture>>('small-k');
	for (const key of ['k2', 'k2het', 'k1', 'identical'] as const) {
		for (const c of f[key].all_models) {
			it(`${key}: method ${c.options.method}, test ${c.options.test}`, () => {
				expectCloseDeep(rma(f[key].yi, f[key].vi, c.options), c.result, key);
			});
		}
	}
	it('k = 1: tau2 = 0, Q df 0, I2 0, H2 1, and knha falls back to z with a note', () => {
		const r = rma([0.5], [0.04], { test: 'knha' });
		expect(r).toMatchObject({
			tau2: 0,
			q: 0,
			q_df: 0,
			q_p: 1,
			i2: 0,
			h2: 1,
			test: 'z',
			df: null,
			weights: [100]
		});
		expect(r.notes.join(' ')).toMatch(/z test/);
		expect(r.tau2_se).toBeNull();
	});
});

describe('rma() fallbacks (metafor method = c("REML", "PM", "DL"))', () => {
	interface Fb {
		yi: number[];
		vi: number[];
		maxiter?: number;
		result: { method: string };
	}
	const f = fixture<{ reml_to_pm: Fb; pm_to_dl: Fb; local_max: (Fb & { warned: boolean })[] }>('fallback');
	it('REML stuck at a local maximum: tau2 = 0 when the likelihood is higher there (metafor ll0check)', () => {
		for (const c of f.local_max) {
			expect(c.warned).toBe(true);
			const r = rma(c.yi, c.vi);
			expect(r.tau2).toBe(0);
			expect(r.notes.join(' ')).toMatch(/local maximum/);
			expectCloseDeep(r, c.result, 'local_max');
		}
	});
	it('REML that does not converge falls back to PM and says so', () => {
		const c = f.reml_to_pm;
		const r = rma(c.yi, c.vi, { method: 'REML', maxiter: c.maxiter });
		expect(r.method).toBe('PM');
		expect(r.requested).toBe('REML');
		expect(r.notes.join(' ')).toMatch(/REML .*did not converge.*PM used/);
		expectCloseDeep(r, c.result, 'reml_to_pm');
	});
	it('PM without a solution below the search limit falls back to DL and says so', () => {
		const c = f.pm_to_dl;
		const r = rma(c.yi, c.vi, { method: 'PM' });
		expect(r.method).toBe('DL');
		expect(r.notes.join(' ')).toMatch(/DL used/);
		expectCloseDeep(r, c.result, 'pm_to_dl');
	});
});

describe('rma() input checks', () => {
	it('rejects non-positive or non-finite variances and length mismatches', () => {
		expect(() => rma([1, 2], [0.1, 0])).toThrow(RangeError);
		expect(() => rma([1, NaN], [0.1, 0.1])).toThrow(RangeError);
		expect(() => rma([1, 2], [0.1])).toThrow(RangeError);
		expect(() => rma([], [])).toThrow(RangeError);
	});
	it('uses the exact normal quantile for a 90% interval', () => {
		const f = fixture<DatasetFixture>('bcg');
		const r90 = rma(f.yi, f.vi, { level: 90 });
		const r95 = rma(f.yi, f.vi);
		expect((r90.ci.upper - r90.estimate) / r90.se).toBeCloseTo(1.6448536269514722, 12);
		expect((r95.ci.upper - r95.estimate) / r95.se).toBeCloseTo(1.959963984540054, 12);
	});
});

export type { Case };

describe('meta-regression input checks', () => {
	it('regtest stops, as metafor does, when all sampling variances are equal (sei constant)', () => {
		expect(() => regtest([0.1, 0.5, 0.3, 0.2], [0.04, 0.04, 0.04, 0.04])).toThrow(/full rank/);
		expect(() => regtest([0.1, 0.5], [0.04, 0.09])).toThrow(RangeError);
		expect(regtest([0.1, 0.5, 0.3, 0.2], [0.04, 0.05, 0.06, 0.03]).k).toBe(4);
	});
});
