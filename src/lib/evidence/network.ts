import { ARMS } from '$lib/data/schema';
import type { Arm } from '$lib/data/schema';
import type { Dataset } from '$lib/data/types';
import { COMPARISONS } from './comparisons';
import { groupBy } from './group-by';

export interface NetworkData {
	nodes: { arm: Arm; n: number }[];
	edges: { a: Arm; b: Arm; trials: number }[];
}

/**
 * The evidence network: participants per arm type (each trial arm counted once, at its largest n across
 * outcomes and timepoints) and, per pair of arm types, the number of trials that compared them directly
 * (arm-level rows or reported contrasts).
 */
export function evidenceNetwork(data: Dataset): NetworkData {
	const n = new Map<Arm, number>();
	const armsOf = new Map<string, Set<Arm>>();
	for (const [study, rows] of groupBy(data.trials, (r) => r.study_id)) {
		const set = armsOf.get(study) ?? new Set<Arm>();
		for (const [key, armRows] of groupBy(rows, (r) => `${r.arm}|${r.arm_label}`)) {
			const arm = key.split('|')[0] as Arm;
			set.add(arm);
			n.set(arm, (n.get(arm) ?? 0) + Math.max(...armRows.map((r) => r.n)));
		}
		armsOf.set(study, set);
	}
	const pairs = new Map<string, Set<string>>();
	const add = (a: Arm, b: Arm, study: string) => {
		const c = COMPARISONS.find(
			(x) => (x.treatment === a && x.control === b) || (x.treatment === b && x.control === a)
		)!;
		const key = `${c.treatment}|${c.control}`;
		pairs.set(key, (pairs.get(key) ?? new Set()).add(study));
	};
	for (const [study, set] of armsOf) {
		const list = [...set];
		list.forEach((a, i) => list.slice(i + 1).forEach((b) => add(a, b, study)));
	}
	for (const r of data.contrasts) {
		if (r.treatment !== r.control) add(r.treatment, r.control, r.study_id);
		for (const [arm, size] of [
			[r.treatment, r.n_treatment],
			[r.control, r.n_control]
		] as const)
			if (!armsOf.get(r.study_id)?.has(arm)) {
				n.set(arm, (n.get(arm) ?? 0) + (size ?? 0));
				armsOf.set(r.study_id, (armsOf.get(r.study_id) ?? new Set()).add(arm));
			}
	}
	return {
		nodes: ARMS.map((arm) => ({
			arm,
			n: n.get(arm) ?? 0
		})),
		edges: [...pairs].map(([key, studies]) => {
			const [a, b] = key.split('|') as [Arm, Arm];
			return { a, b, trials: studies.size };
		})
	};
}
