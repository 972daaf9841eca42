import { ARM_LABELS } from '$lib/data/schema';
import type { Dataset } from '$lib/data/types';
import type { ClaimResult } from './claim-context';
import { controlName } from './describe';
import { leftOutRows, type LeftOutRow } from './left-out';
import type { OutcomeNetwork } from './network-analysis';
import { networkJson, type NetworkJson } from './network-report';
import { timeCourseJson, type TimeCourseJson } from './time-course-json';
import type { Analysis, AnalysisSettings } from './types';

/** One analysis as the `npm run summarize -- --json` contract prints it (docs/ARCHITECTURE.md section 6). */
export interface AnalysisJson {
	id: string;
	/** Adverse events: the event definition (definitions are never pooled together). */
	event?: string;
	outcome: string;
	population: string;
	treatment: string;
	control: string;
	window: string;
	measure: string;
	method: string;
	test: string;
	k: number;
	studies: Record<string, number | string>[];
	estimate: number;
	se: number;
	ci_lower: number;
	ci_upper: number;
	pi_lower: number;
	pi_upper: number;
	p: number;
	tau2: number;
	i2: number;
	h2: number;
	q: number;
	q_df: number;
	q_p: number;
	notes: string[];
}

export interface SummaryJson {
	options: { method: string; test: string; level: number };
	analyses: AnalysisJson[];
	claims: {
		id: string;
		verdict: string;
		certainty: string | null;
		/** Each certainty domain with its levels and reason ("not assessable" said as such). */
		certainty_reasons: { domain: string; levels: number; assessable: boolean; reason: string }[];
		analyses: string[];
		/** The comparators used, named for what they were ("usual care (routine care)"). */
		comparators: string[];
		/** Derived numbers (shares, differences, margins) with their intervals and trial counts. */
		derived: Record<string, number | null>;
		/** Studies the claim's analyses leave out, with the reason. */
		left_out: string[];
		sentence: string;
	}[];
	/** Every data row that enters no pooled result, with the reason. */
	left_out_rows: LeftOutRow[];
	/**
	 * The network meta-analysis of the claims' outcome (chronic pain, short window; the first network when there is
	 * none), absent without any network; `networks` has every outcome x population x window.
	 */
	network?: NetworkJson;
	networks: NetworkJson[];
	/** The time course of each comparison of each time-course claim (NMA.md section 4). */
	time_course: TimeCourseJson[];
}

/** An analysis in the JSON contract: study inputs under metafor's argument names, full precision. */
export function analysisJson(a: Analysis): AnalysisJson | null {
	const r = a.result;
	if (!r) return null;
	const studies = a.studies
		.filter((s) => !s.excluded)
		.map((s) => ({
			study_id: s.study_id,
			timepoint_weeks: s.timepoint_weeks,
			from: s.from,
			...(s.from === 'arms' ? s.inputs : {}),
			yi: s.yi,
			vi: s.vi,
			weight: s.weight ?? 0
		}));
	return {
		id: a.id,
		...(a.event ? { event: a.event } : {}),
		outcome: a.outcome,
		population: a.population,
		treatment: a.treatment,
		control: a.control,
		window: a.window,
		measure: a.measure === 'RR' || a.measure === 'OR' ? `log${a.measure}` : a.measure,
		method: r.method,
		test: r.test,
		k: r.k,
		studies,
		estimate: r.estimate,
		se: r.se,
		ci_lower: r.ci.lower,
		ci_upper: r.ci.upper,
		pi_lower: r.pi.lower,
		pi_upper: r.pi.upper,
		p: r.p,
		tau2: r.tau2,
		i2: r.i2,
		h2: r.h2,
		q: r.q,
		q_df: r.q_df,
		q_p: r.q_p,
		notes: [...r.notes, ...a.notes]
	};
}

export function summaryJson(
	settings: AnalysisSettings,
	analyses: Analysis[],
	claims: ClaimResult[],
	data?: Dataset,
	networks: readonly OutcomeNetwork[] = []
): SummaryJson {
	// Quantities a network cannot estimate (an indirect estimate without a loop, a random-effects test without
	// designs to compare) are left out of the JSON rather than written as null; the note of each SIDE row says why.
	const nets = networks.map((n) => withoutNulls(networkJson(n)));
	const network = nets.find((n) => n.id === 'pain:chronic:short') ?? nets[0];
	return {
		...(network ? { network } : {}),
		networks: nets,
		options: { method: settings.method, test: settings.test, level: settings.level },
		analyses: analyses.map(analysisJson).filter((a): a is AnalysisJson => a !== null),
		claims: claims.map((c) => ({
			id: c.claim.id,
			verdict: c.verdict,
			certainty: c.certainty?.level ?? null,
			certainty_reasons: (c.certainty?.rules ?? []).map((r) => ({
				domain: r.domain,
				levels: r.levels,
				assessable: r.assessable !== false,
				reason: r.reason
			})),
			analyses: c.analyses.map((a) => a.id),
			comparators: [...new Set(c.analyses.map((a) => `${ARM_LABELS[a.treatment]} vs ${controlName(a)}`))],
			derived: Object.fromEntries(
				Object.entries(c.extra).map(([k, v]) => [k, Number.isFinite(v) ? v : null])
			),
			left_out: [
				...new Set(
					c.analyses.flatMap((a) => [
						...a.studies.filter((s) => s.leftOut).map((s) => `${s.study}: ${s.leftOut}`),
						...a.notes
					])
				)
			],
			sentence: c.sentence
		})),
		left_out_rows: data ? leftOutRows(data, analyses) : [],
		time_course: timeCourseJson(claims)
	};
}

/** A copy without null-valued keys (array entries are kept), so the JSON never carries null. */
function withoutNulls<T>(x: T): T {
	if (Array.isArray(x)) return x.map(withoutNulls) as T;
	if (x === null || typeof x !== 'object') return x;
	return Object.fromEntries(
		Object.entries(x as Record<string, unknown>)
			.filter(([, v]) => v !== null)
			.map(([k, v]) => [k, withoutNulls(v)])
	) as T;
}
