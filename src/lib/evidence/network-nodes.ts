/**
 * Nodes of the network meta-analysis (docs/ARCHITECTURE.md section 4.10): which arms count as the same treatment.
 * Each choice is a sensitivity analysis the page can show; the defaults keep the article's five arm types.
 */
import { ARM_LABELS, type Arm, type Comparator, type ShamType } from '$lib/data/schema';

/** Node choices of the network (all false: one node per arm type). */
export interface NetworkNodes {
	/**
	 * Sham split by type: `sham_penetrating`, `sham_non_penetrating`, and `sham_unclear` for a sham whose needles'
	 * depth the sources do not say (kept as its own node rather than guessed into either).
	 */
	shamSplit: boolean;
	/** Waiting lists (comparator `waiting_list`) as their own node, apart from other no-treatment controls. */
	waitingListApart: boolean;
	/** An active drug counted with usual care (default: its own node). */
	drugWithUsualCare: boolean;
}

export const DEFAULT_NODES: NetworkNodes = {
	shamSplit: false,
	waitingListApart: false,
	drugWithUsualCare: false
};

/** Node ids: the arm types plus the split nodes. */
export type NodeId = Arm | 'sham_penetrating' | 'sham_non_penetrating' | 'sham_unclear' | 'waiting_list';

/** Display order of nodes (the reference of the league table first). */
export const NODE_ORDER: readonly NodeId[] = [
	'acupuncture',
	'sham',
	'sham_penetrating',
	'sham_non_penetrating',
	'sham_unclear',
	'usual_care',
	'active_drug',
	'no_treatment',
	'waiting_list'
];

export const NODE_LABELS: Record<NodeId, string> = {
	...ARM_LABELS,
	sham_penetrating: 'penetrating sham',
	sham_non_penetrating: 'non-penetrating sham',
	sham_unclear: 'sham of unclear type',
	waiting_list: 'a waiting list'
};

/** The arm type a node belongs to (for colours, risk-of-bias comparisons and charts). */
export function armOfNode(node: NodeId): Arm {
	if (node.startsWith('sham')) return 'sham';
	if (node === 'waiting_list') return 'no_treatment';
	return node as Arm;
}

/**
 * The node of an arm under the node choices.
 * @example nodeOf('sham', 'penetrating', null, { ...DEFAULT_NODES, shamSplit: true }) // 'sham_penetrating'
 */
export function nodeOf(
	arm: Arm,
	shamType: ShamType | null,
	comparator: Comparator | null,
	nodes: NetworkNodes
): NodeId {
	if (arm === 'sham' && nodes.shamSplit) return `sham_${shamType ?? 'unclear'}`;
	if (arm === 'no_treatment' && nodes.waitingListApart && comparator === 'waiting_list')
		return 'waiting_list';
	if (arm === 'active_drug' && nodes.drugWithUsualCare) return 'usual_care';
	return arm;
}

/**
 * Why an arm's node is a stand-in for something else (per-study indirectness in the network's certainty), or null.
 * A waiting list counted as no treatment, a drug counted as usual care.
 */
export function lumpedReason(arm: Arm, comparator: Comparator | null, node: NodeId): string | null {
	if (arm === 'no_treatment' && comparator === 'waiting_list' && node === 'no_treatment')
		return 'a waiting list counted as no treatment';
	if (arm === 'active_drug' && node === 'usual_care') return 'an active drug counted as usual care';
	return null;
}

/** Sort key of a node (unknown ids last, by name). */
export function nodeRank(node: string): number {
	const i = NODE_ORDER.indexOf(node as NodeId);
	return i < 0 ? NODE_ORDER.length : i;
}
