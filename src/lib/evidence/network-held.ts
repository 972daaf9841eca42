/**
 * A network as the page receives it from the analysis worker (docs/ARCHITECTURE.md sections 7 and 10.2). Up to
 * `keep` trials it is sent whole; above, without its trial lists (studies, contrasts, each fit's study ids and
 * contribution matrix: the ~28,000 trials of a 1,000,000-row upload took a 300 ms task to receive and draw): the graph comes as designs, the
 * left-out trials and notes are named up to HELD_NAMES and counted, and the per-trial work (CINeMA certainty) is
 * asked of the worker, which keeps the whole network.
 */
import type { OutcomeNetwork } from './network-analysis';
import { networkGraph, type NetworkGraphData } from './network-graph';

/** Left-out trials and notes a held network names (the rest are counted). */
export const HELD_NAMES = 50;

/** What a network sent without its trial lists keeps of them. */
export interface NetworkHeld {
	/** Trials in the network, and in each fit (`analysis.components`). */
	trials: number;
	fitTrials: number[];
	/** Trials left out by the user's choices, and notes (trials left out by rule) not sent. */
	excludedNotSent: number;
	notesNotSent: number;
	/** The graph of the first fit's trials. */
	graph: NetworkGraphData;
}

const LEFT_OUT = ': left out, ';

/** `network` as sent to the page: itself up to `keep` trials, else without its trial lists (`held` says so). */
export function networkForPage(network: OutcomeNetwork, keep: number): OutcomeNetwork {
	if (network.studies.length <= keep) return network;
	const fits = network.analysis?.components ?? [];
	// Notes naming one left-out trial are cut at HELD_NAMES; notes about the whole network are always sent.
	let named = 0;
	const notes = network.notes.filter((t) => !t.includes(LEFT_OUT) || named++ < HELD_NAMES);
	const excluded = network.excluded.slice(0, HELD_NAMES);
	return {
		...network,
		studies: [],
		input: [],
		excluded,
		notes,
		analysis: network.analysis && {
			...network.analysis,
			components: fits.map((f) => ({ ...f, studies: [], contributions: null }))
		},
		held: {
			trials: network.studies.length,
			fitTrials: fits.map((f) => f.studies.length),
			excludedNotSent: network.excluded.length - excluded.length,
			notesNotSent: network.notes.length - notes.length,
			graph: firstFitGraph(network)
		}
	};
}

/** The graph of a network's first fit (its trials, its treatments in order): sent, or drawn from its trials. */
export function firstFitGraph(network: OutcomeNetwork): NetworkGraphData {
	if (network.held) return network.held.graph;
	const fit = network.analysis?.components[0];
	const inFit = new Set(fit?.studies ?? []);
	return networkGraph(
		network.studies.filter((s) => inFit.has(s.study_id)),
		fit?.treatments
	);
}

/** Trials in the network's first fit (its graph, league and certainty), whether or not it was sent whole. */
export function fitTrialCount(network: OutcomeNetwork): number {
	return network.held?.fitTrials[0] ?? network.analysis?.components[0]?.studies.length ?? 0;
}
