import type { Arm, Outcome } from '$lib/data/schema';
import { robProfile, type RobJudgement, type RobProfile } from '$lib/data/rob';
import type { ArmRow, ContrastRow, Dataset } from '$lib/data/types';
import { rma } from '$lib/stats';
import { armEffect, COLLATOR, effectiveArm, type Candidate } from './arm-effects';
import { COMPARISONS, comparisonKey, type Comparison } from './comparisons';
import { contrastEffect } from './contrast-effects';
import { effectOrReason, notPooledNote, unusableReason } from './effect-guard';
import type {
	Analysis,
	AnalysisPopulation,
	AnalysisSettings,
	AnalysisWindow,
	EffectMeasure,
	StudyEffect
} from './types';
import { groupBy } from './group-by';
import { closestTimepoint, windowOf, WINDOWS } from './windows';

interface Note {
	week: number;
	text: string;
}

const UNITS: Record<EffectMeasure, string> = {
	MD: 'points on a 0-100 pain scale',
	SMD: 'standardised mean difference (Hedges g)',
	RR: 'risk ratio',
	OR: 'odds ratio',
	RD: 'risk difference'
};

/** Human unit of an analysis' effects. */
export function analysisUnit(outcome: Outcome, measure: EffectMeasure): string {
	return outcome === 'pain' ? UNITS[measure] : measure === 'MD' ? 'points' : UNITS[measure];
}

export function measureFor(outcome: Outcome, settings: Pick<AnalysisSettings, 'painMeasure'>): EffectMeasure {
	if (outcome === 'pain') return settings.painMeasure;
	if (outcome === 'function') return 'SMD';
	return 'RR';
}

export function analysisId(
	outcome: Outcome,
	population: AnalysisPopulation,
	c: Comparison,
	window: AnalysisWindow,
	event?: string
) {
	return `${outcome}:${population}:${comparisonKey(c)}:${window}${event ? `:${event}` : ''}`;
}

/** One study's arm rows at one timepoint, read as arm types (usual care as none when asked). */
interface ArmGroup {
	rows: ArmRow[];
	arms: Arm[];
}

/** The arm rows of each study at each timepoint, grouped once for every comparison. */
function armGroups(arms: ArmRow[], usualCareAsNone: boolean): ArmGroup[] {
	const out: ArmGroup[] = [];
	for (const rows of groupBy(arms, (r) => r.study_id).values()) {
		const hasNone = rows.some((r) => r.arm === 'no_treatment');
		for (const atTime of groupBy(rows, (r) => r.timepoint_weeks).values())
			out.push({ rows: atTime, arms: atTime.map((r) => effectiveArm(r.arm, usualCareAsNone, hasNone)) });
	}
	return out;
}

/** The effect, or why the model cannot use it (a non-finite effect or variance). */
const usable = (e: Candidate | string): Candidate | string =>
	typeof e === 'string' ? e : (unusableReason(e) ?? e);

/** Every candidate effect (all timepoints) of one comparison, with the reasons rows were left out. */
function candidates(
	groups: ArmGroup[],
	contrasts: ContrastRow[],
	c: Comparison,
	measure: EffectMeasure,
	settings: Pick<AnalysisSettings, 'usualCareAsNone' | 'includeDoubleZero'>
): { found: Candidate[]; notes: Note[] } {
	const { usualCareAsNone } = settings;
	const found: Candidate[] = [];
	const notes: Note[] = [];
	for (const { rows, arms } of groups) {
		const rt = rows.filter((_, i) => arms[i] === c.treatment);
		if (rt.length === 0) continue;
		const rc = rows.filter((_, i) => arms[i] === c.control);
		if (rc.length === 0) continue;
		const e = usable(effectOrReason(() => armEffect(rt, rc, measure, settings.includeDoubleZero)));
		if (typeof e === 'string')
			notes.push({
				week: rt[0]!.timepoint_weeks,
				text: `${rt[0]!.study} (week ${rt[0]!.timepoint_weeks}): left out, ${e}.`
			});
		else found.push(e);
	}
	const noneStudies = new Set(
		contrasts
			.filter((r) => r.treatment === 'no_treatment' || r.control === 'no_treatment')
			.map((r) => r.study_id)
	);
	for (const row of contrasts) {
		const a = effectiveArm(row.treatment, usualCareAsNone, noneStudies.has(row.study_id));
		const b = effectiveArm(row.control, usualCareAsNone, noneStudies.has(row.study_id));
		const match = (a === c.treatment && b === c.control) || (a === c.control && b === c.treatment);
		if (!match) continue;
		const e = usable(effectOrReason(() => contrastEffect({ ...row, treatment: a, control: b }, measure)));
		if (typeof e === 'string')
			notes.push({
				week: row.timepoint_weeks,
				text: `${row.study} (week ${row.timepoint_weeks}): the reported contrast (line ${row.line} of the contrasts file) is not used, ${e}.`
			});
		else found.push(e);
	}
	return { found, notes };
}

/**
 * Per study: the timepoint for the window, then arm-level data before a reported contrast. Studies keep the
 * order of `found`, which `byYearThenName` has sorted once for every window.
 */
function pickPerStudy(found: Candidate[], window: AnalysisWindow): Candidate[] {
	const out: Candidate[] = [];
	for (const list of groupBy(found, (e) => e.study_id).values()) {
		const weeks = list.map((e) => e.timepoint_weeks);
		const t = window === 'any' ? Math.max(...weeks) : closestTimepoint(weeks, window);
		if (t === null) continue;
		const at = list.filter((e) => e.timepoint_weeks === t);
		out.push(at.find((e) => e.from === 'arms') ?? at[0]!);
	}
	return out;
}

/** Oldest first, then by label (stable: studies tied on both keep their order). */
function byYearThenName(a: Candidate, b: Candidate): number {
	return a.year - b.year || (a.study === b.study ? 0 : COLLATOR.compare(a.study, b.study));
}

/** SMD analyses never mix change and final scores: keep the more common kind (ties: change). */
function unmixed(list: Candidate[], measure: EffectMeasure, notes: string[]): Candidate[] {
	if (measure !== 'SMD') return list;
	const change = list.filter((e) => e.measureType === 'change').length;
	const final = list.filter((e) => e.measureType === 'final').length;
	const drop = change >= final ? 'final' : 'change';
	return list.filter((e) => {
		if (e.measureType !== drop || change === 0 || final === 0) return true;
		notes.push(
			`${e.study}: left out, ${drop} scores are not mixed with ${drop === 'final' ? 'change' : 'final'} scores in an SMD.`
		);
		return false;
	});
}

/**
 * The pooled result with the chosen settings and, when plain Hartung-Knapp is chosen, the ad hoc corrected result
 * that verdicts read (plain Hartung-Knapp narrows the interval when Q < k - 1, most often with few trials).
 */
export function poolEffects(
	yi: number[],
	vi: number[],
	settings: Pick<AnalysisSettings, 'method' | 'test' | 'level'>
): Pick<Analysis, 'result' | 'verdictResult'> {
	if (yi.length === 0) return { result: null };
	const { method, test, level } = settings;
	const result = rma(yi, vi, { method, test, level });
	if (test !== 'knha' || result.test !== 'knha') return { result };
	return { result, verdictResult: rma(yi, vi, { method, test: 'adhoc', level }) };
}

function pool(
	list: Candidate[],
	settings: AnalysisSettings
): { studies: StudyEffect[]; note: string | null } & Pick<Analysis, 'result' | 'verdictResult'> {
	const isOut = (e: Candidate) =>
		e.leftOut !== undefined ||
		settings.excluded.includes(e.study_id) ||
		(settings.excludeHighRob && e.rob === 'high');
	const kept = list.filter((e) => !isOut(e));
	let pooled: Pick<Analysis, 'result' | 'verdictResult'> = { result: null };
	let note: string | null = null;
	try {
		pooled = poolEffects(
			kept.map((e) => e.yi),
			kept.map((e) => e.vi),
			settings
		);
	} catch (e) {
		note = notPooledNote(e, kept);
	}
	const result = pooled.result;
	let i = 0;
	const studies = list.map((e) => {
		const s = { ...e };
		s.excluded = isOut(e);
		s.weight = s.excluded || !result ? null : result.weights[i++]!;
		return s;
	});
	return { studies, ...pooled, note };
}

/**
 * A note that a trial's reported contrast is not used says so plainly when the same trial's arm-level rows at that
 * week are in the analysis: the trial is not left out, only the contrast row is.
 */
function armsUsedInstead(notes: string[], picked: Candidate[]): void {
	for (let i = 0; i < notes.length; i++) {
		const m = /^(.*) \(week ([^)]*)\): (the reported contrast \([^)]*\) is not used), /.exec(notes[i]!);
		if (!m) continue;
		const [, study, week, head] = m;
		if (picked.some((e) => e.study === study && e.from === 'arms' && String(e.timepoint_weeks) === week))
			notes[i] = `${study} (week ${week}): ${head}; the trial's arm-level rows are used instead.`;
	}
}

/**
 * The project's RoB 2 judgements (data/rob.csv) for each study in one comparison: the overall judgement replaces the
 * row's `rob` (which stays the fallback for trials the file does not assess), and the domains come along for the
 * risk-of-bias panels.
 */
function withRob(found: Candidate[], judgements: readonly RobJudgement[], comparison: string): void {
	const cache = new Map<string, RobProfile>();
	for (const e of found) {
		let p = cache.get(e.study_id);
		if (!p) cache.set(e.study_id, (p = robProfile(judgements, e.study_id, comparison)));
		if (p.overall === null) continue;
		e.rob = p.overall;
		e.robDomains = p.domains;
	}
}

/**
 * Every comparison x outcome x population x window present in the data (docs/ARCHITECTURE.md section 4.1), each pooled with
 * the settings' estimator. Adverse events are also pooled over both populations and the whole follow-up.
 */
export function buildAnalyses(data: Dataset, settings: AnalysisSettings): Analysis[] {
	const out: Analysis[] = [];
	const outcomes = [
		...new Set([...data.trials.map((r) => r.outcome), ...data.contrasts.map((r) => r.outcome)])
	];
	for (const outcome of outcomes) {
		const measure = measureFor(outcome, settings);
		const populations: AnalysisPopulation[] =
			outcome === 'adverse_events' ? ['chronic', 'acute', 'any'] : ['chronic', 'acute'];
		for (const population of populations) {
			const inPop = <T extends { outcome: Outcome; population: string }>(r: T) =>
				r.outcome === outcome && (population === 'any' || r.population === population);
			const popArms = data.trials.filter(inPop);
			const popContrasts = data.contrasts.filter(inPop);
			// Adverse events: one analysis per event definition (never pooled together).
			const events =
				outcome === 'adverse_events'
					? [...new Set([...popArms, ...popContrasts].map((r) => r.scale))].sort()
					: [undefined];
			for (const event of events) {
				const arms = event ? popArms.filter((r) => r.scale === event) : popArms;
				const contrasts = event ? popContrasts.filter((r) => r.scale === event) : popContrasts;
				const windows: AnalysisWindow[] = outcome === 'adverse_events' ? ['any'] : WINDOWS.map((w) => w.id);
				const groups = armGroups(arms, settings.usualCareAsNone);
				for (const c of COMPARISONS) {
					const { found, notes } = candidates(groups, contrasts, c, measure, settings);
					if (found.length === 0) continue;
					if (data.rob?.length) withRob(found, data.rob, comparisonKey(c));
					found.sort(byYearThenName);
					for (const window of windows) {
						const windowNotes = notes
							.filter((n) => window === 'any' || windowOf(n.week) === window)
							.map((n) => n.text);
						const picked = unmixed(pickPerStudy(found, window), measure, windowNotes);
						if (picked.length === 0) continue;
						armsUsedInstead(windowNotes, picked);
						const { studies, result, verdictResult, note } = pool(picked, settings);
						if (note) windowNotes.push(note);
						out.push({
							id: analysisId(outcome, population, c, window, event),
							...(event ? { event } : {}),
							outcome,
							population,
							treatment: c.treatment,
							control: c.control,
							window,
							measure,
							unit: analysisUnit(outcome, measure),
							studies,
							result,
							...(verdictResult ? { verdictResult } : {}),
							notes: [...new Set(windowNotes)]
						});
					}
				}
			}
		}
	}
	return out;
}
