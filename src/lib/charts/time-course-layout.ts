import { area, line } from 'd3-shape';
import { linearScale } from './linear-scale';
import type { Arm } from '$lib/data/schema';
import type { EffectMeasure } from '$lib/evidence/types';
import { effectScale, type EffectScale } from './effect-scale';
import type { TimeSeries } from './types';

export interface TimeMark {
	key: string;
	cx: number;
	cy: number;
	/** Ends of the vertical CI bar. */
	y1: number;
	y2: number;
	weeks: number;
	estimate: number;
	study?: string;
}

export interface TimeCourseLayout {
	width: number;
	height: number;
	plot: { left: number; right: number; top: number; bottom: number };
	x: (weeks: number) => number;
	y: EffectScale;
	xTicks: { pos: number; label: string }[];
	/** The 6-8 week window. */
	band: { x1: number; x2: number };
	/** The band of differences smaller than the MID (-mid to +mid on the effect axis), when a MID is given. */
	midBand: { y1: number; y2: number } | null;
	nullY: number;
	series: {
		key: string;
		label: string;
		control: Arm | null;
		path: string;
		/** The pooled interval as an area (d3-shape), when the series asks for a band. */
		bandPath: string;
		pooled: TimeMark[];
		trials: TimeMark[];
		/** One line per trial through its own points, in week order (when asked). */
		trialPaths: { key: string; study: string; path: string }[];
		/** End-of-treatment markers: a short tick at the top of the plot, one per trial. */
		ends: { key: string; study: string; weeks: number; x: number }[];
	}[];
}

export interface TimeCourseInput {
	measure: EffectMeasure;
	series: TimeSeries[];
	width: number;
	height: number;
	fontSize: number;
	/** Weeks of the marked window (default 6 to 8). */
	band?: [number, number];
	/** The minimal important difference on the analysis scale (> 0), drawn as a band around 0. */
	mid?: number;
}

/**
 * Time course: weeks since randomisation on x (d3 `nice(5)` of [0, max(weeks, band end)]), the effect on y
 * (`effectScale`, so ratios are on a log axis), null line at 0. Margins: left 4.5f, right f, top 1.4f per
 * series (legend) + f, bottom 4f. Series i is nudged horizontally by (i - (n - 1)/2) * 0.5f so that pooled
 * points of different comparisons at the same week do not overlap; the pooled points of a series are joined by
 * a line (d3-shape) in week order.
 * @example // 400 x 300, font 10, one series with pooled points at weeks 8 and 26: x(w) = 45 + 11.5 w,
 * // band x 114..137
 */
export function timeCourseLayout(input: TimeCourseInput): TimeCourseLayout {
	const f = input.fontSize;
	const [b0, b1] = input.band ?? [6, 8];
	const n = input.series.length;
	const plot = { left: 4.5 * f, right: input.width - f, top: 1.4 * f * n + f, bottom: input.height - 4 * f };
	const pts = input.series.flatMap((s) => s.points);
	const endWeeks = input.series.flatMap((s) => (s.ends ?? []).map((e) => e.weeks));
	const xs = linearScale(
		[0, Math.max(b1, ...pts.map((p) => p.weeks), ...endWeeks)],
		[plot.left, plot.right],
		5
	);
	const mid = input.mid !== undefined && input.mid > 0 ? input.mid : null;
	const y = effectScale(
		input.measure,
		[0, ...pts.flatMap((p) => [p.lower, p.upper]), ...(mid === null ? [] : [-mid, mid])],
		[plot.bottom, plot.top]
	);
	const series = input.series.map((s, i) => {
		const dx = (i - (n - 1) / 2) * 0.5 * f;
		const mark = (p: TimeSeries['points'][number], j: number): TimeMark => ({
			key: `${i}:${p.study ?? 'pooled'}:${p.weeks}:${j}`,
			cx: xs(p.weeks) + dx,
			cy: y.at(p.estimate),
			y1: y.at(p.lower),
			y2: y.at(p.upper),
			weeks: p.weeks,
			estimate: p.estimate,
			study: p.study
		});
		const pooled = s.points
			.filter((p) => p.study === undefined)
			.map(mark)
			.sort((a, b) => a.weeks - b.weeks);
		const trials = s.points.map(mark).filter((m) => m.study !== undefined);
		const path =
			line<TimeMark>(
				(m) => m.cx,
				(m) => m.cy
			)(pooled) ?? '';
		const bandPath = s.band
			? (area<TimeMark>()
					.x((m) => m.cx)
					.y0((m) => m.y1)
					.y1((m) => m.y2)(pooled) ?? '')
			: '';
		const byStudy = new Map<string, TimeMark[]>();
		if (s.trialLines) for (const m of trials) byStudy.set(m.study!, [...(byStudy.get(m.study!) ?? []), m]);
		const trialPaths = [...byStudy]
			.filter(([, ms]) => ms.length > 1)
			.map(([study, ms]) => ({
				key: `${i}:${study}`,
				study,
				path:
					line<TimeMark>(
						(m) => m.cx,
						(m) => m.cy
					)([...ms].sort((a, b) => a.weeks - b.weeks)) ?? ''
			}));
		const ends = (s.ends ?? []).map((e) => ({
			key: `${i}:end:${e.study}`,
			study: e.study,
			weeks: e.weeks,
			x: xs(e.weeks) + dx
		}));
		return {
			key: `${i}:${s.label}`,
			label: s.label,
			control: s.control ?? null,
			path,
			bandPath,
			pooled,
			trials,
			trialPaths,
			ends
		};
	});
	const tf = xs.tickFormat(5);
	return {
		width: input.width,
		height: input.height,
		plot,
		x: (w) => xs(w),
		y,
		xTicks: xs.ticks(5).map((t) => ({ pos: xs(t), label: tf(t) })),
		band: { x1: xs(b0), x2: xs(b1) },
		midBand: mid === null ? null : { y1: y.at(mid), y2: y.at(-mid) },
		nullY: y.at(0),
		series
	};
}
