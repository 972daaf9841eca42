/**
 * The network engine against metafor rma.mv (tests/reference/network.R): common effect, REML and tau^2 fixed, for
 * Stowe 2010, Senn 2013 and a synthetic network with a three-arm study, at 1e-6 relative; design-by-treatment Q.
 */
import { describe, expect, it } from 'vitest';
import {
	consistencyModel,
	fitAt,
	interactionModel,
	networkMetaAnalysis,
	type NetworkFit,
	type NetworkOptions
} from '$lib/stats/network';
import { expectClose } from './helpers';
import { networkFixture, studiesFromArms, type ModelFixture } from './network-helpers';

const datasets = ['stowe2010', 'senn2013', 'synthetic'];

function compare(fit: NetworkFit, f: ModelFixture, reference: string, treatments: string[], label: string) {
	expect(fit.reference).toBe(reference);
	expect(fit.treatments).toEqual([reference, ...treatments]);
	expectClose(fit.tau2, f.tau2, `${label} tau2`);
	fit.vsReference.forEach((e, i) => {
		expectClose(e.estimate, f.estimate[i], `${label} estimate ${e.treatment}`);
		expectClose(e.se, f.se[i], `${label} se ${e.treatment}`);
	});
	fit.vcov.forEach((row, i) =>
		row.forEach((v, j) => expectClose(v, f.vcov[i]![j], `${label} vcov[${i}][${j}]`))
	);
	expectClose(fit.heterogeneity.q, f.q, `${label} Q`);
	expect(fit.heterogeneity.df).toBe(f.q_df);
	expectClose(fit.heterogeneity.p, f.q_p, `${label} Q p`);
	expect(fit.league).toHaveLength(f.league.length);
	for (const want of f.league) {
		const got = fit.league.find((e) => e.treatment === want.a && e.comparator === want.b)!;
		expect(got, `${label} ${want.a} vs ${want.b}`).toBeDefined();
		const l = `${label} ${want.a} vs ${want.b}`;
		expectClose(got.estimate, want.estimate, `${l} estimate`);
		expectClose(got.se, want.se, `${l} se`);
		expectClose(got.ci.lower, want.ci.lower, `${l} ci.lower`);
		expectClose(got.ci.upper, want.ci.upper, `${l} ci.upper`);
		expectClose(got.pi!.lower, want.pi.lower, `${l} pi.lower`);
		expectClose(got.pi!.upper, want.pi.upper, `${l} pi.upper`);
	}
}

describe('networkMetaAnalysis() matches metafor rma.mv at 1e-6 (relative)', () => {
	for (const name of datasets) {
		const f = networkFixture(name);
		const studies = studiesFromArms(f.arms);
		const run = (o: NetworkOptions) =>
			networkMetaAnalysis(studies, { reference: f.reference, predictionQuantile: 'z', ...o });
		it(`${name}: ${f.k} studies, ${f.contrasts} contrasts`, () => {
			expect(studies).toHaveLength(f.k);
			expect(run({}).components[0]!.contrasts).toBe(f.contrasts);
		});
		it(`${name}: common effect (method = "EE")`, () => {
			const r = run({ method: 'FE' });
			expect(r.connected).toBe(true);
			compare(r.components[0]!, f.common, f.reference, f.treatments, `${name} FE`);
		});
		it(`${name}: REML (random = ~ comp | study, rho = 1/2)`, () => {
			const fit = run({ method: 'REML' }).components[0]!;
			expect(fit.method).toBe('REML');
			compare(fit, f.reml, f.reference, f.treatments, `${name} REML`);
		});
		it(`${name}: tau2 fixed at ${f.fixed.tau2}`, () => {
			const fit = run({ tau2: f.fixed.tau2 }).components[0]!;
			expect(fit.method).toBe('fixed');
			compare(fit, f.fixed, f.reference, f.treatments, `${name} fixed`);
		});
		it(`${name}: design-by-treatment interaction (common effect, and random at tau2 = ${f.fixed.tau2})`, () => {
			const d = f.design_by_treatment;
			const dbt = run({}).components[0]!.designByTreatment;
			expect(dbt.designs).toBe(d.designs);
			expectClose(dbt.qWithin, d.q_inconsistency, 'Q within designs');
			expect(dbt.qWithinDf).toBe(d.q_inconsistency_df);
			expectClose(dbt.qBetween, d.q_between, 'Q between designs', 1e-6);
			expect(dbt.qBetweenDf).toBe(d.q_between_df);
			// the random-effects statistic at a given tau2: Q(consistency) - Q(interaction) = metafor's Wald test
			const treatments = [f.reference, ...f.treatments];
			const t2 = d.random_at_fixed_tau2.tau2;
			const q =
				fitAt(studies, consistencyModel(studies, treatments), t2).q -
				fitAt(studies, interactionModel(studies, treatments), t2).q;
			expectClose(q, d.random_at_fixed_tau2.q, 'random-effects design-by-treatment Q');
		});
	}
});
