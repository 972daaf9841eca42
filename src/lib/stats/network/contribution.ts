/**
 * Contribution matrix: each study's share in each network estimate, by the flow decomposition of Papakonstantinou
 * et al. (2018, F1000Research 7:610; the method CINeMA uses). For the estimate of a vs b, the row of the hat matrix
 * over the direct comparisons (edges, aggregated with the studies' reduced weights G_e = sum_s w_s,e at the model's
 * tau^2) is a flow from a to b: f_uv = G_uv (phi_u - phi_v) with potentials phi = (X'WX)^-1 c (an electrical flow,
 * hence acyclic, total 1). It is split into paths, shortest first (each time the bottleneck flow of a shortest
 * a -> b path carrying flow is removed); an edge receives phi_path / length(path) from every path through it.
 * A study's share is the sum over edges of the edge's share times w_s,e / G_e. Shares are proportions summing to 1.
 */
import type { StudyBlock } from './block';
import type { Matrix } from './linalg';
import type { ContributionRow, StudyContrasts } from './types';

interface Edge {
	u: number;
	v: number;
	weight: number;
	/** [study index, weight] */
	studies: [number, number][];
}

/** Direct comparisons between treatment indices, with each study's reduced weight. */
export function networkEdges(
	studies: readonly StudyContrasts[],
	blocks: readonly StudyBlock[],
	treatments: readonly string[]
): Edge[] {
	const index = new Map(treatments.map((t, i) => [t, i]));
	const edges = new Map<number, Edge>();
	const T = treatments.length;
	studies.forEach((s, si) => {
		const L = blocks[si]!.L;
		for (let a = 0; a < s.treatments.length; a++)
			for (let b = a + 1; b < s.treatments.length; b++) {
				let u = index.get(s.treatments[a]!)!;
				let v = index.get(s.treatments[b]!)!;
				if (u > v) [u, v] = [v, u];
				const key = u * T + v;
				const e = edges.get(key) ?? { u, v, weight: 0, studies: [] };
				e.weight += -L[a]![b]!;
				e.studies.push([si, -L[a]![b]!]);
				edges.set(key, e);
			}
	});
	return [...edges.values()];
}

/** Shortest path (in edges) from source to sink along residual flow > tol: list of [edge, direction] or null. */
function shortestPath(flow: number[], edges: readonly Edge[], T: number, source: number, sink: number) {
	const tol = 1e-12;
	const prev = new Array<[number, number] | null>(T).fill(null);
	const seen = new Array<boolean>(T).fill(false);
	seen[source] = true;
	const queue = [source];
	for (let qi = 0; qi < queue.length && !seen[sink]; qi++) {
		const x = queue[qi]!;
		edges.forEach((e, k) => {
			const f = flow[k]!;
			const next = e.u === x && f > tol ? e.v : e.v === x && f < -tol ? e.u : -1;
			if (next >= 0 && !seen[next]) {
				seen[next] = true;
				prev[next] = [k, x];
				queue.push(next);
			}
		});
	}
	if (!seen[sink]) return null;
	const path: number[] = [];
	for (let x = sink; x !== source; x = prev[x]![1]) path.push(prev[x]![0]);
	return path;
}

/**
 * Contribution rows for every pair (treatments[j] vs treatments[i], i < j).
 * @example contributionMatrix(studies, blocks, ['A', 'B'], vcov)[0].studies // the percent weights / 100
 */
export function contributionMatrix(
	studies: readonly StudyContrasts[],
	blocks: readonly StudyBlock[],
	treatments: readonly string[],
	vcov: Matrix
): ContributionRow[] {
	const T = treatments.length;
	const edges = networkEdges(studies, blocks, treatments);
	const rows: ContributionRow[] = [];
	for (let i = 0; i < T; i++)
		for (let j = i + 1; j < T; j++) {
			// potentials of the flow from j (source) to i (sink): phi = vcov c, c_j = +1, c_i = -1 (reference has none)
			const phi = new Array<number>(T).fill(0);
			for (let t = 1; t < T; t++)
				phi[t] = (j > 0 ? vcov[t - 1]![j - 1]! : 0) - (i > 0 ? vcov[t - 1]![i - 1]! : 0);
			const flow = edges.map((e) => e.weight * (phi[e.u]! - phi[e.v]!));
			const share = new Array<number>(edges.length).fill(0);
			for (let guard = 0; guard <= edges.length; guard++) {
				const path = shortestPath(flow, edges, T, j, i);
				if (!path) break;
				const amount = Math.min(...path.map((k) => Math.abs(flow[k]!)));
				for (const k of path) {
					flow[k] = flow[k]! - Math.sign(flow[k]!) * amount;
					share[k] = share[k]! + amount / path.length;
				}
			}
			const total = share.reduce((a, b) => a + b, 0);
			const byStudy = new Array<number>(studies.length).fill(0);
			edges.forEach((e, k) => {
				for (const [s, w] of e.studies) byStudy[s] = byStudy[s]! + (share[k]! / total) * (w / e.weight);
			});
			rows.push({
				treatment: treatments[j]!,
				comparator: treatments[i]!,
				studies: byStudy,
				edges: edges
					.map((e, k) => ({
						treatment: treatments[e.v]!,
						comparator: treatments[e.u]!,
						share: share[k]! / total
					}))
					.filter((e) => e.share > 0)
			});
		}
	return rows;
}
