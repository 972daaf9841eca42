/** Small look-ups on networks that the page needs without the engine (network-analysis.ts builds the networks). */
import { ARM_ORDER } from './comparisons';
import type { OutcomeNetwork } from './network-analysis';
import { armOfNode, type NodeId } from './network-nodes';

/** The comparison key of two arm types as data/rob.csv names it (`acupuncture-vs-sham`). */
export function robKey(a: string, b: string): string {
	const [x, y] = [armOfNode(a as NodeId), armOfNode(b as NodeId)];
	if (x === y) return 'all';
	return ARM_ORDER.indexOf(x) < ARM_ORDER.indexOf(y) ? `${x}-vs-${y}` : `${y}-vs-${x}`;
}

/** The network of an outcome x population x window among `networks`, or null. */
export function findNetwork(
	networks: readonly OutcomeNetwork[],
	outcome: string,
	population: string,
	window: string
): OutcomeNetwork | null {
	return networks.find((n) => n.id === `${outcome}:${population}:${window}`) ?? null;
}
