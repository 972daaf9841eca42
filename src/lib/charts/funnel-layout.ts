import { linearScale } from './linear-scale';
import type { EffectMeasure } from '$lib/evidence/types';
import { effectScale, type EffectScale } from './effect-scale';
import { zCrit } from '$lib/stats/interval';

export interface FunnelInput {
	measure: EffectMeasure;
	/** Included studies (yi, vi in analysis units). */
	studies: { key: string; label: string; yi: number; vi: number }[];
	/** Pooled estimate (analysis units), drawn as a vertical line. */
	estimate?: number | null;
	/** Studies imputed by trim and fill, drawn hollow. */
	filled?: { yi: number; vi: number }[];
	/** Trim-and-fill adjusted estimate, drawn dashed. */
	adjusted?: number | null;
	width: number;
	height: number;
	fontSize: number;
	/** Contour levels in percent (default 90, 95, 99). */
	levels?: number[];
}

export interface FunnelRegion {
	level: number;
	/** Triangle of |yi| / se < z(level): apex at (0, 0), base at the largest SE. */
	points: string;
}

export interface FunnelLayout {
	width: number;
	height: number;
	plot: { left: number; right: number; top: number; bottom: number };
	x: EffectScale;
	/** SE axis: 0 at the top. */
	y: (se: number) => number;
	seTicks: { pos: number; label: string }[];
	/** Widest (99%) first, so narrower regions are painted on top. */
	regions: FunnelRegion[];
	points: { key: string; label: string; cx: number; cy: number; filled: boolean }[];
	nullX: number;
	estimateX: number | null;
	adjustedX: number | null;
}

/**
 * Contour-enhanced funnel plot (Peters et al. 2008, J Clin Epidemiol 61:991-996; metafor `funnel(level=c(90, 95,
 * 99), refline=0)`): effect on x, standard error on an inverted y axis (0 at the top). Regions around 0 where a
 * study's two-sided p is above 1 - level/100 are triangles with apex (0, 0) and base ends -/+ z(level) * seMax.
 * Margins: left 4.5f, right f, top f, bottom 4f. The SE domain is d3 `nice(5)` of [0, max se]; the x domain
 * covers the effects, the estimates, 0 and the widest contour at the largest SE.
 * @example // 400 x 300, font 10, studies (-2, vi 1) and (1, vi 4): SE axis [0, 2] on y 10..260, x domain
 * // [-6, 6] on 45..390; the 99% region is the triangle (217.5,10) (69.4,260) (365.6,260)
 */
export function funnelLayout(input: FunnelInput): FunnelLayout {
	const f = input.fontSize;
	const levels = [...(input.levels ?? [90, 95, 99])].sort((a, b) => b - a);
	const all = [...input.studies, ...(input.filled ?? [])];
	const plot = { left: 4.5 * f, right: input.width - f, top: f, bottom: input.height - 4 * f };
	const se = linearScale([0, Math.max(...all.map((s) => Math.sqrt(s.vi)), 1e-9)], [plot.top, plot.bottom], 5);
	const seMax = se.domain()[1]!;
	const zMax = zCrit(levels[0] ?? 99);
	const values = [0, -zMax * seMax, zMax * seMax, ...all.map((s) => s.yi)];
	if (input.estimate != null) values.push(input.estimate);
	if (input.adjusted != null) values.push(input.adjusted);
	const x = effectScale(input.measure, values, [plot.left, plot.right]);
	const regions = levels.map((level) => {
		const h = zCrit(level) * seMax;
		return { level, points: `${x.at(0)},${se(0)} ${x.at(-h)},${se(seMax)} ${x.at(h)},${se(seMax)}` };
	});
	const point = (filled: boolean) => (s: { yi: number; vi: number }, i: number) => ({
		key: filled ? `filled:${i}` : (input.studies[i]?.key ?? String(i)),
		label: filled ? 'imputed study' : (input.studies[i]?.label ?? ''),
		cx: x.at(s.yi),
		cy: se(Math.sqrt(s.vi)),
		filled
	});
	const tf = se.tickFormat(5);
	return {
		width: input.width,
		height: input.height,
		plot,
		x,
		y: (v) => se(v),
		seTicks: se.ticks(5).map((t) => ({ pos: se(t), label: tf(t) })),
		regions,
		points: [...input.studies.map(point(false)), ...(input.filled ?? []).map(point(true))],
		nullX: x.at(0),
		estimateX: input.estimate == null ? null : x.at(input.estimate),
		adjustedX: input.adjusted == null ? null : x.at(input.adjusted)
	};
}
