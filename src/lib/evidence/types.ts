import type { RobJudgement } from '$lib/data/rob';
import type { Arm, Comparator, Outcome, Population, Rob, ShamType } from '$lib/data/schema';
import type { NetworkNodes } from './network-nodes';
import type { Method, RmaResult, TestType } from '$lib/stats/types';

/** Time windows in weeks since randomisation (docs/ARCHITECTURE.md section 4.4). */
export type Window = 'immediate' | 'short' | 'intermediate' | 'long';

/** Window of an analysis: adverse events are pooled over the whole follow-up (`any`: the latest timepoint). */
export type AnalysisWindow = Window | 'any';

/** Population of an analysis: adverse events are also pooled over both populations (`any`). */
export type AnalysisPopulation = Population | 'any';

/** Effect measure of an analysis; ratio measures are analysed on the log scale. */
export type EffectMeasure = 'MD' | 'SMD' | 'RR' | 'OR' | 'RD';

/** One study's contribution to one analysis, after orientation, scale conversion and arm combination. */
export interface StudyEffect {
	study_id: string;
	study: string;
	year: number;
	population: Population;
	rob: Rob | null;
	/** The RoB 2 domain judgements behind `rob` (data/rob.csv), empty when the trial has none. */
	robDomains: RobJudgement[];
	/** What the control side really received (data contract `comparator`), null when not said. */
	comparator: Comparator | null;
	/** Sham type of the sham arm involved, if any. */
	sham_type: ShamType | null;
	timepoint_weeks: number;
	from: 'arms' | 'contrast';
	/** metafor's argument names: m1i sd1i n1i m2i sd2i n2i (continuous), ai n1i ci n2i (binary), or yi vi. */
	inputs: Record<string, number>;
	/** Participants in the treatment and control groups (null when a contrast row does not give them). */
	n1: number | null;
	n2: number | null;
	yi: number;
	vi: number;
	/** What each side received, e.g. "individualised + standardised acupuncture (combined)". */
	treatment_label: string;
	control_label: string;
	adjusted: boolean;
	scale: string;
	source: string;
	locator: string;
	/** Lines of the CSV rows used. */
	lines: number[];
	/** Change or final scores (continuous arm-level effects); null for binary outcomes and contrast rows. */
	measureType: 'change' | 'final' | null;
	/** Weight in the pooled result, percent; null when the study is excluded. */
	weight: number | null;
	/** Left out of the pooled result by the user or by the risk-of-bias filter. */
	excluded: boolean;
	/**
	 * Why the analysis leaves this study out by rule, whatever the user chooses (e.g. no events in either arm of a
	 * ratio measure, as RevMan does); absent when it is used.
	 */
	leftOut?: string;
}

export interface Analysis {
	/**
	 * `outcome:population:treatment-vs-control:window`, e.g. `pain:chronic:acupuncture-vs-sham:short`; adverse events
	 * add the event definition (`...:any:serious_adverse_event`), since definitions are never pooled together.
	 */
	id: string;
	outcome: Outcome;
	/** Adverse events only: the event definition (the `scale` of the rows), e.g. `serious_adverse_event`. */
	event?: string;
	population: AnalysisPopulation;
	treatment: Arm;
	control: Arm;
	window: AnalysisWindow;
	measure: EffectMeasure;
	/** Human unit of yi, e.g. "points on a 0-100 pain scale" or "standardised mean difference". */
	unit: string;
	studies: StudyEffect[];
	/** Pooled result over the studies not excluded; null when none contributes. */
	result: RmaResult | null;
	/**
	 * The result verdicts read when it differs from `result`: with plain Hartung-Knapp chosen, the same model with
	 * the ad hoc correction (metafor `test = "adhoc"`), so a change of CI method never narrows a verdict's interval
	 * below the Wald one. Absent otherwise.
	 */
	verdictResult?: RmaResult | null;
	notes: string[];
	/**
	 * Present when `studies` holds only some of the analysis's studies: a large upload analysed in the worker sends
	 * the page the rows its charts and lists draw, with the counts and sums over every study here
	 * (src/lib/evidence/study-summary.ts). Absent when `studies` holds them all.
	 */
	summary?: StudySummary;
}

/** Counts and sums over every study of an analysis whose `studies` the worker capped (see Analysis.summary). */
export interface StudySummary {
	/** Studies in the analysis (`studies` holds the first ones, and any the user excluded). */
	studies: number;
	/** Studies excluded by the user or the risk-of-bias filter, and left out by rule. */
	excluded: number;
	leftOut: number;
	/** Participants in the studies not excluded (describe.ts `participants`). */
	participants: number;
	/** The control named with what the trials used really gave (describe.ts `controlName`). */
	controlName: string;
	/** Events / participants in the control arms of the studies used (describe.ts `controlRisk`). */
	controlRisk: number | null;
	/** Whether some study's control is usual care under another name (claim-context.ts `indirectReason`). */
	usualCareControls: boolean;
}

/** Analysis settings shared by the page and the CLI. */
export interface AnalysisSettings {
	method: Method;
	test: TestType;
	level: number;
	/** Pain analysed as MD on 0-100 (default) or SMD. */
	painMeasure: 'MD' | 'SMD';
	/** Leave out trials at high risk of bias. */
	excludeHighRob: boolean;
	/** Study ids excluded by the user (sensitivity analysis). */
	excluded: string[];
	/** Count usual care as "no treatment" (indirect evidence; certainty is downgraded for indirectness). */
	usualCareAsNone: boolean;
	/**
	 * Include studies with no events in either arm in ratio measures (with metafor's 0.5 correction). Off by default,
	 * as in RevMan: such a study carries no information on the ratio.
	 */
	includeDoubleZero?: boolean;
	/** Node choices of the network meta-analysis (default DEFAULT_NODES: one node per arm type). */
	network?: NetworkNodes;
}

export const DEFAULT_SETTINGS: AnalysisSettings = {
	method: 'REML',
	test: 'z',
	level: 95,
	painMeasure: 'MD',
	excludeHighRob: false,
	excluded: [],
	usualCareAsNone: false
};
