/**
 * Arm-level data -> one study on the contrast scale (NMA.md section 1). Arms of the same node in one study are
 * combined first (Cochrane Handbook 6.5.2.10, table 6.5.a: pooled mean and SD for means, summed events and n).
 * For an arm-level statistic t_j with variance v_j (arm mean: v = sd^2 / n; log risk: v = 1/a - 1/n), the
 * contrasts against the reference arm r are y_j = t_j - t_r with var = v_j + v_r and cov(y_j, y_k) = v_r.
 * Source: Salanti et al. (2008), Stat Methods Med Res 17:279; metafor `escalc` (MD; RR with add = 1/2 to every
 * cell of a study with a zero cell, here applied to every arm of that study so the contrasts stay consistent).
 */
import { combineBinaryArms, combineContinuousArms } from '../combine-arms';
import type { Matrix } from './linalg';
import type { StudyContrasts } from './types';

/** One arm of a continuous outcome. */
export interface ContinuousArmInput {
	treatment: string;
	n: number;
	mean: number;
	sd: number;
}

/** One arm of a binary outcome. */
export interface BinaryArmInput {
	treatment: string;
	n: number;
	events: number;
}

/** A study given by its arms. */
export interface ArmStudy<A> {
	id: string;
	arms: A[];
}

/** Arms grouped by node in order of first appearance, combined with `combine`; throws with the study id. */
export function mergeArms<A extends { treatment: string }>(
	study: ArmStudy<A>,
	combine: (a: A, b: A) => Omit<A, 'treatment'>
): A[] {
	const byNode = new Map<string, A>();
	for (const arm of study.arms) {
		const seen = byNode.get(arm.treatment);
		byNode.set(arm.treatment, seen ? ({ ...combine(seen, arm), treatment: arm.treatment } as A) : arm);
	}
	const arms = [...byNode.values()];
	if (arms.length < 2)
		throw new RangeError(`study "${study.id}": needs arms of at least two different treatments`);
	return arms;
}

/**
 * Contrasts of arm statistics t with variances v against arm 0: y_j = t_j - t_0, V_jj = v_j + v_0, V_jk = v_0.
 * @example armContrasts('S', ['A', 'B'], [1, 3], [0.1, 0.2]) // { y: [2], V: [[0.3]], ... }
 */
export function armContrasts(
	id: string,
	treatments: string[],
	t: number[],
	v: number[],
	n?: number[]
): StudyContrasts {
	const m = treatments.length;
	const y: number[] = [];
	const V: Matrix = [];
	for (let j = 1; j < m; j++) {
		y.push(t[j]! - t[0]!);
		V.push(Array.from({ length: m - 1 }, (_, k) => (k === j - 1 ? v[j]! + v[0]! : v[0]!)));
	}
	return n ? { id, treatments, y, V, n } : { id, treatments, y, V };
}

function where(study: ArmStudy<{ treatment: string }>, i: number): string {
	return `study "${study.id}", arm ${i + 1} (${study.arms[i]?.treatment ?? '?'})`;
}

/**
 * Mean differences from arm means, SDs and sizes (metafor escalc "MD": arm variance sd^2 / n).
 * @example
 * contrastsMD({ id: 'S', arms: [{ treatment: 'A', n: 10, mean: 5, sd: 2 },
 *                               { treatment: 'B', n: 20, mean: 8, sd: 4 }] }) // y: [3], V: [[1.2]]
 */
export function contrastsMD(study: ArmStudy<ContinuousArmInput>): StudyContrasts {
	study.arms.forEach((a, i) => {
		if (![a.n, a.mean, a.sd].every(Number.isFinite) || !(a.n > 0) || !(a.sd > 0))
			throw new RangeError(`${where(study, i)}: needs finite mean, sd > 0 and n > 0`);
	});
	const arms = mergeArms(study, combineContinuousArms);
	return armContrasts(
		study.id,
		arms.map((a) => a.treatment),
		arms.map((a) => a.mean),
		arms.map((a) => (a.sd * a.sd) / a.n),
		arms.map((a) => a.n)
	);
}

/**
 * Log risk ratios from events and sizes: t = log(a / n), v = 1/a - 1/n, after adding 1/2 to the events and
 * non-events of every arm when any arm of the study has zero events or zero non-events (metafor's default
 * correction; for two arms this is exactly escalc(measure = "RR")).
 * @example contrastsRR({ id: 'S', arms: [{ treatment: 'A', n: 123, events: 4 },
 *                                        { treatment: 'B', n: 139, events: 11 }] }) // y: [0.8893]
 */
export function contrastsRR(study: ArmStudy<BinaryArmInput>): StudyContrasts {
	study.arms.forEach((a, i) => {
		if (![a.n, a.events].every(Number.isFinite) || !(a.n > 0) || a.events < 0 || a.events > a.n)
			throw new RangeError(`${where(study, i)}: needs n > 0 and events in [0, n]`);
	});
	const arms = mergeArms(study, combineBinaryArms);
	const zero = arms.some((a) => a.events === 0 || a.events === a.n);
	const add = zero ? 0.5 : 0;
	const a = arms.map((x) => x.events + add);
	const n = arms.map((x) => x.n + 2 * add);
	return armContrasts(
		study.id,
		arms.map((x) => x.treatment),
		a.map((e, i) => Math.log(e / n[i]!)),
		a.map((e, i) => 1 / e - 1 / n[i]!),
		arms.map((x) => x.n)
	);
}
