import { describe, expect, test } from 'vitest';
import { loadFiles } from '../../../src/cli/summarize';
import type { SideResult } from '$lib/stats/network';
import { buildNetwork } from '$lib/evidence/network-analysis';
import {
	biasDomain,
	concernFromAverage,
	crossings,
	heterogeneityConcern,
	imprecisionConcern,
	incoherenceConcern,
	networkCertainty,
	rateNetwork,
	studyEdgeShares,
	type NetworkDomain
} from '$lib/evidence/network-certainty';
import { DEFAULT_SETTINGS } from '$lib/evidence/types';
import type { NetworkStudy } from '$lib/evidence/network-analysis';

const I = (lower: number, upper: number) => ({ lower, upper });
const MID = 10;

describe('CINeMA rules at their boundaries', () => {
	test('weighted average: < 0.5 no, < 1.5 some, else major', () => {
		expect(concernFromAverage(0.4999)).toBe('no concerns');
		expect(concernFromAverage(0.5)).toBe('some concerns');
		expect(concernFromAverage(1.4999)).toBe('some concerns');
		expect(concernFromAverage(1.5)).toBe('major concerns');
	});

	test('bias: contribution-weighted, per comparison; a not-assessed study counts as some concerns', () => {
		const study = (rob: NetworkStudy['rob']): NetworkStudy => ({
			study_id: 's',
			study: 's',
			year: 2000,
			nodes: ['acupuncture', 'sham'],
			n: [1, 1],
			from: 'arms',
			timepoint_weeks: 8,
			scale: 'VAS_0_100',
			rob,
			indirect: null
		});
		const low = study({ 'acupuncture-vs-sham': 'low' });
		const high = study({ 'acupuncture-vs-sham': 'high' });
		const none = study({ 'acupuncture-vs-sham': null });
		const at = (s: NetworkStudy, share: number) => ({ study: s, a: 'acupuncture', b: 'sham', share });
		expect(biasDomain([at(low, 0.76), at(high, 0.24)]).concern).toBe('no concerns'); // 0.48
		expect(biasDomain([at(low, 0.75), at(high, 0.25)]).concern).toBe('some concerns'); // 0.50
		expect(biasDomain([at(low, 0.25), at(high, 0.75)]).concern).toBe('major concerns'); // 1.50
		expect(biasDomain([at(none, 1)]).concern).toBe('some concerns');
		// the judgement for the comparison the study informs, not another of its comparisons
		const multi = study({ 'acupuncture-vs-sham': 'high', 'acupuncture-vs-no_treatment': 'low' });
		expect(biasDomain([{ study: multi, a: 'acupuncture', b: 'no_treatment', share: 1 }]).concern).toBe(
			'no concerns'
		);
	});

	test('imprecision: inside the ROE no; else 0 / 1 / 2 crossings of {0, opposite bound}', () => {
		expect(imprecisionConcern(I(-9.9, 9.9), 0, MID)).toBe('no concerns');
		expect(imprecisionConcern(I(1, 25), 13, MID)).toBe('no concerns'); // crosses only the same-side bound
		expect(imprecisionConcern(I(-1, 25), 12, MID)).toBe('some concerns'); // null inside
		expect(imprecisionConcern(I(0, 25), 12, MID)).toBe('no concerns'); // strictly inside only
		expect(imprecisionConcern(I(-11, 25), 7, MID)).toBe('major concerns'); // null and -MID inside
		expect(imprecisionConcern(I(-25, 11), -7, MID)).toBe('major concerns'); // null and +MID inside
		expect(crossings(I(-10, 20), 5, MID)).toBe(1);
	});

	test('heterogeneity: the (CI, PI) crossing table', () => {
		const h = (ci: [number, number], pi: [number, number], est: number) =>
			heterogeneityConcern(I(...ci), I(...pi), est, MID);
		expect(h([5, 25], [2, 28], 15)).toBe('no concerns'); // (0,0)
		expect(h([5, 25], [-2, 28], 15)).toBe('some concerns'); // (0,1)
		expect(h([5, 25], [-12, 40], 15)).toBe('major concerns'); // (0,2)
		expect(h([-1, 25], [-2, 28], 12)).toBe('no concerns'); // (1,1)
		expect(h([-1, 25], [-12, 36], 12)).toBe('some concerns'); // (1,2)
		expect(h([-11, 25], [-20, 34], 7)).toBe('no concerns'); // (2,2)
		expect(heterogeneityConcern(I(5, 25), null, 15, MID)).toBe('some concerns');
	});

	const side = (p: number, direct: number, indirect: number, se = 1): SideResult => ({
		treatment: 'a',
		comparator: 'b',
		kind: 'direct and indirect',
		directStudies: 1,
		network: 0,
		direct,
		directSe: se,
		indirect,
		indirectSe: se,
		proportion: 0.5,
		difference: direct - indirect,
		z: 0,
		p,
		note: ''
	});

	test('incoherence with direct and indirect evidence: SIDE p at 0.10, then agreement of regions', () => {
		expect(incoherenceConcern(side(0.1, -20, 20), 0.5, MID, 95).concern).toBe('no concerns');
		// p just below 0.10: both CIs below the ROE only -> 3 agreements
		expect(incoherenceConcern(side(0.0999, -30, -20), 0.5, MID, 95).concern).toBe('no concerns');
		// direct below and across, indirect across only: 2 agreements
		expect(incoherenceConcern(side(0.05, -11, 0), 0.5, MID, 95).concern).toBe('some concerns');
		// direct below only, indirect above only: 1 agreement
		expect(incoherenceConcern(side(0.001, -30, 30), 0.5, MID, 95).concern).toBe('major concerns');
	});

	test('incoherence without both kinds: design-by-treatment p > 0.10 / 0.05-0.10 / <= 0.05 / not estimable', () => {
		const only: SideResult = { ...side(0.5, 0, 0), kind: 'direct only', p: null };
		expect(incoherenceConcern(only, 0.1001, MID, 95).concern).toBe('no concerns');
		expect(incoherenceConcern(only, 0.1, MID, 95).concern).toBe('some concerns');
		expect(incoherenceConcern(only, 0.0501, MID, 95).concern).toBe('some concerns');
		expect(incoherenceConcern(only, 0.05, MID, 95).concern).toBe('major concerns');
		expect(incoherenceConcern(only, null, MID, 95).concern).toBe('major concerns');
	});

	test('rating: one level per some, two per major; linked domains count once', () => {
		const d = (domain: NetworkDomain['domain'], levels: number): NetworkDomain => ({
			domain,
			levels,
			counted: levels,
			concern: (['no concerns', 'some concerns', 'major concerns'] as const)[levels]!,
			reason: ''
		});
		expect(rateNetwork([d('within-study bias', 0), d('imprecision', 0)]).level).toBe('high');
		expect(rateNetwork([d('within-study bias', 1), d('indirectness', 1)]).level).toBe('low');
		expect(rateNetwork([d('within-study bias', 2), d('indirectness', 2)]).level).toBe('very low');
		const linked = rateNetwork([d('imprecision', 1), d('heterogeneity', 1), d('incoherence', 2)]);
		expect(linked.level).toBe('low');
		expect(linked.domains.map((x) => x.counted)).toEqual([0, 0, 2]);
		expect(linked.domains[0]!.reason).toMatch(/Not counted again: linked with incoherence/);
		expect(rateNetwork([d('within-study bias', 1), d('imprecision', 2), d('heterogeneity', 1)]).level).toBe(
			'very low'
		);
	});
});

test('bundled network: one row of reasons per estimate, contributions summing to one', () => {
	const { data } = loadFiles([]);
	const net = buildNetwork(data, DEFAULT_SETTINGS, 'pain', 'chronic', 'short');
	const fit = net.analysis!.components[0]!;
	const rows = networkCertainty(net, fit, 15);
	const T = fit.treatments.length;
	expect(rows).toHaveLength((T * (T - 1)) / 2);
	for (const r of rows) {
		expect(r.domains.map((d) => d.domain)).toEqual([
			'within-study bias',
			'indirectness',
			'imprecision',
			'heterogeneity',
			'incoherence'
		]);
		for (const d of r.domains) expect(d.reason.length).toBeGreaterThan(10);
	}
	// brinkhaus2006 enters with a waiting list counted as no treatment: indirectness for acupuncture vs none
	const an = rows.find((r) => r.treatment === 'acupuncture' && r.comparator === 'no_treatment')!;
	expect(an.domains[1]!.reason).toMatch(/waiting list/);
	for (const r of rows) {
		const shares = studyEdgeShares(fit, net, r.treatment, r.comparator);
		expect(shares.reduce((t, x) => t + x.share, 0)).toBeCloseTo(1, 10);
	}
});
