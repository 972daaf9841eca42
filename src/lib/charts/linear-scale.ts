/**
 * A linear scale: the few parts of d3-scale's `scaleLinear` the charts use (map, nice, ticks, tick labels), built on
 * d3-array's tick arithmetic and d3-format, without d3-scale's interpolators and colour parsing (about 7 KB gzip of
 * first-load JavaScript, docs/ARCHITECTURE.md section 7).
 * Map: t = (x - d0) / (d1 - d0), y = r0 (1 - t) + r1 t (the middle of the range when d0 = d1, as d3-scale).
 * Tick labels: d3-scale's default for a linear scale, format(",.Nf") with N = precisionFixed(tickStep(d0, d1, count)).
 */
import { nice, ticks, tickStep } from 'd3-array';
import { format, precisionFixed } from 'd3-format';

export interface LinearScale {
	(x: number): number;
	domain(): [number, number];
	ticks(count?: number): number[];
	tickFormat(count?: number): (x: number) => string;
}

/** A linear scale from `domain` to `range`; with `niceCount`, the domain is first extended to round ticks. */
export function linearScale(
	domain: readonly [number, number],
	range: readonly [number, number],
	niceCount?: number
): LinearScale {
	let [d0, d1] = domain;
	if (niceCount !== undefined) {
		const reversed = d1 < d0;
		const [lo, hi] = nice(Math.min(d0, d1), Math.max(d0, d1), niceCount);
		[d0, d1] = reversed ? [hi, lo] : [lo, hi];
	}
	const [r0, r1] = range;
	const span = d1 - d0;
	const scale = ((x: number) => {
		const t = span ? (x - d0) / span : 0.5;
		return r0 * (1 - t) + r1 * t;
	}) as LinearScale;
	scale.domain = () => [d0, d1];
	scale.ticks = (count = 10) => ticks(d0, d1, count);
	scale.tickFormat = (count = 10) => {
		const p = precisionFixed(Math.abs(tickStep(d0, d1, count)));
		return format(`,.${Number.isNaN(p) ? '' : p}f`);
	};
	return scale;
}
