import type { ClaimResult } from './claim-context';
import type { CourseFit, WeekPoint } from './time-model';

/** One listed week of the time course in the JSON contract (full precision; robust = CR2 with Satterthwaite df). */
export interface WeekJson {
	week: number;
	estimate: number;
	se: number;
	ci_lower: number;
	ci_upper: number;
	robust_ci_lower: number | null;
	robust_ci_upper: number | null;
	robust_df: number | null;
	trials: number;
}

/** The time course of one comparison of a time-course claim (docs/ARCHITECTURE.md section 6). */
export interface TimeCourseJson {
	claim: string;
	comparison: string;
	measure: string;
	struct: 'CAR';
	trials: number;
	/** The study x timepoint inputs (oriented, pain on 0-100 for MD), so that R can refit them. */
	rows: { study_id: string; week: number; yi: number; vi: number }[];
	/** The fit at the default within-study correlation (rho of vcalc, `phi`), then the sensitivity analysis. */
	phi: number | null;
	weeks: WeekJson[];
	not_estimated: { week: number; reason: string }[];
	tau2: number | null;
	rho: number | null;
	separation_week: number | null;
	sensitivity: {
		phi: number;
		tau2: number;
		rho: number;
		/** Restricted log-likelihood at the estimates (metafor's logLik()). */
		loglik: number;
		converged: boolean;
		separation_week: number | null;
		weeks: WeekJson[];
	}[];
	lasting: { week: number; status: string }[];
	regression: {
		k: number;
		slope: number | null;
		ci_lower: number | null;
		ci_upper: number | null;
		p: number | null;
		permutation_p: number | null;
		reason: string | null;
	} | null;
	reason: string | null;
}

const week = (e: WeekPoint): WeekJson => ({
	week: e.week,
	estimate: e.estimate,
	se: e.se,
	ci_lower: e.ci_lower,
	ci_upper: e.ci_upper,
	robust_ci_lower: e.robust?.ci_lower ?? null,
	robust_ci_upper: e.robust?.ci_upper ?? null,
	robust_df: e.robust?.df ?? null,
	trials: e.trials
});

const sens = (f: CourseFit) => ({
	phi: f.phi,
	tau2: f.tau2,
	rho: f.rho,
	loglik: f.logLik,
	converged: f.converged,
	separation_week: f.separatedAt,
	weeks: f.estimates.map(week)
});

/** Every time-course claim's comparisons as the `time_course` member of `summarize --json`. */
export function timeCourseJson(claims: ClaimResult[]): TimeCourseJson[] {
	return claims.flatMap((r) =>
		(r.timeCourse?.comparisons ?? []).map((c) => {
			const m = c.course.main;
			return {
				claim: r.claim.id,
				comparison: c.key,
				measure: c.measure,
				struct: 'CAR' as const,
				trials: c.course.trials,
				rows: c.rows.map((x) => ({ study_id: x.study_id, week: x.week, yi: x.yi, vi: x.vi })),
				phi: m?.phi ?? null,
				weeks: m?.estimates.map(week) ?? [],
				not_estimated: m?.notEstimated ?? [],
				tau2: m?.tau2 ?? null,
				rho: m?.rho ?? null,
				separation_week: m?.separatedAt ?? null,
				sensitivity: c.course.sensitivity.map(sens),
				lasting: c.lasting,
				regression: c.regression && { ...c.regression, exact: undefined },
				reason: c.course.reason
			};
		})
	);
}
