/**
 * The two linear models of a network, as arm -> column maps (see gls.ts):
 * - consistency: one parameter per treatment other than the network reference (its effect versus the reference);
 * - design-by-treatment interaction (Higgins et al. 2012, Res Synth Methods 3:98): every design (set of treatments
 *   compared in a study) has its own parameters, one per treatment other than the design's first treatment, so
 *   the fit reproduces each design's own (common-effect) mean contrasts and Q splits into within and between designs.
 */
import type { ArmModel } from './gls';
import type { StudyContrasts } from './types';

/**
 * Consistency model with `treatments[0]` as reference.
 * @example consistencyModel([{ treatments: ['B', 'A'], ... }], ['A', 'B']) // { q: 1, cols: [[0, -1]] }
 */
export function consistencyModel(
	studies: readonly StudyContrasts[],
	treatments: readonly string[]
): ArmModel {
	const col = new Map(treatments.map((t, i) => [t, i - 1]));
	return {
		q: treatments.length - 1,
		cols: studies.map((s) =>
			s.treatments.map((t) => {
				const c = col.get(t);
				if (c === undefined) throw new RangeError(`study "${s.id}": treatment "${t}" is not in the network`);
				return c;
			})
		)
	};
}

/** Interaction model and the design label ("A:B:C", treatments in network order) of every study. */
export function interactionModel(
	studies: readonly StudyContrasts[],
	treatments: readonly string[]
): ArmModel & { designs: string[] } {
	const order = new Map(treatments.map((t, i) => [t, i]));
	const columns = new Map<string, number>();
	const designs: string[] = [];
	const cols = studies.map((s) => {
		const sorted = [...s.treatments].sort((x, y) => order.get(x)! - order.get(y)!);
		const design = sorted.join(':');
		designs.push(design);
		return s.treatments.map((t) => {
			if (t === sorted[0]) return -1;
			const key = `${design}\u0000${t}`;
			let c = columns.get(key);
			if (c === undefined) {
				c = columns.size;
				columns.set(key, c);
			}
			return c;
		});
	});
	return { q: columns.size, cols, designs };
}
