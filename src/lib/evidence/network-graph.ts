/**
 * The network graph's data (docs/ARCHITECTURE.md section 4.10): participants per treatment node and the designs
 * (the set of nodes a trial compared) with how many trials had each. A graph of any number of trials is drawn from
 * a handful of designs, so the worker can send it for a network whose trials stay in the worker.
 */
import type { NetworkStudy } from './network-analysis';

/** Trial names a design keeps for its description (the others are counted). */
export const DESIGN_NAMES = 20;

export interface NetworkDesign {
	/** `a|b|c`: its nodes in the graph's node order. */
	key: string;
	nodes: string[];
	/** Trials with exactly these nodes. */
	trials: number;
	/** The first DESIGN_NAMES of those trials' names, in the network's order. */
	names: string[];
}

export interface NetworkGraphData {
	/** Nodes in drawing order with their participants (arms without a count add none). */
	nodes: { id: string; n: number }[];
	designs: NetworkDesign[];
	/** Trials in the graph. */
	trials: number;
}

/**
 * The graph of `studies`, nodes in `order` (default: as they first appear); nodes of a study missing from `order`
 * still count in its design, and the layout leaves out what it cannot place.
 * @example networkGraph([{ study: 'A', nodes: ['acupuncture', 'sham'], n: [50, 40] } as NetworkStudy]).designs[0].key // 'acupuncture|sham'
 */
export function networkGraph(studies: readonly NetworkStudy[], order?: readonly string[]): NetworkGraphData {
	const rank = new Map<string, number>((order ?? []).map((id, i) => [id, i]));
	const n = new Map<string, number>((order ?? []).map((id) => [id, 0]));
	const designs = new Map<string, NetworkDesign>();
	for (const s of studies) {
		s.nodes.forEach((id, i) => {
			if (!rank.has(id)) rank.set(id, rank.size);
			n.set(id, (n.get(id) ?? 0) + (s.n[i] ?? 0));
		});
		const nodes = [...s.nodes].sort((a, b) => rank.get(a)! - rank.get(b)!);
		const key = nodes.join('|');
		const d = designs.get(key) ?? { key, nodes, trials: 0, names: [] };
		d.trials++;
		if (d.names.length < DESIGN_NAMES) d.names.push(s.study);
		designs.set(key, d);
	}
	return {
		nodes: [...n.entries()].map(([id, count]) => ({ id, n: count })),
		designs: [...designs.values()],
		trials: studies.length
	};
}
