/** Which trials the data hold and which of them enter an analysis: one count for every page and slide. */
import type { DataSource } from '$lib/data/merge';
import { POPULATIONS } from '$lib/data/schema';
import type { AnyTable } from '$lib/data/table';
import type { Dataset } from '$lib/data/types';
import { textOrder } from '$lib/data/text-order';
import { thousands } from '$lib/data/thousands';

export interface TrialListing {
	id: string;
	/** "Brinkhaus 2006" */
	label: string;
	population: string;
}

/**
 * Lists of at most this many trials are sorted by name; a larger one (an upload) keeps the order of its files:
 * sorting 100,000 names costs a long task on the page and helps nobody read them.
 */
export const SORTED_UP_TO = 2000;
/** Names the scope statement writes out; the rest are counted. */
export const NAMES_SHOWN = 50;

function inOrder(out: Map<string, TrialListing>): TrialListing[] {
	const list = [...out.values()];
	return list.length <= SORTED_UP_TO ? list.sort((a, b) => textOrder(a.label, b.label)) : list;
}

/** "Brinkhaus 2006, Haake 2007" or, past `max` names, "A, B and 1,234 more". */
export function namesText(list: readonly TrialListing[], max = NAMES_SHOWN): string {
	const names = list
		.slice(0, max)
		.map((t) => t.label)
		.join(', ');
	return list.length > max ? `${names} and ${thousands(list.length - max)} more` : names;
}

/** Every trial in the data (arm-level and contrast rows), once, by name (see SORTED_UP_TO). */
export function trialsInData(d: Pick<Dataset, 'trials' | 'contrasts'>): TrialListing[] {
	const out = new Map<string, TrialListing>();
	for (const r of [...d.trials, ...d.contrasts])
		if (!out.has(r.study_id))
			out.set(r.study_id, { id: r.study_id, label: r.study, population: r.population });
	return inOrder(out);
}

/**
 * The same list as trialsInData, read from the typed tables of the data shown (bundled rows, then each file, trials
 * before contrasts, as the rows are ordered): a large upload's rows are never built as objects on the page.
 */
export function trialsInSource(source: Pick<DataSource, 'bundled' | 'tables'>): TrialListing[] {
	const out = new Map<string, TrialListing>();
	const fromRows = (rows: readonly { study_id: string; study: string; population: string }[]) => {
		for (const r of rows)
			if (!out.has(r.study_id))
				out.set(r.study_id, { id: r.study_id, label: r.study, population: r.population });
	};
	const fromTable = (t: AnyTable) => {
		const { study_id, study, population } = t.columns;
		// A study's rows repeat its id: one look-up per run of rows, not per row.
		let last = -1;
		for (let i = 0; i < t.length; i++) {
			const idCode = study_id[i]!;
			if (idCode === last) continue;
			last = idCode;
			const id = t.strings[idCode]!;
			if (!out.has(id))
				out.set(id, { id, label: t.strings[study[i]!]!, population: POPULATIONS[population[i]! - 1]! });
		}
	};
	for (const kind of ['trials', 'contrasts'] as const) {
		fromRows(source.bundled?.[kind] ?? []);
		for (const t of source.tables) if (t.kind === kind) fromTable(t);
	}
	return inOrder(out);
}

/** "15 trials (13 chronic, 2 acute)". */
export function trialCountText(list: TrialListing[]): string {
	const chronic = list.filter((t) => t.population === 'chronic').length;
	const acute = list.length - chronic;
	const parts = [
		chronic ? `${thousands(chronic)} chronic` : '',
		acute ? `${thousands(acute)} acute` : ''
	].filter(Boolean);
	return `${thousands(list.length)} ${list.length === 1 ? 'trial' : 'trials'} (${parts.join(', ')})`;
}

/** The trials named in the analyses (when the page's data are not at hand, e.g. a view rendered on its own). */
export function trialsInAnalyses(
	analyses: readonly { studies: readonly { study_id: string; study: string; population: string }[] }[]
): TrialListing[] {
	const out = new Map<string, TrialListing>();
	for (const a of analyses)
		for (const s of a.studies)
			if (!out.has(s.study_id))
				out.set(s.study_id, { id: s.study_id, label: s.study, population: s.population });
	return inOrder(out);
}
