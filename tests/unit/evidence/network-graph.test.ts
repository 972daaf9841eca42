import { describe, expect, test } from 'vitest';
import type { Dataset } from '$lib/data/types';
import { buildNetwork, type NetworkStudy } from '$lib/evidence/network-analysis';
import { DESIGN_NAMES, networkGraph } from '$lib/evidence/network-graph';
import { firstFitGraph, fitTrialCount, HELD_NAMES, networkForPage } from '$lib/evidence/network-held';
import { DEFAULT_SETTINGS } from '$lib/evidence/types';
import { arm } from './factory';

const study = (name: string, nodes: string[], n: (number | null)[]) =>
	({ study_id: name, study: name, nodes, n }) as unknown as NetworkStudy;

describe('network graph by design', () => {
	test('trials with the same nodes in any order are one design; participants add up per node', () => {
		const g = networkGraph(
			[
				study('s1', ['acupuncture', 'sham'], [50, 40]),
				study('s2', ['sham', 'acupuncture'], [30, 30]),
				study('s3', ['acupuncture', 'sham', 'usual_care'], [10, null, 20])
			],
			['usual_care', 'acupuncture', 'sham']
		);
		expect(g.trials).toBe(3);
		expect(g.nodes).toEqual([
			{ id: 'usual_care', n: 20 },
			{ id: 'acupuncture', n: 90 },
			{ id: 'sham', n: 70 }
		]);
		expect(g.designs).toEqual([
			{ key: 'acupuncture|sham', nodes: ['acupuncture', 'sham'], trials: 2, names: ['s1', 's2'] },
			{
				key: 'usual_care|acupuncture|sham',
				nodes: ['usual_care', 'acupuncture', 'sham'],
				trials: 1,
				names: ['s3']
			}
		]);
	});

	test('without an order, nodes come as they first appear', () => {
		const g = networkGraph([
			study('s1', ['sham', 'no_treatment'], [1, 2]),
			study('s2', ['acupuncture', 'sham'], [3, 4])
		]);
		expect(g.nodes.map((d) => d.id)).toEqual(['sham', 'no_treatment', 'acupuncture']);
		expect(g.designs.map((d) => d.key)).toEqual(['sham|no_treatment', 'sham|acupuncture']);
	});

	test(`a design names its first ${DESIGN_NAMES} trials and counts the rest`, () => {
		const many = (k: number) =>
			networkGraph(Array.from({ length: k }, (_, i) => study(`t${i}`, ['acupuncture', 'sham'], [1, 1])));
		expect(many(DESIGN_NAMES).designs[0]!.names).toHaveLength(DESIGN_NAMES);
		const d = many(DESIGN_NAMES + 1).designs[0]!;
		expect(d.names).toHaveLength(DESIGN_NAMES);
		expect(d.names.at(-1)).toBe(`t${DESIGN_NAMES - 1}`);
		expect(d.trials).toBe(DESIGN_NAMES + 1);
	});
});

/** `k` two-arm acupuncture-vs-sham trials and one three-arm trial with no treatment. */
function trials(k: number): Dataset {
	const rows = Array.from({ length: k }, (_, i) => [
		arm({ study_id: `t${i}`, arm: 'acupuncture', mean: -20 - (i % 5), year: 2000 + (i % 20) }),
		arm({ study_id: `t${i}`, arm: 'sham', mean: -15 + (i % 3), year: 2000 + (i % 20) })
	]).flat();
	rows.push(
		arm({ study_id: 'm', arm: 'acupuncture', mean: -22 }),
		arm({ study_id: 'm', arm: 'sham', mean: -18 }),
		arm({ study_id: 'm', arm: 'no_treatment', mean: -5 })
	);
	return { trials: rows, contrasts: [] };
}

describe('a network as the page receives it from the worker', () => {
	const net = buildNetwork(trials(9), DEFAULT_SETTINGS, 'pain', 'chronic', 'short');
	const fit = net.analysis!.components[0]!;

	test('up to `keep` trials it is sent whole; one more and it is sent without its trial lists', () => {
		expect(net.studies).toHaveLength(10);
		expect(networkForPage(net, 10)).toBe(net);
		const held = networkForPage(net, 9);
		expect(held.held).toBeDefined();
		expect(held.studies).toEqual([]);
		expect(held.input).toEqual([]);
		const sent = held.analysis!.components[0]!;
		expect(sent.studies).toEqual([]);
		expect(sent.contributions).toBeNull();
		// what the page shows of the fit is unchanged
		expect(sent.league).toEqual(fit.league);
		expect(sent.side).toEqual(fit.side);
		expect(sent.heterogeneity).toEqual(fit.heterogeneity);
		expect(held.held!.trials).toBe(10);
		expect(fitTrialCount(held)).toBe(fit.studies.length);
		expect(fitTrialCount(net)).toBe(fit.studies.length);
		// its graph is the full network's: 9 two-arm trials and the three-arm one
		expect(held.held!.graph).toEqual(networkGraph(net.studies, fit.treatments));
		expect(held.held!.graph.designs.map((d) => d.trials).sort()).toEqual([1, 9]);
		// the section draws the same graph whether the network came whole or without its trials
		expect(firstFitGraph(held)).toBe(held.held!.graph);
		expect(firstFitGraph(net)).toEqual(held.held!.graph);
	});

	test(`left-out trials and their notes are named up to ${HELD_NAMES} and counted; notes on the whole network stay`, () => {
		const left = Array.from({ length: HELD_NAMES + 3 }, (_, i) => `Trial ${i}: left out, week 8: no SD.`);
		const excluded = Array.from({ length: HELD_NAMES + 2 }, (_, i) => ({
			study_id: `x${i}`,
			study: `X ${i}`,
			reason: 'excluded by you'
		}));
		const whole = 'Paule-Mandel has no network version here: tau² is the generalised DerSimonian-Laird.';
		const held = networkForPage({ ...net, notes: [...left, whole], excluded }, 1);
		expect(held.notes).toEqual([...left.slice(0, HELD_NAMES), whole]);
		expect(held.held!.notesNotSent).toBe(3);
		expect(held.excluded).toEqual(excluded.slice(0, HELD_NAMES));
		expect(held.held!.excludedNotSent).toBe(2);
		const exactly = networkForPage({ ...net, notes: left.slice(0, HELD_NAMES), excluded: [] }, 1);
		expect(exactly.held!.notesNotSent).toBe(0);
	});
});
