import {
	confint,
	fullRank,
	leave1out,
	regtest,
	trimfill,
	type ConfintResult,
	type RegtestResult,
	type TrimfillResult
} from '$lib/stats';
import type { RmaOptions } from '$lib/stats/types';
import type { Analysis } from './types';

import { MIN_K_SMALL_STUDY } from './thresholds';
export { MIN_K_SMALL_STUDY };

/** Leave-one-out refits the model k times (O(k^2)): shown up to this many trials. */
export const MAX_LEAVE_ONE_OUT = 200;

export interface BiasChecks {
	/** Q-profile CIs for tau2, I2 and H2 (metafor confint()); null for k = 1 or a common-effect model. */
	heterogeneity: ConfintResult | null;
	/** Pooled result without each study in turn (metafor leave1out()). */
	leaveOneOut: { study: string; estimate: number; lower: number; upper: number }[];
	/** Egger-type test and trim-and-fill, from MIN_K_SMALL_STUDY studies on (metafor regtest(), trimfill()). */
	regtest: RegtestResult | null;
	trimfill: TrimfillResult | null;
	notes: string[];
}

/** The Egger-type test of an analysis, or the plain reason it cannot be run. */
export type EggerOutcome = { result: RegtestResult } | { reason: string };

/** Why the small-study tests need more trials (also the bias panel's note). */
const fewTrials = (k: number) =>
	`With ${k} stud${k === 1 ? 'y' : 'ies'}, a funnel plot, the Egger-type test and trim and fill cannot reliably show small-study bias (at least ${MIN_K_SMALL_STUDY} are needed).`;

/**
 * The Egger-type test (metafor `regtest(res)`: yi on sqrt(vi) with the analysis's own estimator, test and level)
 * over the studies the analysis pooled; the one place the test is run, so the certainty table and the funnel
 * panel give the same p. Never throws for data: a plain reason when there is no pooled result, fewer than
 * MIN_K_SMALL_STUDY trials, every trial with the same precision (the predictor is constant; metafor stops with
 * "Model matrix no longer of full rank"), or a model that cannot be fitted.
 * @example eggerFor(twelveIdenticalTrials) // { reason: 'all trials have the same precision, so ...' }
 */
export function eggerFor(a: Analysis): EggerOutcome {
	const r = a.result;
	if (!r) return { reason: 'there is no pooled result' };
	const used = a.studies.filter((s) => !s.excluded);
	if (used.length < MIN_K_SMALL_STUDY) return { reason: fewTrials(used.length) };
	const yi = used.map((s) => s.yi);
	const vi = used.map((s) => s.vi);
	if (!fullRank(vi.map(Math.sqrt)))
		return { reason: 'all trials have the same precision, so small-study bias cannot be tested' };
	try {
		const result = regtest(yi, vi, { method: r.method, test: r.test, level: r.level });
		if (!Number.isFinite(result.p)) return { reason: 'the Egger-type test gave no finite p-value' };
		return { result };
	} catch (e) {
		if (e instanceof RangeError)
			return { reason: `the Egger-type test could not be computed (${e.message})` };
		throw e;
	}
}

/** Sensitivity and small-study checks of one analysis, each skipped with a plain note when it cannot be computed. */
export function biasChecks(a: Analysis): BiasChecks {
	const used = a.studies.filter((s) => !s.excluded);
	const yi = used.map((s) => s.yi);
	const vi = used.map((s) => s.vi);
	const r = a.result;
	const notes: string[] = [];
	const out: BiasChecks = { heterogeneity: null, leaveOneOut: [], regtest: null, trimfill: null, notes };
	if (!r) return out;
	const options: RmaOptions = { method: r.method, test: r.test, level: r.level };
	const attempt = <T>(what: string, f: () => T): T | null => {
		try {
			return f();
		} catch (e) {
			notes.push(`${what} not computed: ${(e as Error).message}.`);
			return null;
		}
	};
	if (r.k >= 2 && r.method !== 'FE')
		out.heterogeneity = attempt('Q-profile interval', () => confint(yi, vi, options));
	if (r.k > MAX_LEAVE_ONE_OUT)
		notes.push(
			`Leave-one-out is shown for up to ${MAX_LEAVE_ONE_OUT} trials (it refits the model once per trial).`
		);
	else if (r.k >= 2)
		out.leaveOneOut = (attempt('Leave-one-out', () => leave1out(yi, vi, options)) ?? []).map((l) => ({
			study: used[l.omitted]!.study,
			estimate: l.result.estimate,
			lower: l.result.ci.lower,
			upper: l.result.ci.upper
		}));
	if (r.k >= MIN_K_SMALL_STUDY) {
		const egger = eggerFor(a);
		if ('result' in egger) out.regtest = egger.result;
		else notes.push(`Egger-type test not computed: ${egger.reason}.`);
		out.trimfill = attempt('Trim and fill', () => trimfill(yi, vi, options));
	} else notes.push(fewTrials(r.k));
	return out;
}
