import type { StudyEffect } from '$lib/evidence/types';
import type { Interval } from '$lib/stats/types';
import type { EffectScale } from './effect-scale';
import type { ForestLayoutInput } from './forest-layout';
import { studyInterval } from '$lib/stats/interval';

export interface Whisker {
	x1: number;
	x2: number;
	/** Arrow heads (SVG polygon points) where the interval runs past the axis. */
	arrows: string[];
}

/**
 * Domain values: estimates, pooled CIs and PIs, the null (0), -/+mid, and study CIs clamped to the core range
 * widened by half its span on each side (so one very wide CI does not squash the plot; it gets arrows instead).
 * @example // estimates -10 and 0, pooled CI [-11, -4], PI [-14, -1]: core [-14, 0], CIs clamped to [-21, 7]
 */
export function forestDomain(input: ForestLayoutInput): number[] {
	const level = input.level ?? 95;
	const studies: StudyEffect[] = input.blocks.flatMap((b) => b.studies);
	const results = [...input.blocks.map((b) => b.result), input.overall ?? null].filter((r) => r !== null);
	const core = [
		0,
		...studies.map((s) => s.yi),
		...results.flatMap((r) => [r.ci.lower, r.ci.upper, r.pi.lower, r.pi.upper])
	];
	if (input.mid) core.push(-input.mid, input.mid);
	const lo = Math.min(...core);
	const hi = Math.max(...core);
	const pad = (hi - lo) / 2;
	const cis = studies.flatMap((s) => {
		const ci = studyInterval(s.yi, s.vi, level);
		return [Math.max(ci.lower, lo - pad), Math.min(ci.upper, hi + pad)];
	});
	return [...core, ...cis];
}

/**
 * A horizontal interval clipped to the axis, with arrow heads of size a where it is clipped.
 * @example whisker(scale, { lower: -12, upper: 11.76 }, 50, 6) // on domain [-15, 10] -> plot x 230..605:
 *   // { x1: 275, x2: 605, arrows: ['605,50 599,47 599,53'] }
 */
export function whisker(scale: EffectScale, iv: Interval, y: number, a: number): Whisker {
	const [d0, d1] = scale.domain;
	const x1 = scale.at(Math.max(iv.lower, d0));
	const x2 = scale.at(Math.min(iv.upper, d1));
	const arrows: string[] = [];
	if (iv.lower < d0) arrows.push(`${x1},${y} ${x1 + a},${y - a / 2} ${x1 + a},${y + a / 2}`);
	if (iv.upper > d1) arrows.push(`${x2},${y} ${x2 - a},${y - a / 2} ${x2 - a},${y + a / 2}`);
	return { x1, x2, arrows };
}
