/**
 * Geometry of the network meta-analysis charts (pure TypeScript; d3 computes, Svelte draws): the network graph,
 * interval rows (forest of every treatment vs a reference, and direct / indirect / network per comparison) and the
 * contribution bars.
 */
import type { EffectMeasure } from '$lib/evidence/types';
import type { NetworkGraphData } from '$lib/evidence/network-graph';
import { effectScale, type EffectScale } from './effect-scale';

/** Nodes with participants and the designs with their trial counts (evidence/network-graph.ts). */
export type GraphInput = NetworkGraphData;

export interface GraphLayout {
	width: number;
	height: number;
	nodes: {
		id: string;
		n: number;
		cx: number;
		cy: number;
		r: number;
		/** The label: its lines (one, or the name and the count on two), the first line's baseline, its anchor. */
		lines: string[];
		lx: number;
		ly: number;
		anchor: 'start' | 'middle' | 'end';
	}[];
	/** Direct comparisons: width 1.5 + 6.5 trials / max trials (two-arm and multi-arm trials together). */
	edges: {
		key: string;
		a: string;
		b: string;
		trials: number;
		x1: number;
		y1: number;
		x2: number;
		y2: number;
		width: number;
	}[];
	/** Multi-arm designs: one closed polygon through their nodes (however many trials had it), shaded. */
	multiArm: { id: string; nodes: string[]; trials: number; names: string[]; points: string }[];
}

/** Average advance of a bold sans-serif character in ems: an estimate for fitting labels (they are short). */
const CHAR_EM = 0.62;
/** Line height of two-line labels, in ems. */
const LINE_EM = 1.1;

/**
 * Nodes on a circle in the given order (the first at the top, clockwise), radius 0.09 min(width, height) *
 * sqrt(n / max n) so area is proportional to participants. Each label (`label(d)`: its name and its count) goes
 * beside its node on one line, else on two lines, else on two lines above or below the node, centred and kept inside the width
 * (a 390 px phone has no room beside the side nodes); the drawing grows taller, never wider, when labels need it.
 * @example graphLayout({ nodes: [{ id: 'a', n: 100 }, { id: 'b', n: 25 }], designs: [{ key: 'a|b', nodes: ['a', 'b'], trials: 1, names: ['s'] }], trials: 1 }, 400, 300, 12).nodes[1].r // half of nodes[0].r
 */
export function graphLayout(
	input: GraphInput,
	width: number,
	height: number,
	f: number,
	label: (d: { id: string; n: number }) => [name: string, count: string] = (d) => [d.id, `(${d.n})`]
): GraphLayout {
	const cx0 = width / 2;
	const cy0 = height / 2;
	const R = Math.max(10, Math.min(width / 2 - 6 * f, height / 2 - 2.5 * f));
	const maxN = Math.max(1, ...input.nodes.map((d) => d.n));
	const maxR = 0.09 * Math.min(width, height);
	const k = input.nodes.length;
	const textWidth = (lines: string[]) => Math.max(...lines.map((l) => l.length)) * CHAR_EM * f;
	const inside = (lines: string[], anchor: 'start' | 'middle' | 'end', x: number) => {
		const w = textWidth(lines);
		const left = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
		return left >= 1 && left + w <= width - 1;
	};
	const centred = (lines: string[], x: number) => {
		const half = Math.min(textWidth(lines), width - 2) / 2;
		return Math.min(Math.max(x, half + 1), width - half - 1);
	};
	const placed = input.nodes.map((d, i) => {
		const angle = -Math.PI / 2 + (2 * Math.PI * i) / k;
		const [c, s] = [Math.cos(angle), Math.sin(angle)];
		const r = Math.max(3, maxR * Math.sqrt(Math.max(0, d.n) / maxN));
		const cx = cx0 + R * c;
		const cy = cy0 + R * s;
		const [name, count] = label(d);
		const one = [`${name} ${count}`];
		const two = [name, count];
		const side = c > 0.3 ? 'start' : c < -0.3 ? 'end' : null;
		let lines = one;
		let anchor: 'start' | 'middle' | 'end' = side ?? 'middle';
		let lx = side ? cx + (side === 'start' ? 1 : -1) * (r + f * 0.4) : cx;
		let ly = cy + (r + f) * s + (Math.abs(s) < 0.3 ? f * 0.35 : 0);
		if (side && !inside(one, side, lx)) {
			if (inside(two, side, lx)) {
				lines = two;
				ly -= (LINE_EM * f) / 2; // the two lines centred on the node's row
			} else {
				// on two lines above the node when it is in the upper half, else below; centred, inside the width
				lines = two;
				anchor = 'middle';
				lx = centred(lines, cx);
				ly = s < 0 ? cy - r - f * 0.4 - LINE_EM * f * (lines.length - 1) : cy + r + f;
			}
		} else if (!side) {
			lines = inside(one, 'middle', centred(one, cx)) ? one : two;
			lx = centred(lines, cx);
			if (s < 0) ly -= LINE_EM * f * (lines.length - 1);
		}
		return { ...d, cx, cy, r, lines, lx, ly, anchor };
	});
	// Labels above the top or below the bottom: move everything down and grow the drawing to hold them.
	const top = Math.min(0, ...placed.map((d) => Math.min(d.cy - d.r, d.ly - f)));
	const bottom = Math.max(
		...placed.map((d) => Math.max(d.cy + d.r, d.ly + LINE_EM * f * (d.lines.length - 1) + 0.3 * f))
	);
	const dy = top < 0 ? 2 - top : 0;
	height = Math.max(height, Math.ceil(bottom + dy + 2));
	const nodes = placed.map((d) => ({ ...d, cy: d.cy + dy, ly: d.ly + dy }));
	const at = new Map(nodes.map((d) => [d.id, d]));
	const pairs = new Map<string, { a: string; b: string; trials: number }>();
	for (const d of input.designs)
		for (let i = 0; i < d.nodes.length; i++)
			for (let j = i + 1; j < d.nodes.length; j++) {
				const [a, b] = [d.nodes[i]!, d.nodes[j]!].sort();
				const key = `${a}|${b}`;
				const e = pairs.get(key) ?? { a: a!, b: b!, trials: 0 };
				e.trials += d.trials;
				pairs.set(key, e);
			}
	const maxT = Math.max(1, ...[...pairs.values()].map((e) => e.trials));
	const edges = [...pairs.entries()]
		.filter(([, e]) => at.has(e.a) && at.has(e.b))
		.map(([key, e]) => ({
			key,
			...e,
			x1: at.get(e.a)!.cx,
			y1: at.get(e.a)!.cy,
			x2: at.get(e.b)!.cx,
			y2: at.get(e.b)!.cy,
			width: 1.5 + (6.5 * e.trials) / maxT
		}));
	const order = new Map(nodes.map((d, i) => [d.id, i]));
	const multiArm = input.designs
		.filter((d) => d.nodes.length > 2 && d.nodes.every((n) => at.has(n)))
		.map((d) => {
			const ns = [...d.nodes].sort((a, b) => order.get(a)! - order.get(b)!);
			const points = ns.map((n) => `${at.get(n)!.cx},${at.get(n)!.cy}`).join(' ');
			return { id: d.key, nodes: ns, trials: d.trials, names: d.names, points };
		});
	return { width, height, nodes, edges, multiArm };
}

export interface IntervalRow {
	key: string;
	label: string;
	/** Analysis units (log for ratios); null for a row without an estimate (e.g. no direct evidence). */
	estimate: number | null;
	lower: number | null;
	upper: number | null;
	piLower?: number | null;
	piUpper?: number | null;
	/** Right-hand text (numbers, p-value). */
	text: string;
	/** Drawn as a diamond (network estimate) or a square. */
	kind: 'square' | 'diamond';
}

export interface IntervalLayout {
	width: number;
	height: number;
	scale: EffectScale;
	labelWidth: number;
	rows: (IntervalRow & {
		y: number;
		x: number | null;
		x1: number | null;
		x2: number | null;
		p1: number | null;
		p2: number | null;
	})[];
	zero: number;
	axisY: number;
}

/**
 * Rows of estimates with CI (and prediction interval) on one effect scale: labels take the left 32% (at least
 * 9 em), numbers the right 30%, the plot the middle; rows 2f apart; null line at 0.
 * @example intervalLayout('MD', [{ key: 'a', label: 'A', estimate: -5, lower: -9, upper: -1, text: '', kind: 'square' }], 600, 12).rows[0].x
 */
export function intervalLayout(
	measure: EffectMeasure,
	rows: IntervalRow[],
	width: number,
	f: number
): IntervalLayout {
	const labelWidth = Math.max(9 * f, 0.32 * width);
	const right = width - Math.max(8 * f, 0.3 * width);
	const values = rows.flatMap((r) =>
		[r.lower, r.upper, r.piLower ?? null, r.piUpper ?? null].filter(
			(v): v is number => v !== null && Number.isFinite(v)
		)
	);
	const scale = effectScale(measure, [0, ...values], [labelWidth + f, right - f]);
	const at = (v: number | null | undefined) =>
		v === null || v === undefined || !Number.isFinite(v) ? null : scale.at(v);
	const top = f * 1.5;
	const laid = rows.map((r, i) => ({
		...r,
		y: top + i * 2 * f,
		x: at(r.estimate),
		x1: at(r.lower),
		x2: at(r.upper),
		p1: at(r.piLower),
		p2: at(r.piUpper)
	}));
	const axisY = top + rows.length * 2 * f;
	return { width, height: axisY + 4 * f, scale, labelWidth, rows: laid, zero: scale.at(0), axisY };
}

export interface ContributionBar {
	key: string;
	label: string;
	/** Share 0-1. */
	share: number;
	x: number;
	y: number;
	w: number;
}

/**
 * Horizontal bars of each study's share in one network estimate, largest first; bar length share x plot width.
 * @example contributionLayout([{ key: 'a', label: 'A', share: 0.75 }, { key: 'b', label: 'B', share: 0.25 }], 400, 10).bars[0].w
 */
export function contributionLayout(
	shares: { key: string; label: string; share: number }[],
	width: number,
	f: number
): { width: number; height: number; labelWidth: number; bars: ContributionBar[] } {
	const labelWidth = Math.max(8 * f, 0.3 * width);
	const plot = width - labelWidth - 5 * f;
	const sorted = [...shares].filter((s) => s.share > 1e-9).sort((a, b) => b.share - a.share);
	const bars = sorted.map((s, i) => ({
		...s,
		x: labelWidth,
		y: f * 0.5 + i * 1.8 * f,
		w: Math.max(0, plot * s.share)
	}));
	return { width, height: f + sorted.length * 1.8 * f, labelWidth, bars };
}

export interface LeagueCell {
	row: number;
	col: number;
	/** "name" on the diagonal, else "est (lo to hi)" on the reader's scale, with "*" when the CI excludes no effect. */
	text: string;
	diagonal: boolean;
	/** The CI excludes no effect (bold, starred and shaded: colour is never the only cue). */
	clear: boolean;
}

/**
 * League table cells: row i, column j holds treatment i versus treatment j (negative MD/SMD or RR below 1 favours
 * the row for lower-is-better outcomes); the diagonal names the treatment.
 * @example leagueGrid(['a', 'b'], [{ treatment: 'a', comparator: 'b', estimate: -2, ci: { lower: -3, upper: -1 } }, ...], 'MD', (x) => x)
 */
export function leagueGrid(
	treatments: readonly string[],
	league: readonly {
		treatment: string;
		comparator: string;
		estimate: number;
		ci: { lower: number; upper: number };
	}[],
	measure: EffectMeasure,
	name: (id: string) => string
): LeagueCell[] {
	const ratio = measure === 'RR' || measure === 'OR';
	const show = (x: number) => (ratio ? Math.exp(x) : x).toFixed(ratio || measure === 'SMD' ? 2 : 1);
	const cells: LeagueCell[] = [];
	treatments.forEach((t, i) =>
		treatments.forEach((c, j) => {
			if (i === j) return cells.push({ row: i, col: j, text: name(t), diagonal: true, clear: false });
			const e = league.find((x) => x.treatment === t && x.comparator === c)!;
			const clear = e.ci.lower > 0 || e.ci.upper < 0;
			cells.push({
				row: i,
				col: j,
				text: `${show(e.estimate)} (${show(e.ci.lower)} to ${show(e.ci.upper)})${clear ? '*' : ''}`,
				diagonal: false,
				clear
			});
		})
	);
	return cells;
}
