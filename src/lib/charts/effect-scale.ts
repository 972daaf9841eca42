import { extent } from 'd3-array';
import { format } from 'd3-format';
import { linearScale } from './linear-scale';
import type { EffectMeasure } from '$lib/evidence/types';
import { isRatio } from './format';

export interface Tick {
	/** Position in analysis units (log for ratio measures). */
	value: number;
	/** Label on the reader's scale (back-transformed for ratios). */
	label: string;
}

/** A position scale for effects: linear for MD/SMD/RD, logarithmic with back-transformed labels for RR/OR. */
export interface EffectScale {
	measure: EffectMeasure;
	/** Domain in analysis units (yi; log ratio for RR/OR). */
	domain: [number, number];
	range: [number, number];
	/** Pixel position of an effect in analysis units. */
	at: (yi: number) => number;
	ticks: Tick[];
}

/** 1-2-5 ratio steps from 1e-4 to 1e4: symmetric on the log scale (0.5 and 2, 0.2 and 5). */
const RATIO_STEPS = [-4, -3, -2, -1, 0, 1, 2, 3].flatMap((e) =>
	[1, 2, 5].map((m) => +(m * 10 ** e).toPrecision(1))
);
RATIO_STEPS.push(10000);

/**
 * Domain of a ratio axis widened to 1-2-5 steps, and the ratio ticks inside it (only powers of ten when more
 * than `count` + 2 steps would be shown). Works in log units.
 * @example ratioTicks([Math.log(0.6), Math.log(1.7)], 5) // domain [log 0.5, log 2], ticks 0.5, 1, 2
 */
export function ratioTicks(
	logDomain: [number, number],
	count = 5
): { domain: [number, number]; ticks: number[] } {
	const lo = Math.exp(Math.min(...logDomain));
	const hi = Math.exp(Math.max(...logDomain));
	const below = RATIO_STEPS.filter((s) => s <= lo * (1 + 1e-12));
	const above = RATIO_STEPS.filter((s) => s >= hi * (1 - 1e-12));
	const niceLo = below[below.length - 1] ?? RATIO_STEPS[0]!;
	const niceHi = above[0] ?? RATIO_STEPS[RATIO_STEPS.length - 1]!;
	let ticks = RATIO_STEPS.filter((s) => s >= niceLo && s <= niceHi);
	if (ticks.length > count + 2) ticks = ticks.filter((s) => Math.abs(Math.log10(s) % 1) < 1e-9);
	return { domain: [Math.log(niceLo), Math.log(niceHi)], ticks };
}

/**
 * The effect scale covering `values` (analysis units). Linear axes use d3's `nice(count)` domain and
 * `ticks(count)`; ratio axes use `ratioTicks`. A fixed `domain` skips the widening.
 * @example effectScale('MD', [-12, 3], [0, 300]).at(0) // 225 (domain [-15, 5])
 */
export function effectScale(
	measure: EffectMeasure,
	values: number[],
	range: [number, number],
	count = 5,
	domain?: [number, number]
): EffectScale {
	const finite = values.filter(Number.isFinite);
	let [lo, hi] = extent(finite) as [number | undefined, number | undefined];
	if (lo === undefined || hi === undefined) [lo, hi] = [-1, 1];
	if (lo === hi) [lo, hi] = [lo - 1, hi + 1];
	if (isRatio(measure)) {
		const r = ratioTicks([lo, hi], count);
		const d = domain ?? r.domain;
		const s = linearScale(d, range);
		const label = format('~g');
		const ticks = (domain ? ratioTicks(domain, count).ticks : r.ticks)
			.map((t) => ({ value: Math.log(t), label: label(t) }))
			.filter((t) => t.value >= Math.min(...d) - 1e-9 && t.value <= Math.max(...d) + 1e-9);
		return { measure, domain: d, range, at: (y) => s(y), ticks };
	}
	const s = linearScale(domain ?? [lo, hi], range, domain ? undefined : count);
	const tf = s.tickFormat(count);
	const ticks = s.ticks(count).map((t) => ({ value: t, label: tf(t) }));
	return { measure, domain: s.domain(), range, at: (y) => s(y), ticks };
}
