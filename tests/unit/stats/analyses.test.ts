import { describe, it } from 'vitest';
import { confint, cumul, leave1out, regtest, subgroup, trimfill } from '$lib/stats';
import { expectCloseDeep, fixture, listSummary, type DatasetFixture } from './helpers';

const datasets = ['bcg', 'normand1999-md', 'normand1999-smd', 'homogeneous', 'synthetic-300'];

for (const name of datasets) {
	const f = fixture<DatasetFixture>(name);
	describe(`${name}: sensitivity, bias and heterogeneity analyses match metafor to 1e-6 (relative)`, () => {
		for (const c of f.leave1out ?? []) {
			it(`leave1out, ${c.options.method} ${c.options.test}`, () => {
				const r = leave1out(f.yi, f.vi, c.options).map((s) => listSummary(s.result));
				expectCloseDeep(r, c.result, 'leave1out');
			});
		}
		for (const c of f.cumul ?? []) {
			it(`cumul ordered by year, ${c.options.method} ${c.options.test}`, () => {
				const r = cumul(f.yi, f.vi, c.options, c.order).map((s) => listSummary(s.result));
				expectCloseDeep(r, c.result, 'cumul');
			});
		}
		for (const c of f.regtest ?? []) {
			it(`regtest, ${c.options.method} ${c.options.test}`, () => {
				expectCloseDeep(regtest(f.yi, f.vi, c.options), c.result, 'regtest');
			});
		}
		for (const c of f.trimfill ?? []) {
			it(`trimfill, ${c.options.method} ${c.options.test} level ${c.options.level}`, () => {
				expectCloseDeep(trimfill(f.yi, f.vi, c.options), c.result, 'trimfill');
			});
		}
		for (const c of f.confint ?? []) {
			it(`confint (Q-profile), ${c.options.method} level ${c.options.level}`, () => {
				expectCloseDeep(confint(f.yi, f.vi, c.options), c.result, 'confint');
			});
		}
		for (const c of f.subgroup ?? []) {
			it(`subgroups by allocation, ${c.options.method} ${c.options.test}`, () => {
				expectCloseDeep(subgroup(f.yi, f.vi, c.group, c.options), c.result, 'subgroup');
			});
		}
	});
}

describe('k = 2 edge cases match metafor', () => {
	const f = fixture<Record<'k2' | 'k2het', DatasetFixture>>('small-k');
	for (const key of ['k2', 'k2het'] as const) {
		for (const c of f[key].confint ?? []) {
			it(`${key}: confint`, () => expectCloseDeep(confint(f[key].yi, f[key].vi, c.options), c.result, key));
		}
	}
	for (const c of f.k2.leave1out ?? []) {
		it('k2: leave1out with knha (single-study refits use z)', () => {
			const r = leave1out(f.k2.yi, f.k2.vi, c.options).map((s) => listSummary(s.result));
			expectCloseDeep(r, c.result, 'k2 leave1out');
		});
	}
});
