import type { Dataset } from '$lib/data/types';
import type { Analysis } from './types';

/** A data row that no pooled result uses, with the reason (nothing may drop silently). */
export interface LeftOutRow {
	file: 'trials.csv' | 'contrasts.csv';
	line: number;
	study_id: string;
	study: string;
	outcome: string;
	timepoint_weeks: number;
	reason: string;
}

/**
 * Every row of the data that enters no pooled result, with the most specific reason the analyses give: their own
 * notes about the study at that week, a rule that left the study out (no events in either arm), the user's
 * exclusion, another timepoint chosen for the window, arm-level rows preferred to a reported contrast, or no
 * comparison that the dashboard analyses. `limit` stops after that many rows (the page lists at most a screenful;
 * the reasons are found per row, so a large upload costs only the rows listed).
 */
export function leftOutRows(data: Dataset, analyses: Analysis[], limit = Infinity): LeftOutRow[] {
	// A row is its study and its line (arm-level rows +line, contrast rows -line): line numbers repeat across
	// files (the bundled trials.csv and an upload), study ids never do (merge.ts refuses a study in two files).
	const used = new Map<string, Set<number>>();
	const excluded = new Map<string, Map<number, string>>();
	const isUsed = (study_id: string, id: number) => used.get(study_id)?.has(id) ?? false;
	const mark = <T>(by: Map<string, T>, study_id: string, empty: () => T): T => {
		let v = by.get(study_id);
		if (v === undefined) by.set(study_id, (v = empty()));
		return v;
	};
	const byStudy = new Map<string, Analysis[]>();
	for (const a of analyses)
		for (const s of a.studies) {
			const key = s.study_id;
			const list = byStudy.get(key);
			if (list) {
				if (list[list.length - 1] !== a) list.push(a);
			} else byStudy.set(key, [a]);
			for (const l of s.lines) {
				const id = s.from === 'arms' ? l : -l;
				if (!s.excluded) mark(used, key, () => new Set<number>()).add(id);
				else if (!isUsed(key, id))
					mark(excluded, key, () => new Map<number, string>()).set(
						id,
						s.leftOut ?? 'excluded by a setting (your exclusion or the risk-of-bias filter)'
					);
			}
		}
	const out: LeftOutRow[] = [];
	const notesOf = new Map<string, string[]>();
	for (const a of analyses) notesOf.set(a.outcome, [...(notesOf.get(a.outcome) ?? []), ...a.notes]);
	const reasonFor = (study_id: string, study: string, week: number, outcome: string, contrast: boolean) => {
		const mine = (byStudy.get(study_id) ?? []).filter((a) => a.outcome === outcome);
		const notes = notesOf.get(outcome) ?? [];
		// Only notes about contrast rows say "reported as".
		const fits = (n: string) => contrast || !/reported as/.test(n);
		const clean = (n: string) =>
			n.replace(/^[^:]*:\s*(left out, |the reported contrast \([^)]*\) is not used, )?/, '');
		const weekNote = notes.find((n) => n.startsWith(`${study} (week ${week})`) && fits(n));
		if (weekNote) return clean(weekNote);
		const atWeek = mine.flatMap((a) =>
			a.studies.filter((s) => s.study_id === study_id && s.timepoint_weeks === week && !s.excluded)
		);
		if (contrast && atWeek.some((s) => s.from === 'arms'))
			return 'arm-level rows of the same comparison at this timepoint are used instead';
		if (!contrast && atWeek.length)
			return `the trial's ${atWeek[0]!.measureType ?? 'other'} scores at this timepoint are used (change and final scores are not mixed)`;
		const other = mine.flatMap((a) =>
			a.studies.filter((s) => s.study_id === study_id && !s.excluded).map((s) => s.timepoint_weeks)
		);
		if (other.length)
			return `another timepoint of this trial (week ${[...new Set(other)].join(', ')}) is closer to the target of each time window`;
		const studyNote = notes.find((n) => n.startsWith(study) && fits(n));
		if (studyNote) return clean(studyNote);
		return contrast
			? 'no analysis can use it: the comparison or the scale is not one the dashboard pools (e.g. a mean difference on a scale that cannot be put on 0-100, which would need SDs for a standardised difference)'
			: 'no analysis can use it: the trial has no other arm of a different type at this outcome and timepoint';
	};
	for (const r of data.trials) {
		if (out.length >= limit) return out;
		if (isUsed(r.study_id, r.line)) continue;
		out.push({
			file: 'trials.csv',
			line: r.line,
			study_id: r.study_id,
			study: r.study,
			outcome: r.outcome,
			timepoint_weeks: r.timepoint_weeks,
			reason:
				excluded.get(r.study_id)?.get(r.line) ??
				reasonFor(r.study_id, r.study, r.timepoint_weeks, r.outcome, false)
		});
	}
	for (const r of data.contrasts) {
		if (out.length >= limit) return out;
		if (isUsed(r.study_id, -r.line)) continue;
		out.push({
			file: 'contrasts.csv',
			line: r.line,
			study_id: r.study_id,
			study: r.study,
			outcome: r.outcome,
			timepoint_weeks: r.timepoint_weeks,
			reason:
				excluded.get(r.study_id)?.get(-r.line) ??
				reasonFor(r.study_id, r.study, r.timepoint_weeks, r.outcome, true)
		});
	}
	return out;
}
