/**
 * The network as a graph: treatments are nodes, studies connect all their arms. Connected parts (union-find),
 * designs (the set of treatments of a study) and connectivity of two treatments without some studies.
 */
import type { StudyContrasts } from './types';

/** Union-find over the treatments of the given studies; returns the find function and the treatment list. */
function unionFind(studies: readonly StudyContrasts[], skip?: (s: StudyContrasts) => boolean) {
	const parent = new Map<string, string>();
	const find = (t: string): string => {
		let r = t;
		while (parent.get(r) !== r) r = parent.get(r)!;
		let x = t;
		while (x !== r) {
			const next = parent.get(x)!;
			parent.set(x, r);
			x = next;
		}
		return r;
	};
	for (const s of studies) for (const t of s.treatments) if (!parent.has(t)) parent.set(t, t);
	for (const s of studies) {
		if (skip?.(s)) continue;
		const r0 = find(s.treatments[0]!);
		for (const t of s.treatments.slice(1)) {
			const r = find(t);
			if (r !== r0) parent.set(r, r0);
		}
	}
	return find;
}

/**
 * Connected parts of the network: groups of study indices, ordered by their first study.
 * @example components([{ treatments: ['A', 'B'] }, { treatments: ['C', 'D'] }, { treatments: ['B', 'E'] }])
 * // [[0, 2], [1]]
 */
export function components(studies: readonly StudyContrasts[]): number[][] {
	const find = unionFind(studies);
	const groups = new Map<string, number[]>();
	studies.forEach((s, i) => {
		const r = find(s.treatments[0]!);
		const g = groups.get(r);
		if (g) g.push(i);
		else groups.set(r, [i]);
	});
	return [...groups.values()];
}

/**
 * Whether the comparison a vs b lies on a loop through a study without both a and b ('independent'), only on loops
 * inside multi-arm studies that contain both ('multi-arm only'), or on no loop ('none'). There is an independent
 * loop when two different treatments of the studies containing a and b are connected by the other studies.
 * @example independentLoop([{ treatments: ['A', 'B', 'C'] }], 'A', 'B') // 'multi-arm only'
 */
export function independentLoop(
	studies: readonly StudyContrasts[],
	a: string,
	b: string
): 'independent' | 'multi-arm only' | 'none' {
	const direct = (s: StudyContrasts) => s.treatments.includes(a) && s.treatments.includes(b);
	const find = unionFind(studies, direct);
	const nodes = new Set<string>();
	for (const s of studies) if (direct(s)) for (const t of s.treatments) nodes.add(t);
	const roots = new Set<string>();
	for (const t of nodes) {
		const r = find(t);
		if (roots.has(r)) return 'independent';
		roots.add(r);
	}
	return nodes.size > 2 ? 'multi-arm only' : 'none';
}

/** A study's design: its treatments in the given network order, joined by ":". */
export function designOf(treatments: readonly string[], order: ReadonlyMap<string, number>): string[] {
	return [...treatments].sort((x, y) => order.get(x)! - order.get(y)!);
}
