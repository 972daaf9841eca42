/**
 * Published netmeta results for Stowe 2010 (Balduzzi et al. 2023, J Stat Softw 106(2), section 5.1; generalised
 * DerSimonian-Laird, random effects) and the metadat documentation values for Senn 2013, reproduced to their
 * printed precision (tests/fixtures/network/published.json).
 */
import { describe, expect, it } from 'vitest';
import { networkMetaAnalysis } from '$lib/stats/network';
import { networkFixture, studiesFromArms } from './network-helpers';

interface Published {
	stowe2010: {
		tau2: string;
		i2: string;
		i2_ci: [string, string];
		q_total: string;
		q_total_df: number;
		q_total_p: string;
		q_within: string;
		q_within_df: number;
		q_between: string;
		q_between_df: number;
		q_between_p: string;
		random_dbt_q: string;
		random_dbt_df: number;
		random_dbt_p: string;
		tau_within: string;
		vs_placebo: { treatment: string; estimate: string; lower: string; upper: string }[];
		pscores: { treatment: string; pscore: string }[];
		netsplit_random: {
			treatment: string;
			comparator: string;
			prop: string;
			direct: string;
			indirect: string;
			p: string;
		}[];
		metafor_reml: { tau2: string; estimates: { treatment: string; estimate: string; se: string }[] };
	};
	senn2013: {
		tau2: string;
		q: string;
		q_df: number;
		estimates: { treatment: string; estimate: string; se: string }[];
	};
}

const published = networkFixture<Published>('published');

/** The value, rounded to the printed number of decimals, equals the printed value. */
function expectPrinted(actual: number | null | undefined, printed: string, label: string): void {
	expect(typeof actual, label).toBe('number');
	const decimals = printed.includes('.') ? printed.split('.')[1]!.length : 0;
	const tol = 0.5 * 10 ** -decimals + 1e-12;
	expect(Math.abs(actual! - Number(printed)) <= tol, `${label}: ${actual} vs printed ${printed}`).toBe(true);
}

describe('Stowe 2010: netmeta (generalised DL, random effects) as published', () => {
	const f = networkFixture('stowe2010');
	const p = published.stowe2010;
	const fit = networkMetaAnalysis(studiesFromArms(f.arms), { reference: 'Placebo' }).components[0]!;

	it('tau2, I2 with its interval, and Q', () => {
		expect(fit.method).toBe('DL');
		expectPrinted(fit.tau2, p.tau2, 'tau2');
		expectPrinted(fit.heterogeneity.i2, p.i2, 'I2');
		expectPrinted(fit.heterogeneity.i2Ci!.lower, p.i2_ci[0], 'I2 lower');
		expectPrinted(fit.heterogeneity.i2Ci!.upper, p.i2_ci[1], 'I2 upper');
		expectPrinted(fit.heterogeneity.q, p.q_total, 'Q');
		expect(fit.heterogeneity.df).toBe(p.q_total_df);
		expectPrinted(fit.heterogeneity.p, p.q_total_p, 'Q p');
	});

	it('design-by-treatment decomposition, common and random effects', () => {
		const d = fit.designByTreatment;
		expectPrinted(d.qWithin, p.q_within, 'Q within designs');
		expect(d.qWithinDf).toBe(p.q_within_df);
		expectPrinted(d.qBetween, p.q_between, 'Q between designs');
		expect(d.qBetweenDf).toBe(p.q_between_df);
		expectPrinted(d.pBetween, p.q_between_p, 'p between designs');
		expectPrinted(d.random!.q, p.random_dbt_q, 'random-effects design-by-treatment Q');
		expect(d.random!.df).toBe(p.random_dbt_df);
		expectPrinted(d.random!.p, p.random_dbt_p, 'random-effects design-by-treatment p');
		expectPrinted(Math.sqrt(d.random!.tau2Within), p.tau_within, 'tau within designs');
	});

	it('mean differences versus placebo with 95% CI', () => {
		for (const want of p.vs_placebo) {
			const got = fit.vsReference.find((e) => e.treatment === want.treatment)!;
			expectPrinted(got.estimate, want.estimate, `${want.treatment} MD`);
			expectPrinted(got.ci.lower, want.lower, `${want.treatment} lower`);
			expectPrinted(got.ci.upper, want.upper, `${want.treatment} upper`);
		}
	});

	it('P-scores (small values good)', () => {
		for (const want of p.pscores)
			expectPrinted(
				fit.pscores.find((s) => s.treatment === want.treatment)!.pscore,
				want.pscore,
				want.treatment
			);
	});

	it('netsplit (back-calculation, random effects): proportion, direct, indirect, p', () => {
		for (const want of p.netsplit_random) {
			// the engine may report the comparison the other way round: then direct and indirect change sign
			const same = fit.side.find((s) => s.treatment === want.treatment && s.comparator === want.comparator);
			const flipped = fit.side.find(
				(s) => s.treatment === want.comparator && s.comparator === want.treatment
			);
			const s = (same ?? flipped)!;
			const sign = same ? 1 : -1;
			const l = `${want.treatment}:${want.comparator}`;
			expect(s.kind, l).toBe('direct and indirect');
			expectPrinted(s.proportion, want.prop, `${l} proportion`);
			expectPrinted(sign * s.direct!, want.direct, `${l} direct`);
			expectPrinted(sign * s.indirect!, want.indirect, `${l} indirect`);
			expectPrinted(s.p, want.p, `${l} p`);
		}
	});

	it('the other comparisons say why they have no SIDE test', () => {
		const kinds = Object.fromEntries(fit.side.map((s) => [`${s.treatment}:${s.comparator}`, s.kind]));
		expect(kinds['Dopamine Agonist:Placebo']).toBe('direct only');
		expect(kinds['Dopamine Agonist:COMTI']).toBe('indirect only');
		expect(kinds['MAOBI:Dopamine Agonist']).toBe('indirect only');
		expect(fit.side.filter((s) => s.p !== null)).toHaveLength(3);
	});

	it('metafor REML values quoted in NMA.md', () => {
		const reml = networkMetaAnalysis(studiesFromArms(f.arms), { reference: 'Placebo', method: 'REML' })
			.components[0]!;
		expectPrinted(reml.tau2, p.metafor_reml.tau2, 'REML tau2');
		for (const want of p.metafor_reml.estimates) {
			const got = reml.vsReference.find((e) => e.treatment === want.treatment)!;
			expectPrinted(got.estimate, want.estimate, `${want.treatment} estimate`);
			expectPrinted(got.se, want.se, `${want.treatment} se`);
		}
	});
});

describe('Senn 2013: metadat documentation (REML, rho = 1/2)', () => {
	const f = networkFixture('senn2013');
	const p = published.senn2013;
	const fit = networkMetaAnalysis(studiesFromArms(f.arms), { reference: 'placebo', method: 'REML' })
		.components[0]!;
	it('tau2, QE and estimates versus placebo', () => {
		expectPrinted(fit.tau2, p.tau2, 'tau2');
		expectPrinted(fit.heterogeneity.q, p.q, 'QE');
		expect(fit.heterogeneity.df).toBe(p.q_df);
		for (const want of p.estimates) {
			const got = fit.vsReference.find((e) => e.treatment === want.treatment)!;
			expectPrinted(got.estimate, want.estimate, `${want.treatment} estimate`);
			expectPrinted(got.se, want.se, `${want.treatment} se`);
		}
	});
});
