import { describe, expect, it } from 'vitest';
import fixture from '../../fixtures/bundled/metafor.json' with { type: 'json' };
import { loadFiles } from '../../../src/cli/summarize';
import { buildAnalyses } from '$lib/evidence/analyses';
import { DEFAULT_SETTINGS } from '$lib/evidence/types';
import type { Method, TestType } from '$lib/stats/types';

/** Every bundled analysis, for every estimator and test, against metafor (tests/reference/bundled.R). */
const { data } = loadFiles([]);
const arr = (x: number | number[]) => (Array.isArray(x) ? x : [x]);
const close = (got: number, want: number, what: string) => {
	const tol = 1e-6 * Math.max(Math.abs(want), 1e-8) + 1e-10;
	expect(Math.abs(got - want), `${what}: ${got} vs metafor ${want}`).toBeLessThanOrEqual(tol);
};

describe(`bundled analyses against metafor ${fixture.metafor}`, () => {
	const cache = new Map<string, ReturnType<typeof buildAnalyses>>();
	it.each(fixture.fits.map((f) => [`${f.id} ${f.method}/${f.test}`, f] as const))('%s', (_, f) => {
		const key = `${f.method}/${f.test}`;
		if (!cache.has(key))
			cache.set(
				key,
				buildAnalyses(data, { ...DEFAULT_SETTINGS, method: f.method as Method, test: f.test as TestType })
			);
		const a = cache.get(key)!.find((x) => x.id === f.id);
		expect(a, f.id).toBeDefined();
		const r = a!.result!;
		// Studies the analysis leaves out (no events in either arm of a ratio) are not in the JSON R refits.
		const used = a!.studies.filter((s) => !s.excluded);
		arr(f.yi).forEach((y, i) => close(used[i]!.yi, y, `yi[${i}]`));
		arr(f.vi).forEach((v, i) => close(used[i]!.vi, v, `vi[${i}]`));
		expect(r.method).toBe(f.method_used);
		for (const [mine, want, what] of [
			[r.estimate, f.estimate, 'estimate'],
			[r.se, f.se, 'se'],
			[r.ci.lower, f.ci_lower, 'ci.lb'],
			[r.ci.upper, f.ci_upper, 'ci.ub'],
			[r.pi.lower, f.pi_lower, 'pi.lb'],
			[r.pi.upper, f.pi_upper, 'pi.ub'],
			[r.tau2, f.tau2, 'tau2'],
			[r.i2, f.i2, 'I2'],
			[r.h2, f.h2, 'H2'],
			[r.q, f.q, 'QE'],
			[r.p, f.p, 'pval']
		] as const)
			close(mine, want, what);
		arr(f.weights).forEach((w, i) => close(used[i]!.weight!, w, `weight[${i}]`));
	});
});
