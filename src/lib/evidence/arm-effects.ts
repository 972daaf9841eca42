import type { Arm } from '$lib/data/schema';
import { normaliseArm } from '$lib/data/normalise';
import type { ArmRow } from '$lib/data/types';
import { combineBinaryArms, combineContinuousArms, escalcMD, escalcRR, escalcSMD } from '$lib/stats';
import { scaleRank, to100 } from './scales';
import type { EffectMeasure, StudyEffect } from './types';

/** A study's effect at one timepoint, before a window picks its timepoint. */
export type Candidate = Omit<StudyEffect, 'weight' | 'excluded'> & { measureType: 'change' | 'final' | null };

/** Arm type of a row, with usual care read as "no treatment" when asked and the trial has no true no-treatment arm. */
export function effectiveArm(arm: Arm, usualCareAsNone: boolean, studyHasNone: boolean): Arm {
	return usualCareAsNone && arm === 'usual_care' && !studyHasNone ? 'no_treatment' : arm;
}

function label(rows: ArmRow[]): string {
	const labels = rows.map((r) => r.arm_label || r.arm);
	return labels.length > 1 ? `${labels.join(' + ')} (combined)` : (labels[0] ?? '');
}

/** Rows of one side on the chosen scale and measure type, with what is needed to compute an effect. */
function usable(rows: ArmRow[], binary: boolean): boolean {
	return rows.every((r) => (binary ? r.events !== null : r.mean !== null && r.sd !== null && r.sd > 0));
}

/**
 * The effect of one comparison in one study at one timepoint from arm-level rows (DESIGN.md section 4):
 * arms of the same type are combined (Cochrane Handbook 23.3.4), higher-better scales are negated so that
 * negative favours the treatment, pain is put on 0-100 for MD, binary outcomes give log RR.
 * Returns a reason string when the rows cannot give an effect.
 */
export function armEffect(t: ArmRow[], c: ArmRow[], measure: EffectMeasure): Candidate | string {
	const first = t[0]!;
	const binary = measure === 'RR';
	const scales = [...new Set(t.map((r) => r.scale))]
		.filter((s) => c.some((r) => r.scale === s))
		.filter((s) => measure !== 'MD' || to100(s) !== null)
		.sort((a, b) => scaleRank(first.outcome, a) - scaleRank(first.outcome, b) || a.localeCompare(b));
	const scale = scales[0];
	if (scale === undefined)
		return measure === 'MD'
			? `no pain-intensity scale convertible to 0-100 shared by both arms`
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

	const base = {
		study_id: first.study_id,
		study: first.study,
		year: first.year,
		population: first.population,
		rob: first.rob,
		sham_type: [...rt, ...rc].find((r) => r.sham_type)?.sham_type ?? null,
		timepoint_weeks: first.timepoint_weeks,
		from: 'arms' as const,
		treatment_label: label(rt),
		control_label: label(rc),
		adjusted: false,
		scale,
		source: first.source,
		locator: [...new Set([...rt, ...rc].map((r) => r.locator))].join('; '),
		lines: [...rt, ...rc].map((r) => r.line),
		measureType
	};
	if (binary) {
		const a = rt.map((r) => ({ events: r.events!, n: r.n })).reduce(combineBinaryArms);
		const b = rc.map((r) => ({ events: r.events!, n: r.n })).reduce(combineBinaryArms);
		const inputs = { ai: a.events, n1i: a.n, ci: b.events, n2i: b.n };
		return { ...base, inputs, n1: a.n, n2: b.n, ...escalcRR(inputs) };
	}
	// Oriented (negative favours the treatment) and pain on 0-100: a no-op for an SMD, which is scale-free.
	const side = (rows: ArmRow[]) => {
		const g = rows
			.map((r) => ({ ...normaliseArm(r)!, n: r.n }))
			.reduce((a, b) => ({ ...combineContinuousArms(a, b), scale: a.scale }));
		return { m: g.mean, sd: g.sd, n: g.n };
	};
	const s1 = side(rt);
	const s2 = side(rc);
	const inputs = { m1i: s1.m, sd1i: s1.sd, n1i: s1.n, m2i: s2.m, sd2i: s2.sd, n2i: s2.n };
	const es = measure === 'MD' ? escalcMD(inputs) : escalcSMD(inputs);
	return { ...base, inputs, n1: s1.n, n2: s2.n, yi: es.yi, vi: es.vi };
}
