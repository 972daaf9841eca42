import type { Arm, Rob } from '$lib/data/schema';
import type { RmaResult } from '$lib/stats/types';
import type { Analysis } from '$lib/evidence/types';

/**
 * Minimal shapes of the results the charts draw. The stats and evidence layers compute them, and their own
 * results fit these shapes (or are mapped onto them by the component that calls the chart), so a chart depends
 * on no particular stats module.
 */

/** What each side of the no-effect line means, e.g. left "favours real acupuncture", right "favours sham". */
export interface Sides {
	left: string;
	right: string;
}

/**
 * Subgroup blocks of a forest plot, each with its own pooled result, and the test for subgroup differences
 * (Q between groups with df and p). The evidence layer's `splitByShamType` result fits this shape.
 */
export interface ForestSubgroups {
	groups: { label: string; analysis: Pick<Analysis, 'studies' | 'result'> }[];
	q: number;
	df: number;
	p: number;
}

/** Egger-type regression test for funnel asymmetry (metafor `regtest`); the stats layer's result fits it. */
export interface FunnelRegtest {
	/** z (or t under knha) statistic of the standard-error coefficient. */
	statistic: number;
	p: number;
	/** df of the t statistic, null for z. */
	df?: number | null;
	/** Limit estimate (effect as the standard error goes to 0), if computed. */
	limit?: { estimate: number; ci: { lower: number; upper: number } };
}

/** Trim-and-fill (metafor `trimfill`): number and side of imputed studies, and the adjusted result. */
export interface FunnelTrimfill {
	k0: number;
	side: 'left' | 'right';
	filled: { yi: number; vi: number }[];
	result: RmaResult;
}

/** One point of the time course: pooled (no `study`) or one trial's estimate at a week since randomisation. */
export interface TimePoint {
	weeks: number;
	estimate: number;
	lower: number;
	upper: number;
	study?: string;
	/** Pooled points: which interval `lower`/`upper` are (cluster-robust CR2, or model-based Wald). */
	interval?: 'robust' | 'wald';
}

export interface TimeSeries {
	/** Comparison label, e.g. "Real vs sham acupuncture". */
	label: string;
	/** Control arm: picks the colour and the marker shape. */
	control?: Arm;
	points: TimePoint[];
	/** Draw the pooled interval as a band over the weeks (a fitted time course), not only as bars. */
	band?: boolean;
	/** Each trial's end of treatment (weeks since randomisation), where the data give it. */
	ends?: { study: string; weeks: number }[];
	/** Join each trial's own points with a line, in week order. */
	trialLines?: boolean;
}

export interface NetworkInput {
	nodes: { arm: Arm; n: number }[];
	edges: { a: Arm; b: Arm; trials: number }[];
}

/** One arm of an icon array: proportion of people who improved, with its confidence interval (0-1). */
export interface IconArm {
	label: string;
	rate: number;
	lower: number;
	upper: number;
	arm?: Arm;
}

export interface RobStudy {
	study_id: string;
	study: string;
	rob: Rob | null;
}

/** A table twin and CSV export of a chart: one source for both. */
export interface ChartTable {
	/** `digits`: decimals shown in the table twin (the CSV keeps full precision). */
	columns: { key: string; label: string; numeric?: boolean; digits?: number }[];
	rows: Record<string, string | number | null>[];
}
