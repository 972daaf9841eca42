/**
 * The difference between arms over time, from one row per study x timepoint of one comparison (NMA.md section 4,
 * question A): `rma.mv(yi, V, mods = ~ 0 + window, random = ~ week | study, struct = "CAR")` with
 * V = vcalc(vi, cluster = study, time1 = week, phi), Wald (z) intervals, and CR2 cluster-robust intervals with
 * Satterthwaite df (`robust(fit, cluster = study, clubSandwich = TRUE)`). Pooled differences are given at the
 * listed weeks only where the data reach: a week before the first or after the last reported timepoint, or in a
 * window no trial reports, is not estimated (no extrapolation). phi is unknown: `timeCourseSensitivity` refits
 * over a range of values. Sources: metafor 3.8-1 `?rma.mv`, `?vcalc`, `?robust`; clubSandwich 0.5.8.
 */
import { alphaFromLevel, qnorm } from '../distributions';
import type { Interval } from '../types';
import { cr2, robustContrast, type Cr2, type RobustEstimate } from './cr2';
import { rmaMv, type MvFit } from './fit-mv';
import type { MvStruct, VarianceParameters } from './structure';
import { TIME_WINDOWS, windowDesign, windowIndex, type TimeWindow } from './time-windows';

export interface TimePointRow {
	study: string;
	/** Weeks since randomisation. */
	week: number;
	yi: number;
	vi: number;
}

export interface TimeCourseOptions {
	/** Within-study correlation between timepoints one week apart (default 0.7). */
	phi?: number;
	struct?: MvStruct;
	windows?: readonly TimeWindow[];
	level?: number;
	maxIterations?: number;
	/** Variance parameters held fixed instead of estimated (metafor `rma.mv(tau2 =, rho =)`). */
	fixed?: VarianceParameters;
}

export interface WeekEstimate {
	week: number;
	estimate: number;
	se: number;
	/** Wald (z) interval. */
	ci: Interval;
	/** CR2 robust estimate (null with fewer than two studies). */
	robust: RobustEstimate | null;
}

export interface NotEstimated {
	week: number;
	reason: string;
}

export interface TimeCourseFit {
	phi: number;
	fit: MvFit;
	/** The listed week of each coefficient (window), in coefficient order. */
	weeks: number[];
	estimates: WeekEstimate[];
	/** Listed weeks without an estimate, with the reason. */
	notEstimated: NotEstimated[];
	/** First and last reported week. */
	range: [number, number];
	robust: Cr2 | null;
}

/** Fits the time course of one comparison at one assumed within-study correlation. */
export function fitTimeCourse(rows: readonly TimePointRow[], options: TimeCourseOptions = {}): TimeCourseFit {
	const { phi = 0.7, windows = TIME_WINDOWS, level = 95 } = options;
	const weeks = rows.map((r) => r.week);
	const design = windowDesign(weeks, windows);
	const fit = rmaMv(
		{
			cluster: rows.map((r) => r.study),
			yi: rows.map((r) => r.yi),
			vi: rows.map((r) => r.vi),
			X: design.X,
			time: weeks,
			phi
		},
		{ struct: options.struct ?? 'CAR', level, maxIterations: options.maxIterations, fixed: options.fixed }
	);
	const robust = fit.studies >= 2 ? cr2(fit) : null;
	// A reduce, not Math.min(...weeks): tens of thousands of arguments overflow a worker's stack.
	const range: [number, number] = [
		weeks.reduce((m, w) => Math.min(m, w), Infinity),
		weeks.reduce((m, w) => Math.max(m, w), -Infinity)
	];
	const z = qnorm(1 - alphaFromLevel(level) / 2);
	const estimates: WeekEstimate[] = [];
	const notEstimated: NotEstimated[] = [];
	for (const w of windows) {
		const col = design.windows.indexOf(windowIndex(w.week, windows));
		if (w.week < range[0] || w.week > range[1]) {
			notEstimated.push({
				week: w.week,
				reason: `beyond the data: the trials report weeks ${range[0]} to ${range[1]}, and the model does not extrapolate`
			});
		} else if (col < 0) {
			notEstimated.push({ week: w.week, reason: 'no trial reports a timepoint in this window' });
		} else {
			const c = fit.coefficients[col]!;
			const unit = design.windows.map((_, j) => (j === col ? 1 : 0));
			estimates.push({
				week: w.week,
				estimate: c.estimate,
				se: c.se,
				ci: { lower: c.estimate - z * c.se, upper: c.estimate + z * c.se },
				robust: robust ? robustContrast(robust, unit, level) : null
			});
		}
	}
	return {
		phi,
		fit,
		weeks: design.windows.map((i) => windows[i]!.week),
		estimates,
		notEstimated,
		range,
		robust
	};
}

/**
 * Change of the pooled difference from week `from` to week `to` (to minus from), with its Wald and CR2 robust
 * intervals: negative when the difference grows in the direction of negative effects, i.e. "builds" for effects
 * where negative favours treatment. Null when either week has no estimate.
 */
export function timeChange(tc: TimeCourseFit, from: number, to: number): WeekEstimate | null {
	const a = tc.weeks.indexOf(from);
	const b = tc.weeks.indexOf(to);
	if (
		a < 0 ||
		b < 0 ||
		!tc.estimates.some((e) => e.week === from) ||
		!tc.estimates.some((e) => e.week === to)
	)
		return null;
	const p = tc.weeks.length;
	const c = Array.from({ length: p }, (_, j) => (j === b ? 1 : 0) - (j === a ? 1 : 0));
	const vb = tc.fit.vb;
	const estimate = tc.fit.coefficients[b]!.estimate - tc.fit.coefficients[a]!.estimate;
	const se = Math.sqrt(vb[a]![a]! + vb[b]![b]! - 2 * vb[a]![b]!);
	const z = qnorm(1 - alphaFromLevel(tc.fit.level) / 2);
	return {
		week: to,
		estimate,
		se,
		ci: { lower: estimate - z * se, upper: estimate + z * se },
		robust: tc.robust ? robustContrast(tc.robust, c, tc.fit.level) : null
	};
}

/** The time course refitted for each assumed within-study correlation (default 0.5, 0.7, 0.9). */
export function timeCourseSensitivity(
	rows: readonly TimePointRow[],
	phis: readonly number[] = [0.5, 0.7, 0.9],
	options: Omit<TimeCourseOptions, 'phi'> = {}
): TimeCourseFit[] {
	return phis.map((phi) => fitTimeCourse(rows, { ...options, phi }));
}
