import type { Arm } from '$lib/data/schema';
import { normaliseArm } from '$lib/data/normalise';
import type { ArmRow } from '$lib/data/types';
import { combineBinaryArms, combineContinuousArms, escalcMD, escalcRR, escalcSMD } from '$lib/stats';
import { scaleRank, to100 } from './scales';
import type { EffectMeasure, StudyEffect } from './types';

/**
 * A study's effect at one timepoint, before a window picks its timepoint and pooling weighs it (weight null,
 * not excluded). Every field is set here, so pooling copies it with a plain spread (adding fields to a spread
 * of this many turns V8's copy ~20x slower: 4 us a study).
 */
export type Candidate = StudyEffect;

/** Arm type of a row, with usual care read as "no treatment" when asked and the trial has no true no-treatment arm. */
export function effectiveArm(arm: Arm, usualCareAsNone: boolean, studyHasNone: boolean): Arm {
	return usualCareAsNone && arm === 'usual_care' && !studyHasNone ? 'no_treatment' : arm;
}

function label(rows: ArmRow[]): string {
	if (rows.length === 1) return rows[0]!.arm_label || rows[0]!.arm;
	return `${rows.map((r) => r.arm_label || r.arm).join(' + ')} (combined)`;
}

/** Rows of one side on the chosen scale and measure type, with what is needed to compute an effect. */
function usable(rows: ArmRow[], binary: boolean): boolean {
	return rows.every((r) => (binary ? r.events !== null : r.mean !== null && r.sd !== null && r.sd > 0));
}

/**
 * The scale both sides report (convertible to 0-100 for an MD): the most preferred by `scaleRank`, then by
 * name. Null when there is none.
 */
function sharedScale(t: ArmRow[], c: ArmRow[], measure: EffectMeasure): string | null {
	const outcome = t[0]!.outcome;
	let best: string | null = null;
	let bestRank = 0;
	for (const r of t) {
		const s = r.scale;
		if (s === best || !c.some((x) => x.scale === s) || (measure === 'MD' && to100(s) === null)) continue;
		const rank = scaleRank(outcome, s);
		if (best === null || rank < bestRank || (rank === bestRank && COLLATOR.compare(s, best) < 0)) {
			best = s;
			bestRank = rank;
		}
	}
	return best;
}

/** The comparison `localeCompare` makes, without building a collator per call. */
export const COLLATOR = new Intl.Collator();

/** One side's oriented mean and SD (pain on 0-100), arms of the same type combined. */
function continuousSide(rows: ArmRow[]): { m: number; sd: number; n: number } {
	let m = 0;
	let sd = 0;
	let n = 0;
	for (const r of rows) {
		const a = normaliseArm(r)!;
		if (n === 0) [m, sd, n] = [a.mean, a.sd, r.n];
		else ({ mean: m, sd, n } = combineContinuousArms({ mean: m, sd, n }, { mean: a.mean, sd: a.sd, n: r.n }));
	}
	return { m, sd, n };
}

/**
 * The effect of one comparison in one study at one timepoint from arm-level rows (docs/ARCHITECTURE.md section 4.1):
 * arms of the same type are combined (Cochrane Handbook 23.3.4), higher-better scales are negated so that
 * negative favours the treatment, pain is put on 0-100 for MD, binary outcomes give log RR.
 * Returns a reason string when the rows cannot give an effect.
 */
export function armEffect(
	t: ArmRow[],
	c: ArmRow[],
	measure: EffectMeasure,
	includeDoubleZero = false
): Candidate | string {
	const binary = measure === 'RR';
	const scale = sharedScale(t, c, measure);
	if (scale === null)
		return measure === 'MD'
			? `no pain scale that can be put on 0-100 is shared by both arms (the trial enters the SMD analysis of pain)`
			: 'no scale shared by both arms';
	const pick = (rows: ArmRow[], m: 'change' | 'final' | null) =>
		rows.filter((r) => r.scale === scale && (binary || r.measure === m));
	const measureType = binary
		? null
		: (['change', 'final'] as const).find((m) => pick(t, m).length > 0 && pick(c, m).length > 0);
	if (measureType === undefined)
		return `the two arms report different kinds of score (change vs final) on ${scale}`;
	const rt = pick(t, measureType);
	const rc = pick(c, measureType);
	if (!usable(rt, binary) || !usable(rc, binary))
		return binary ? 'events not reported for every arm' : 'mean or SD not reported for every arm';

	let inputs: Record<string, number>;
	let yi: number;
	let vi: number;
	let leftOut: string | undefined;
	if (binary) {
		const a = rt.map((r) => ({ events: r.events!, n: r.n })).reduce(combineBinaryArms);
		const b = rc.map((r) => ({ events: r.events!, n: r.n })).reduce(combineBinaryArms);
		const args = { ai: a.events, n1i: a.n, ci: b.events, n2i: b.n };
		inputs = args;
		({ yi, vi } = escalcRR(args));
		if (a.events === 0 && b.events === 0 && !includeDoubleZero)
			leftOut = `no events in either arm (0/${a.n} and 0/${b.n}): a ratio cannot be estimated, so the study is left out of the pooled risk ratio (as RevMan does); a setting includes it with the 0.5 correction`;
	} else {
		// Oriented (negative favours the treatment) and pain on 0-100: a no-op for an SMD, which is scale-free.
		const s1 = continuousSide(rt);
		const s2 = continuousSide(rc);
		const args = { m1i: s1.m, sd1i: s1.sd, n1i: s1.n, m2i: s2.m, sd2i: s2.sd, n2i: s2.n };
		inputs = args;
		({ yi, vi } = measure === 'MD' ? escalcMD(args) : escalcSMD(args));
	}
	const first = t[0]!;
	const both = rt.concat(rc);
	return {
		study_id: first.study_id,
		study: first.study,
		year: first.year,
		population: first.population,
		rob: first.rob,
		robDomains: [],
		comparator: rc.find((r) => r.comparator)?.comparator ?? null,
		sham_type: both.find((r) => r.sham_type)?.sham_type ?? null,
		timepoint_weeks: first.timepoint_weeks,
		from: 'arms',
		inputs,
		n1: inputs.n1i!,
		n2: inputs.n2i!,
		yi,
		vi,
		treatment_label: label(rt),
		control_label: label(rc),
		adjusted: false,
		scale,
		source: first.source,
		locator:
			both.length === 2 && both[0]!.locator === both[1]!.locator
				? both[0]!.locator
				: [...new Set(both.map((r) => r.locator))].join('; '),
		lines: both.map((r) => r.line),
		measureType,
		weight: null,
		excluded: false,
		...(leftOut ? { leftOut } : {})
	};
}
