import {
	ARMS,
	COMPARATORS,
	CONTRAST_MEASURES,
	DIRECTIONS,
	MEASURES,
	OUTCOMES,
	POPULATIONS,
	ROB_LEVELS,
	SHAM_TYPES
} from './schema';
import type { ContrastTable, TrialTable } from './table';
import type { ArmRow, ContrastRow } from './types';

const num = (v: number) => (v === v ? v : null);
function opt<T>(list: readonly T[], code: number): T | null {
	return code === 0 ? null : list[code - 1]!;
}
function req<T>(list: readonly T[], code: number): T {
	return list[code - 1]!;
}

/** Rows [from, to) of a trials table as objects (the Dataset's form). Text is shared with the table. */
export function trialRows(t: TrialTable, from = 0, to = t.length): ArmRow[] {
	const c = t.columns;
	const s = t.strings;
	const out = new Array<ArmRow>(Math.max(0, to - from));
	for (let i = from; i < to; i++) {
		out[i - from] = {
			line: c.line[i]!,
			study_id: s[c.study_id[i]!]!,
			study: s[c.study[i]!]!,
			year: c.year[i]!,
			population: req(POPULATIONS, c.population[i]!),
			arm: req(ARMS, c.arm[i]!),
			arm_label: s[c.arm_label[i]!]!,
			sham_type: opt(SHAM_TYPES, c.sham_type[i]!),
			comparator: opt(COMPARATORS, c.comparator[i]!),
			sessions: num(c.sessions[i]!),
			course_weeks: num(c.course_weeks[i]!),
			outcome: req(OUTCOMES, c.outcome[i]!),
			scale: s[c.scale[i]!]!,
			direction: opt(DIRECTIONS, c.direction[i]!),
			timepoint_weeks: c.timepoint_weeks[i]!,
			n: c.n[i]!,
			mean: num(c.mean[i]!),
			sd: num(c.sd[i]!),
			measure: opt(MEASURES, c.measure[i]!),
			events: num(c.events[i]!),
			rob: opt(ROB_LEVELS, c.rob[i]!),
			source: s[c.source[i]!]!,
			locator: s[c.locator[i]!]!,
			notes: s[c.notes[i]!]!
		};
	}
	return out;
}

/** Rows [from, to) of a contrasts table as objects. */
export function contrastRows(t: ContrastTable, from = 0, to = t.length): ContrastRow[] {
	const c = t.columns;
	const s = t.strings;
	const out = new Array<ContrastRow>(Math.max(0, to - from));
	for (let i = from; i < to; i++) {
		out[i - from] = {
			line: c.line[i]!,
			study_id: s[c.study_id[i]!]!,
			study: s[c.study[i]!]!,
			year: c.year[i]!,
			population: req(POPULATIONS, c.population[i]!),
			treatment: req(ARMS, c.treatment[i]!),
			control: req(ARMS, c.control[i]!),
			sham_type: opt(SHAM_TYPES, c.sham_type[i]!),
			comparator: opt(COMPARATORS, c.comparator[i]!),
			outcome: req(OUTCOMES, c.outcome[i]!),
			scale: s[c.scale[i]!]!,
			direction: opt(DIRECTIONS, c.direction[i]!),
			timepoint_weeks: c.timepoint_weeks[i]!,
			n_treatment: num(c.n_treatment[i]!),
			n_control: num(c.n_control[i]!),
			measure: req(CONTRAST_MEASURES, c.measure[i]!),
			estimate: c.estimate[i]!,
			ci_lower: c.ci_lower[i]!,
			ci_upper: c.ci_upper[i]!,
			adjusted: c.adjusted[i] === 1,
			rob: opt(ROB_LEVELS, c.rob[i]!),
			source: s[c.source[i]!]!,
			locator: s[c.locator[i]!]!,
			notes: s[c.notes[i]!]!
		};
	}
	return out;
}
