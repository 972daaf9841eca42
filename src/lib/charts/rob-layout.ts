import { ROB_LEVELS, type Rob } from '$lib/data/schema';
import type { RobStudy } from './types';

export type RobLevel = Rob | 'unknown';
export const ROB_ORDER: RobLevel[] = [...ROB_LEVELS, 'unknown'];

/**
 * Studies per risk-of-bias level (low, some concerns, high, not reported), in that order.
 * @example robCounts([{ study_id: 'a', study: 'A', rob: 'low' }]) // low 1, some 0, high 0, unknown 0
 */
export function robCounts(studies: RobStudy[]): { level: RobLevel; count: number }[] {
	return ROB_ORDER.map((level) => ({
		level,
		count: studies.filter((s) => (s.rob ?? 'unknown') === level).length
	}));
}

export interface RobLayout {
	width: number;
	height: number;
	rows: { key: string; label: string; rob: RobLevel; y: number }[];
	/** Stacked bar of counts: one segment per level with studies. */
	bar: { level: RobLevel; count: number; x: number; width: number }[];
	barY: number;
	barHeight: number;
}

/**
 * Risk-of-bias summary: one row per study (1.8f apart, first centred at 0.9f), the mark at x = f and the
 * label from 2.2f; below them, half a row further, a stacked bar 1.6f high whose segments have widths
 * proportional to the counts (full width = all studies). Above `maxRows` studies only the bar is drawn.
 * @example // 4 studies (2 low, 1 high, 1 not reported), width 200, font 10: rows at y 9, 27, 45, 63; bar at
 * // y 81 with segments 100, 50 and 50 px wide
 */
export function robLayout(studies: RobStudy[], width: number, f: number, maxRows = Infinity): RobLayout {
	const row = 1.8 * f;
	const shown = studies.length > maxRows ? [] : studies;
	const rows = shown.map((s, i): RobLayout['rows'][number] => ({
		key: s.study_id,
		label: s.study,
		rob: s.rob ?? 'unknown',
		y: row * (i + 0.5)
	}));
	const barY = row * (shown.length + 0.5);
	let x = 0;
	const bar = robCounts(studies)
		.filter((c) => c.count > 0)
		.map((c) => {
			const w = (width * c.count) / studies.length;
			const seg = { ...c, x, width: w };
			x += w;
			return seg;
		});
	const barHeight = 1.6 * f;
	return { width, height: barY + barHeight + 0.5 * f, rows, bar, barY, barHeight };
}
