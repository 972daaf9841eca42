import { describe, expect, test } from 'vitest';
import { loadFiles } from '../../../src/cli/summarize';
import { buildAnalyses } from '$lib/evidence/analyses';
import { buildNetwork, buildNetworks, findNetwork } from '$lib/evidence/network-analysis';
import { DEFAULT_NODES, nodeOf } from '$lib/evidence/network-nodes';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '$lib/evidence/types';
import type { Dataset } from '$lib/data/types';
import { arm, binaryArm, contrast, trial } from './factory';

const FE: AnalysisSettings = { ...DEFAULT_SETTINGS, method: 'FE' };
const bundled = loadFiles([]).data;

describe('network inputs from the dataset', () => {
	test('bundled chronic pain, short window: every study with all its arms, on the pairwise scale and orientation', () => {
		const net = findNetwork(buildNetworks(bundled, DEFAULT_SETTINGS), 'pain', 'chronic', 'short')!;
		expect(net.measure).toBe('MD');
		const ids = net.studies.map((s) => s.study_id);
		expect(ids).toEqual(['brinkhaus2006', 'haake2007', 'zaringhalam2010']);
		expect(net.studies[0]!.nodes).toEqual(['acupuncture', 'sham', 'no_treatment']);
		// Kong 2020 reports PROMIS T scores only: not on 0-100, left out with the reason
		expect(net.notes.join(' ')).toMatch(/Kong 2020: left out/);
		// each study's contrasts equal the pairwise analyses' effects of the same comparison
		const pairwise = buildAnalyses(bundled, DEFAULT_SETTINGS);
		for (const [i, s] of net.studies.entries()) {
			const c = net.input[i]!;
			for (let j = 1; j < c.treatments.length; j++) {
				const [t, ref] = [c.treatments[j]!, c.treatments[0]!];
				const a = pairwise.find((x) => x.id === `pain:chronic:${t}-vs-${ref}:short`);
				const flip = !a;
				const b = a ?? pairwise.find((x) => x.id === `pain:chronic:${ref}-vs-${t}:short`)!;
				const e = b.studies.find((x) => x.study_id === s.study_id && x.from === 'arms')!;
				expect(c.y[j - 1]).toBeCloseTo(flip ? -e.yi : e.yi, 10);
				expect(c.V[j - 1]![j - 1]).toBeCloseTo(e.vi, 10);
			}
		}
		expect(net.analysis?.connected).toBe(true);
	});

	test('two-arm trials of one comparison: the common-effect network equals the pairwise common-effect result', () => {
		const data: Dataset = {
			trials: [
				...trial('a', 'acupuncture', 'sham', -30, -22),
				...trial('b', 'acupuncture', 'sham', -25, -24, { n: 60, sd: 25 }),
				...trial('c', 'acupuncture', 'sham', -28, -15, { sd: 15 })
			],
			contrasts: []
		};
		const net = buildNetwork(data, FE, 'pain', 'chronic', 'short');
		const pair = buildAnalyses(data, FE).find((a) => a.id === 'pain:chronic:acupuncture-vs-sham:short')!;
		const e = net.analysis!.components[0]!.league.find(
			(x) => x.treatment === 'acupuncture' && x.comparator === 'sham'
		)!;
		expect(e.estimate).toBeCloseTo(pair.result!.estimate, 10);
		expect(e.se).toBeCloseTo(pair.result!.se, 10);
	});

	test('two arms of one node are combined into one (no node counted twice)', () => {
		const data: Dataset = {
			trials: [
				arm({ study_id: 'm', arm: 'acupuncture', arm_label: 'manual', n: 50, mean: -30 }),
				arm({ study_id: 'm', arm: 'acupuncture', arm_label: 'electro', n: 40, mean: -20 }),
				arm({ study_id: 'm', arm: 'sham', n: 45, mean: -18 }),
				...trial('x', 'acupuncture', 'sham', -25, -20)
			],
			contrasts: []
		};
		const net = buildNetwork(data, FE, 'pain', 'chronic', 'short');
		const m = net.studies.find((s) => s.study_id === 'm')!;
		expect(m.nodes).toEqual(['acupuncture', 'sham']);
		expect(m.n).toEqual([90, 45]);
		// pooled mean of the combined arm: (50 x -30 + 40 x -20) / 90
		expect(net.input.find((s) => s.id === 'm')!.y[0]).toBeCloseTo(-18 - (50 * -30 + 40 * -20) / 90, 10);
	});

	test('a two-arm trial reported only as a contrast enters with its variance; a multi-arm one is left out', () => {
		const data: Dataset = {
			trials: [...trial('x', 'acupuncture', 'sham', -25, -20)],
			contrasts: [
				contrast({
					study_id: 'two',
					treatment: 'acupuncture',
					control: 'usual_care',
					estimate: -8,
					ci_lower: -12,
					ci_upper: -4
				}),
				contrast({ study_id: 'multi', treatment: 'acupuncture', control: 'sham' }),
				contrast({ study_id: 'multi', treatment: 'acupuncture', control: 'no_treatment' })
			]
		};
		const net = buildNetwork(data, FE, 'pain', 'chronic', 'short');
		const two = net.input.find((s) => s.id === 'two')!;
		expect(two.treatments).toEqual(['usual_care', 'acupuncture']);
		expect(two.y[0]).toBeCloseTo(-8, 12);
		expect(Math.sqrt(two.V[0]![0]!)).toBeCloseTo(8 / (2 * 1.959963984540054), 8);
		expect(net.input.some((s) => s.id === 'multi')).toBe(false);
		expect(net.notes.join(' ')).toMatch(/multi.*covariance is unknown/);
	});

	test('a reversed contrast row (sham minus acupuncture) is oriented like the arms', () => {
		const data: Dataset = {
			trials: [...trial('x', 'acupuncture', 'no_treatment', -25, -5)],
			contrasts: [
				contrast({
					study_id: 'r',
					treatment: 'sham',
					control: 'acupuncture',
					estimate: 4,
					ci_lower: 0,
					ci_upper: 8
				})
			]
		};
		const s = buildNetwork(data, FE, 'pain', 'chronic', 'short').input.find((x) => x.id === 'r')!;
		// y is treatments[1] minus treatments[0]: sham - acupuncture = +4 either way round
		const i = s.treatments.indexOf('sham');
		expect(i === 1 ? s.y[0] : -s.y[0]!).toBeCloseTo(4, 12);
	});

	test('node choices: sham split (unclear its own node), waiting list apart, drug with usual care', () => {
		const split = { ...DEFAULT_NODES, shamSplit: true };
		expect(nodeOf('sham', 'penetrating', null, split)).toBe('sham_penetrating');
		expect(nodeOf('sham', 'non_penetrating', null, split)).toBe('sham_non_penetrating');
		expect(nodeOf('sham', 'unclear', null, split)).toBe('sham_unclear');
		expect(nodeOf('sham', null, null, split)).toBe('sham_unclear');
		expect(nodeOf('sham', 'penetrating', null, DEFAULT_NODES)).toBe('sham');
		const wl = { ...DEFAULT_NODES, waitingListApart: true };
		expect(nodeOf('no_treatment', null, 'waiting_list', wl)).toBe('waiting_list');
		expect(nodeOf('no_treatment', null, 'no_treatment', wl)).toBe('no_treatment');
		expect(nodeOf('no_treatment', null, 'waiting_list', DEFAULT_NODES)).toBe('no_treatment');
		expect(nodeOf('active_drug', null, 'drug', { ...DEFAULT_NODES, drugWithUsualCare: true })).toBe(
			'usual_care'
		);
		expect(nodeOf('active_drug', null, 'drug', DEFAULT_NODES)).toBe('active_drug');
		const net = buildNetwork(bundled, { ...DEFAULT_SETTINGS, network: wl }, 'pain', 'chronic', 'short');
		expect(net.studies.find((s) => s.study_id === 'brinkhaus2006')!.nodes).toContain('waiting_list');
		expect(net.studies.find((s) => s.study_id === 'zaringhalam2010')!.nodes).toContain('no_treatment');
		// lumped by default: the waiting list stands in for no treatment (indirectness)
		const lumped = buildNetwork(bundled, DEFAULT_SETTINGS, 'pain', 'chronic', 'short');
		expect(lumped.studies.find((s) => s.study_id === 'brinkhaus2006')!.indirect).toMatch(/waiting list/);
	});

	test("the user's exclusions apply and are listed", () => {
		const ex = buildNetwork(
			bundled,
			{ ...DEFAULT_SETTINGS, excluded: ['haake2007'] },
			'pain',
			'chronic',
			'short'
		);
		expect(ex.studies.map((s) => s.study_id)).toEqual(['brinkhaus2006', 'zaringhalam2010']);
		expect(ex.excluded).toEqual([{ study_id: 'haake2007', study: 'Haake 2007', reason: 'excluded by you' }]);
		expect(ex.analysis!.components[0]!.treatments).not.toContain('usual_care');
	});

	test('responders: log risk ratios with every arm', () => {
		const data: Dataset = {
			trials: [
				binaryArm({ study_id: 'r1', arm: 'acupuncture', events: 40 }),
				binaryArm({ study_id: 'r1', arm: 'sham', events: 30 }),
				binaryArm({ study_id: 'r1', arm: 'usual_care', events: 20 }),
				binaryArm({ study_id: 'r2', arm: 'acupuncture', events: 35 }),
				binaryArm({ study_id: 'r2', arm: 'usual_care', events: 25 })
			],
			contrasts: []
		};
		const net = buildNetwork(data, FE, 'responder', 'chronic', 'short');
		expect(net.measure).toBe('RR');
		const r1 = net.input.find((s) => s.id === 'r1')!;
		expect(r1.treatments).toEqual(['acupuncture', 'sham', 'usual_care']);
		expect(r1.y[0]).toBeCloseTo(Math.log(30 / 40), 12);
		expect(r1.V[0]![1]).toBeCloseTo(1 / 40 - 1 / 100, 12);
	});
});
