import { describe, expect, test } from 'vitest';
import { loadFiles } from '../../../src/cli/summarize';
import { buildAnalyses } from '$lib/evidence/analyses';
import { bundledClaims } from '$lib/evidence/claims';
import { evaluateClaim } from '$lib/evidence/evaluate';
import { buildNetworks } from '$lib/evidence/network-analysis';
import { pairCovariance } from '$lib/evidence/network-claims';
import { DEFAULT_SETTINGS } from '$lib/evidence/types';

const { data } = loadFiles([]);
const analyses = buildAnalyses(data, DEFAULT_SETTINGS);
const networks = buildNetworks(data, DEFAULT_SETTINGS);
const view = { mids: { MD: 15, SMD: 0.5, RR: 1.25, OR: 1.25, RD: 0.05 } };
const claim = (id: string) => bundledClaims.claims.find((c) => c.id === id)!;
const fit = networks.find((n) => n.id === 'pain:chronic:short')!.analysis!.components[0]!;
const pair = (t: string, c: string) => fit.league.find((x) => x.treatment === t && x.comparator === c)!;

describe('claims get the network estimate beside the direct one', () => {
	test.each(['sham-as-good', 'both-beat-none', 'placebo-share'])(
		'%s: same verdict, the sentence says what the network estimate rests on',
		(id) => {
			const without = evaluateClaim(claim(id), analyses, view);
			const withNet = evaluateClaim(claim(id), analyses, view, networks);
			expect(withNet.verdict).toBe(without.verdict);
			expect(without.sentence).not.toMatch(/Network estimate/);
			expect(withNet.sentence).toMatch(/Network estimate from 3 trials, direct and indirect/);
			expect(withNet.sentence).toMatch(/prediction interval/);
		}
	);

	test('the derived numbers are the league table entries', () => {
		const r = evaluateClaim(claim('sham-as-good'), analyses, view, networks);
		const e = pair('acupuncture', 'sham');
		expect(r.extra.network_acupuncture_vs_sham_estimate).toBe(e.estimate);
		expect(r.extra.network_acupuncture_vs_sham_ci_lower).toBe(e.ci.lower);
		expect(r.extra.network_acupuncture_vs_sham_pi_upper).toBe(e.pi!.upper);
	});

	test('pairCovariance gives each estimate its league variance and the covariance of two comparisons', () => {
		for (const [t, c] of [
			['acupuncture', 'sham'],
			['sham', 'no_treatment'],
			['usual_care', 'acupuncture']
		] as const)
			expect(pairCovariance(fit, t, c, t, c)).toBeCloseTo(pair(t, c).se ** 2, 10);
		// var(A - S) = var(A - N) + var(S - N) - 2 cov(A - N, S - N)
		const cov = pairCovariance(fit, 'acupuncture', 'no_treatment', 'sham', 'no_treatment');
		expect(
			pair('acupuncture', 'no_treatment').se ** 2 + pair('sham', 'no_treatment').se ** 2 - 2 * cov
		).toBeCloseTo(pair('acupuncture', 'sham').se ** 2, 10);
	});

	test('placebo share from the network: the ratio of the two network estimates', () => {
		const r = evaluateClaim(claim('placebo-share'), analyses, view, networks);
		expect(r.extra.network_share).toBeCloseTo(
			pair('sham', 'no_treatment').estimate / pair('acupuncture', 'no_treatment').estimate,
			12
		);
		expect(r.extra.network_share_ci_lower!).toBeLessThan(r.extra.network_share!);
		expect(r.extra.network_share_ci_upper!).toBeGreaterThan(r.extra.network_share!);
	});
});
