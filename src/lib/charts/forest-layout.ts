import type { EffectMeasure, StudyEffect } from '$lib/evidence/types';
import type { Interval, RmaResult } from '$lib/stats/types';
import { effectScale, type EffectScale } from './effect-scale';
import { forestColumns, type ForestColumns } from './forest-columns';
import { formatEstimateCi, formatInterval } from './format';
import { forestDomain, whisker, type Whisker } from './forest-geometry';
import { studyInterval } from '$lib/stats/interval';

export interface ForestBlockInput {
	/** Subgroup title; omitted for a plot without subgroups. */
	title?: string;
	/** Studies in row order; excluded ones (`excluded: true`) are drawn greyed without a weight square. */
	studies: StudyEffect[];
	result: RmaResult | null;
	/** Label of the pooled row, e.g. "Pooled" or "Subtotal". */
	pooledLabel: string;
}

export type { Whisker };

export interface ForestLayoutInput {
	measure: EffectMeasure;
	blocks: ForestBlockInput[];
	/** Overall result drawn after the blocks (subgroup plots). */
	overall?: RmaResult | null;
	width: number;
	fontSize: number;
	/** Minimal important difference in analysis units: a band from -mid to +mid. */
	mid?: number | null;
	/** Fixed axis domain in analysis units; by default it is computed (see `forestDomain`). */
	domain?: [number, number];
	level?: number;
}

export type ForestItem =
	| { kind: 'heading'; key: string; y: number; label: string }
	| {
			kind: 'study';
			key: string;
			y: number;
			study: StudyEffect;
			ci: Interval;
			/** Square centre, or null when the estimate lies outside the axis. */
			x: number | null;
			/** Side of the weight square (area proportional to weight); 0 for excluded studies. */
			side: number;
			whisker: Whisker;
			text: string;
	  }
	| {
			kind: 'pooled';
			key: string;
			y: number;
			label: string;
			result: RmaResult;
			x: number;
			points: string;
			text: string;
	  }
	| { kind: 'pi'; key: string; y: number; whisker: Whisker; text: string }
	| { kind: 'note'; key: string; y: number; result: RmaResult };

export interface ForestLayout {
	width: number;
	height: number;
	rowHeight: number;
	columns: ForestColumns;
	scale: EffectScale;
	nullX: number;
	mid: { x1: number; x2: number } | null;
	/** Centre line of the header row. */
	headerY: number;
	items: ForestItem[];
	/** Axis line; tick labels at axisY + 1.6f, side labels at axisY + 3.2f. */
	axisY: number;
	/** Top and bottom of the vertical reference lines. */
	plotTop: number;
	plotBottom: number;
}

/**
 * Geometry of a forest plot (metafor `forest.rma` conventions). Rows are 2f high; row i (0-based, the header
 * excluded) is centred at y = 2f(i + 1.5). Per block: optional heading, one row per study, the pooled diamond
 * (half-height 0.7f), the prediction interval (k >= 3) and a heterogeneity note (k >= 2); an empty row separates
 * blocks; an overall diamond follows subgroup blocks. The weight square's side is 1.6f * sqrt(w / max w), so
 * its area is proportional to the weight. The axis line lies half a row below the last row; its domain is d3's
 * nice(t) of `forestDomain` with t = clamp(floor(plot width / 4f), 2, 6) ticks.
 * @example // width 800, font 10, studies yi = -10 (vi 4, weight 75) and 0 (vi 36, weight 25):
 * // domain [-15, 10] on x 230..605; rows at y = 30 and 50; squares 16 and 9.24 px; diamond row at y = 70
 */
export function forestLayout(input: ForestLayoutInput): ForestLayout {
	const f = input.fontSize;
	const level = input.level ?? 95;
	const columns = forestColumns(input.width, f);
	// Compact (phones): each row holds three lines: label above, interval, estimate text below.
	const rowHeight = columns.compact ? 3.6 * f : 2 * f;
	const ticks = Math.max(2, Math.min(6, Math.floor((columns.plotRight - columns.plotLeft) / (4 * f))));
	const scale = effectScale(
		input.measure,
		forestDomain(input),
		[columns.plotLeft, columns.plotRight],
		ticks,
		input.domain
	);
	const maxW = Math.max(
		0,
		...input.blocks.flatMap((b) => b.studies.map((s) => (s.excluded ? 0 : (s.weight ?? 0))))
	);
	const items: ForestItem[] = [];
	let row = 0;
	const y = () => rowHeight * (row + 1.5);
	const pooled = (key: string, label: string, r: RmaResult) => {
		const yy = y();
		const h = 0.7 * f;
		const [l, m, u] = [scale.at(r.ci.lower), scale.at(r.estimate), scale.at(r.ci.upper)];
		const points = `${l},${yy} ${m},${yy - h} ${u},${yy} ${m},${yy + h}`;
		items.push({
			kind: 'pooled',
			key,
			y: yy,
			label,
			result: r,
			x: m,
			points,
			text: formatEstimateCi(input.measure, r.estimate, r.ci)
		});
		row++;
		if (r.k >= 3) {
			items.push({
				kind: 'pi',
				key: `${key}:pi`,
				y: y(),
				whisker: whisker(scale, r.pi, y(), 0.6 * f),
				text: formatInterval(input.measure, r.pi)
			});
			row++;
		}
		if (r.k >= 2) {
			items.push({ kind: 'note', key: `${key}:note`, y: y(), result: r });
			row++;
		}
	};
	input.blocks.forEach((b, bi) => {
		if (bi > 0) row++;
		if (b.title !== undefined) {
			items.push({ kind: 'heading', key: `h:${bi}`, y: y(), label: b.title });
			row++;
		}
		for (const s of b.studies) {
			const ci = studyInterval(s.yi, s.vi, level);
			const inside = s.yi >= scale.domain[0] && s.yi <= scale.domain[1];
			const side = !s.excluded && s.weight && maxW > 0 ? 1.6 * f * Math.sqrt(s.weight / maxW) : 0;
			items.push({
				kind: 'study',
				key: `${bi}:${s.study_id}`,
				y: y(),
				study: s,
				ci,
				// A study left out by rule (e.g. no events in either arm of a ratio) is named, never drawn.
				x: inside && !s.leftOut ? scale.at(s.yi) : null,
				side: s.leftOut ? 0 : side,
				whisker: s.leftOut
					? { ...whisker(scale, ci, y(), 0.6 * f), x1: 0, x2: 0, arrows: [] }
					: whisker(scale, ci, y(), 0.6 * f),
				text: s.leftOut ? 'not estimable: left out' : formatEstimateCi(input.measure, s.yi, ci)
			});
			row++;
		}
		if (b.result) pooled(`p:${bi}`, b.pooledLabel, b.result);
	});
	if (input.overall) {
		row++;
		pooled('overall', 'Overall', input.overall);
	}
	const axisY = rowHeight * (row + 1) + rowHeight / 2;
	const mid = input.mid
		? {
				x1: scale.at(Math.max(-input.mid, scale.domain[0])),
				x2: scale.at(Math.min(input.mid, scale.domain[1]))
			}
		: null;
	return {
		width: input.width,
		height: axisY + (columns.compact ? 5.4 : 4) * f,
		rowHeight,
		columns,
		scale,
		nullX: scale.at(0),
		mid,
		headerY: rowHeight / 2,
		items,
		axisY,
		plotTop: rowHeight,
		plotBottom: axisY
	};
}
