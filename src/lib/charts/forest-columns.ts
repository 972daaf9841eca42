/** Horizontal layout of a forest plot's text columns and plotting region, in pixels. */
export interface ForestColumns {
	/** Left edge of the study labels (text-anchor start). */
	label: number;
	/** Right edge of the "n treatment/control" column, or null when the width is too small to show it. */
	n: number | null;
	plotLeft: number;
	plotRight: number;
	/** Right edge of the "estimate [CI]" column. */
	estimate: number;
	/** Right edge of the weight column, or null when hidden. */
	weight: number | null;
	/** Centre of the risk-of-bias mark. */
	rob: number;
	/**
	 * Phones: labels above each row and the estimate text below it, so the plot takes the whole width
	 * (`estimate` is then the left edge of that text, anchored at its start).
	 */
	compact: boolean;
}

/** Below this width (in font sizes) the plot switches to the compact layout. */
export const COMPACT_WIDTH = 34;

/**
 * Columns for a width `w` and font size `f` (all in px):
 * labels start at 0 and take min(16f, 0.28w); the n column (shown when w >= 56f) ends 6f further;
 * the plot starts f after the last left column; on the right the RoB mark is centred at w - f, the weight
 * (shown when w >= 40f) ends at w - 2.5f, the estimate at w - 7.5f (w - 2.5f without weights), and the plot ends
 * 12f before the estimate's right edge.
 * @example forestColumns(800, 10) // { label: 0, n: 220, plotLeft: 230, plotRight: 605, estimate: 725, weight: 775, rob: 790 }
 */
export function forestColumns(w: number, f: number): ForestColumns {
	if (w < COMPACT_WIDTH * f)
		return {
			label: 0,
			n: null,
			plotLeft: f,
			plotRight: w - 3 * f,
			estimate: 4,
			weight: null,
			rob: w - f,
			compact: true
		};
	const labelWidth = Math.min(16 * f, 0.28 * w);
	const n = w >= 56 * f ? labelWidth + 6 * f : null;
	const plotLeft = (n ?? labelWidth) + f;
	const weight = w >= 40 * f ? w - 2.5 * f : null;
	const estimate = weight === null ? w - 2.5 * f : w - 7.5 * f;
	const plotRight = Math.max(plotLeft + 4 * f, estimate - 12 * f);
	return { label: 0, n, plotLeft, plotRight, estimate, weight, rob: w - f, compact: false };
}
