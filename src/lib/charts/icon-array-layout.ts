import type { IconArm } from './types';

/** How one icon is drawn: improved even at the low end of the CI, improved in the best estimate only,
 * possibly improved within the CI, or not improved. */
export type IconState = 'sure' | 'likely' | 'possible' | 'none';

export interface IconPanel {
	key: string;
	arm: IconArm;
	x: number;
	y: number;
	/** Whole numbers out of 100: low end of the CI, best estimate, high end. */
	counts: { lower: number; estimate: number; upper: number };
	icons: { i: number; x: number; y: number; state: IconState }[];
}

export interface IconArrayLayout {
	width: number;
	height: number;
	cell: number;
	/** Height of the text above each grid. */
	header: number;
	panels: IconPanel[];
}

/**
 * Whole people out of 100 (rounded, clamped to 0..100, and ordered lower <= estimate <= upper).
 * @example countsOutOf100({ rate: 0.444, lower: 0.38, upper: 0.5 }) // { lower: 38, estimate: 44, upper: 50 }
 */
export function countsOutOf100(a: Pick<IconArm, 'rate' | 'lower' | 'upper'>): IconPanel['counts'] {
	const c = (p: number) => Math.min(100, Math.max(0, Math.round(p * 100)));
	const estimate = c(a.rate);
	return { lower: Math.min(c(a.lower), estimate), estimate, upper: Math.max(c(a.upper), estimate) };
}

/**
 * State of icon i (0-based, filled row by row from the top left) for the counts.
 * @example iconState(40, { lower: 38, estimate: 44, upper: 50 }) // 'likely'
 */
export function iconState(i: number, n: IconPanel['counts']): IconState {
	if (i < n.lower) return 'sure';
	if (i < n.estimate) return 'likely';
	if (i < n.upper) return 'possible';
	return 'none';
}

/**
 * Icon arrays of 100 people per arm, side by side when they fit. Gap g = 2f; columns
 * c = clamp(floor((width + g) / (14f + g)), 1, arms); panel width (width - (c - 1) g) / c; icon cell
 * min(2.4f, panel width / 10); a 3.8f header of text above each 10 x 10 grid; panel rows g apart.
 * @example iconArrayLayout(threeArms, 300, 10) // 2 columns of 140 px panels, cell 14, height 376
 */
export function iconArrayLayout(arms: IconArm[], width: number, f: number): IconArrayLayout {
	const g = 2 * f;
	const cols = Math.min(Math.max(1, Math.floor((width + g) / (14 * f + g))), Math.max(1, arms.length));
	const panelWidth = (width - (cols - 1) * g) / cols;
	const cell = Math.min(2.4 * f, panelWidth / 10);
	const header = 3.8 * f;
	const panelHeight = header + 10 * cell;
	const panels = arms.map((arm, k) => {
		const x = (k % cols) * (panelWidth + g);
		const y = Math.floor(k / cols) * (panelHeight + g);
		const counts = countsOutOf100(arm);
		const icons = Array.from({ length: 100 }, (_, i) => ({
			i,
			x: x + (i % 10) * cell,
			y: y + header + Math.floor(i / 10) * cell,
			state: iconState(i, counts)
		}));
		return { key: `${k}:${arm.label}`, arm, x, y, counts, icons };
	});
	const rows = Math.ceil(arms.length / cols);
	return { width, height: rows * panelHeight + Math.max(0, rows - 1) * g, cell, header, panels };
}
