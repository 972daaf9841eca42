import {
	fitTimeCourse,
	metaRegression,
	TIME_WINDOWS,
	windowIndex,
	type TimeCourseFit
} from '$lib/stats/multivariate';
import type { TimeRow } from './time-points';
import type { EffectMeasure, StudyEffect } from './types';

/** Assumed within-study correlation between timepoints one week apart (CAR), and the values of the sensitivity analysis. */
export const DEFAULT_PHI = 0.7;
export const SENSITIVITY_PHIS: readonly number[] = [0.5, 0.7, 0.9];
/** Fewest trials for a pooled time course with cluster-robust intervals (CR2 needs two clusters). */
export const MIN_TIME_COURSE_TRIALS = 2;
/**
 * Most trials fitted by the time-course model. Each comparison is fitted at three correlations; a fit that converges
 * slowly takes ~10 ms per trial, so at a few hundred trials the claim would hold every verdict for minutes (in the
 * analysis worker too). Above it the comparison says so instead of being fitted (page, worker and CLI alike).
 */
export const MAX_TIME_COURSE_TRIALS = 150;
/** Fewest trials with a known course length for the meta-regression (Knapp-Hartung needs k - 2 >= 1 df). */
export const MIN_REGRESSION_TRIALS = 3;
/**
 * Most trials for which the permutation p is computed: it guards the Knapp-Hartung p with few trials, and each of
 * its 1,000 arrangements refits the model (a second per 1,000 trials). Above it the permutation p is null.
 */
export const MAX_PERMUTATION_TRIALS = 40;

/** The pooled difference at one listed week: Wald (z) and CR2 robust (Satterthwaite t) intervals. */
export interface WeekPoint {
	week: number;
	estimate: number;
	se: number;
	ci_lower: number;
	ci_upper: number;
	/** Null with one trial (no cluster-robust interval). */
	robust: { ci_lower: number; ci_upper: number; df: number; p: number } | null;
	/** Trials with a timepoint in this week's window. */
	trials: number;
}

/** The model at one assumed correlation. */
export interface CourseFit {
	phi: number;
	/** Number of window means the model estimates (its fixed effects). */
	coefficients: number;
	estimates: WeekPoint[];
	notEstimated: { week: number; reason: string }[];
	tau2: number;
	rho: number;
	logLik: number;
	/** Whether the REML optimiser converged; a fit that did not is never read for a verdict. */
	converged: boolean;
	notes: string[];
	/** First listed week whose robust CI lies wholly on the favourable side (below 0), or null. */
	separatedAt: number | null;
	/** The same read from the model-based (Wald) intervals, which ignore how few trials there are. */
	separatedAtWald: number | null;
}

/** The time course of one comparison (NMA.md section 4, question A). */
export interface ComparisonCourse {
	measure: EffectMeasure;
	trials: number;
	/** First and last reported week. */
	range: [number, number];
	/** The fit at DEFAULT_PHI, then each of SENSITIVITY_PHIS (the default among them). */
	main: CourseFit | null;
	sensitivity: CourseFit[];
	/** Why no pooled time course, when there is none. */
	reason: string | null;
	/** Why the fit has no cluster-robust intervals, when it has none. */
	robustReason: string | null;
}

/** Trials with a row in each listed week's window (TIME_WINDOWS, as the model's design). */
function trialsPerWeek(rows: readonly TimeRow[]): Map<number, number> {
	const seen = new Map<number, Set<string>>();
	for (const r of rows) {
		const w = TIME_WINDOWS[windowIndex(r.week)]?.week;
		if (w === undefined) continue;
		const s = seen.get(w) ?? new Set<string>();
		s.add(r.study_id);
		seen.set(w, s);
	}
	return new Map([...seen].map(([w, s]) => [w, s.size]));
}

function courseFit(fit: TimeCourseFit, rows: readonly TimeRow[]): CourseFit {
	const counts = trialsPerWeek(rows);
	// As metafor's robust(): a cluster-robust interval needs more trials than estimated weeks (coefficients).
	const robustOk = fit.fit.studies > fit.weeks.length;
	const estimates = fit.estimates.map((e): WeekPoint => ({
		week: e.week,
		estimate: e.estimate,
		se: e.se,
		ci_lower: e.ci.lower,
		ci_upper: e.ci.upper,
		// CR2 with very few trials can have Satterthwaite df ~ 0: a non-finite interval is no interval.
		robust:
			robustOk && e.robust && Number.isFinite(e.robust.ci.lower) && Number.isFinite(e.robust.ci.upper)
				? { ci_lower: e.robust.ci.lower, ci_upper: e.robust.ci.upper, df: e.robust.df, p: e.robust.p }
				: null,
		trials: counts.get(e.week) ?? 0
	}));
	return {
		phi: fit.phi,
		coefficients: fit.weeks.length,
		estimates,
		notEstimated: fit.notEstimated,
		tau2: fit.fit.tau2[0]!,
		rho: fit.fit.rho,
		logLik: fit.fit.logLik,
		converged: fit.fit.converged,
		notes: fit.fit.notes,
		separatedAt: estimates.find((e) => e.robust !== null && e.robust.ci_upper < 0)?.week ?? null,
		separatedAtWald: estimates.find((e) => e.ci_upper < 0)?.week ?? null
	};
}

/**
 * Fits the time course of one comparison: `rma.mv(yi, V, mods = ~ 0 + window, random = ~ week | study,
 * struct = "CAR")` with V from `vcalc(vi, cluster = study, time1 = week, phi)`, at DEFAULT_PHI and over
 * SENSITIVITY_PHIS, with CR2 robust intervals (`fitTimeCourse`, src/lib/stats/multivariate). "When the groups
 * separated" is read from the robust intervals only. Never throws: a failed fit gives its reason.
 */
export function comparisonCourse(rows: readonly TimeRow[], measure: EffectMeasure): ComparisonCourse {
	const trials = new Set(rows.map((r) => r.study_id)).size;
	// A loop, not Math.min(...weeks): a large upload's rows (tens of thousands) overflow a worker's stack as arguments.
	let lo = Infinity;
	let hi = -Infinity;
	for (const r of rows) {
		lo = Math.min(lo, r.week);
		hi = Math.max(hi, r.week);
	}
	const range: [number, number] = rows.length ? [lo, hi] : [0, 0];
	const base = { measure, trials, range, main: null, sensitivity: [], robustReason: null };
	if (trials < MIN_TIME_COURSE_TRIALS)
		return {
			...base,
			reason: `${trials} trial${trials === 1 ? '' : 's'}: a pooled time course with cluster-robust intervals needs at least ${MIN_TIME_COURSE_TRIALS}`
		};
	if (trials > MAX_TIME_COURSE_TRIALS)
		return {
			...base,
			reason: `${trials} trials: the time-course model is fitted up to ${MAX_TIME_COURSE_TRIALS} trials (each fit takes seconds beyond), so it was not fitted here`
		};
	const input = rows.map((r) => ({ study: r.study_id, week: r.week, yi: r.yi, vi: r.vi }));
	try {
		const sensitivity = SENSITIVITY_PHIS.map((phi) => courseFit(fitTimeCourse(input, { phi }), rows));
		const main =
			sensitivity.find((f) => f.phi === DEFAULT_PHI) ??
			courseFit(fitTimeCourse(input, { phi: DEFAULT_PHI }), rows);
		if (!main.converged)
			return {
				...base,
				sensitivity,
				reason: `the model did not converge at the assumed correlation ${DEFAULT_PHI} (${main.notes.join(' ')})`
			};
		const p = main.coefficients;
		const robustReason = main.estimates.every((e) => e.robust === null)
			? `with ${trials} trials for ${p} estimated weeks no cluster-robust interval can be computed (it needs more trials than estimated weeks, as metafor's robust())`
			: null;
		return { ...base, main, sensitivity, reason: null, robustReason };
	} catch (e) {
		return { ...base, reason: `the model could not be fitted (${(e as Error)?.message ?? String(e)})` };
	}
}

/** Meta-regression of the short-window effect on course length (NMA.md section 4, question B). */
export interface CourseRegression {
	/** Trials with a course length (the regression's k). */
	k: number;
	/** Slope: change in the effect per extra week of treatment, with its Knapp-Hartung CI and p. */
	slope: number | null;
	ci_lower: number | null;
	ci_upper: number | null;
	p: number | null;
	/** Permutation p of the slope, exact when every arrangement was enumerated. */
	permutation_p: number | null;
	exact: boolean;
	/** Why not estimated, when not. */
	reason: string | null;
}

/**
 * The short-window effects of one comparison regressed on the acupuncture course length in weeks, with
 * Knapp-Hartung inference and a permutation p (`metaRegression`, metafor `permutest`). Between-trial and
 * observational: trials with longer courses differ in other ways too.
 */
export function courseRegression(
	studies: readonly StudyEffect[],
	courses: Record<string, { course_weeks: number | null }>
): CourseRegression {
	const used = studies.filter((s) => !s.excluded && !s.leftOut);
	const withX = used.filter((s) => courses[s.study_id]?.course_weeks != null);
	const x = withX.map((s) => courses[s.study_id]!.course_weeks!);
	const none = { slope: null, ci_lower: null, ci_upper: null, p: null, permutation_p: null, exact: false };
	if (withX.length < MIN_REGRESSION_TRIALS)
		return {
			k: withX.length,
			...none,
			reason: `${withX.length} of ${used.length} trials in the short window report a course length; the meta-regression needs at least ${MIN_REGRESSION_TRIALS}`
		};
	if (new Set(x).size < 2)
		return { k: withX.length, ...none, reason: 'every trial had the same course length' };
	try {
		const permute = withX.length <= MAX_PERMUTATION_TRIALS;
		const m = metaRegression(
			withX.map((s) => s.yi),
			withX.map((s) => s.vi),
			x,
			// One arrangement (the observed one) when not permuting: the fit and its Knapp-Hartung test only.
			permute ? {} : { maxExact: 0, iterations: 1 }
		);
		return {
			k: withX.length,
			slope: m.slope.estimate,
			ci_lower: m.slope.ci.lower,
			ci_upper: m.slope.ci.upper,
			p: m.slope.p,
			permutation_p: permute ? m.permutation.p : null,
			exact: permute && m.permutation.exact,
			reason: null
		};
	} catch (e) {
		return { k: withX.length, ...none, reason: `not estimable (${(e as Error)?.message ?? String(e)})` };
	}
}
