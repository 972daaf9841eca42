import type { IngestResult } from './ingest';
import { contrastRows, trialRows } from './rows';
import { studyIndex, type AnyTable, type StudyIndex } from './table';
import type { ArmRow, ContrastRow, Dataset, Problem } from './types';

/** Where a study was first seen: its file (or the bundled data) and line. */
interface Origin {
	file: string;
	line: number;
}

/**
 * Problems that forbid adding files to the data shown: a study already shown in the same kind of file would be
 * counted twice. One error per study, on its first line in the new file, naming the file (and line) that has it
 * already. Files are checked in order, so two new files with the same study conflict too, and so does one file
 * given twice. The page (adding files) and the command line (several files) both refuse with this.
 */
export function checkAddition(
	current: Pick<DataSource, 'bundled' | 'tables'>,
	results: readonly IngestResult[]
): Problem[] {
	const shown = { trials: new Map<string, Origin>(), contrasts: new Map<string, Origin>() };
	for (const kind of ['trials', 'contrasts'] as const)
		for (const r of current.bundled?.[kind] ?? [])
			if (!shown[kind].has(r.study_id)) shown[kind].set(r.study_id, { file: BUNDLED, line: r.line });
	const addTable = (seen: Map<string, Origin>, t: AnyTable, { ids, lines }: StudyIndex) => {
		for (let k = 0; k < ids.length; k++) {
			const id = t.strings[ids[k]!]!;
			if (!seen.has(id)) seen.set(id, { file: t.file, line: lines[k]! });
		}
	};
	for (const t of current.tables) addTable(shown[t.kind], t, studyIndex(t));
	const problems: Problem[] = [];
	for (const r of results) {
		const t = r.trials ?? r.contrasts;
		if (!t) continue;
		const seen = shown[t.kind];
		const { ids, lines } = r.studies;
		for (let k = 0; k < ids.length; k++) {
			const id = t.strings[ids[k]!]!;
			const first = seen.get(id);
			if (first)
				problems.push({
					severity: 'error',
					file: r.file,
					row: lines[k]!,
					column: 'study_id',
					value: id,
					message: `study "${id}" is already in ${first.file} (line ${first.line}); adding it would count the trial twice`,
					hint: 'Remove this study from one of the files (on the page, "Replace" shows only your files).'
				});
		}
		addTable(seen, t, r.studies);
	}
	return problems;
}

/** How messages name the data shipped with the dashboard. */
export const BUNDLED = 'the bundled data';

/**
 * What the dashboard shows, as the analysis worker receives it: the bundled rows (when included) and the user's
 * files as typed tables, which cross to a worker as a few buffers where a million row objects would take
 * seconds to copy. `version` changes whenever the data shown change.
 */
export interface DataSource {
	version: number;
	bundled: Dataset | null;
	tables: AnyTable[];
	/** Arm-level and contrast rows in all (bundled included). */
	counts: { trials: number; contrasts: number };
}

/** Rows of every kind in a data source. */
export function rowCount(source: Pick<DataSource, 'counts'>): number {
	return source.counts.trials + source.counts.contrasts;
}

/** The rows of a data source, in the order the page shows them: bundled first, then each file. */
export function datasetOf(source: Pick<DataSource, 'bundled' | 'tables'>): Dataset {
	const trials: ArmRow[] = source.bundled ? source.bundled.trials.slice() : [];
	const contrasts: ContrastRow[] = source.bundled ? source.bundled.contrasts.slice() : [];
	for (const t of source.tables) {
		if (t.kind === 'trials') for (const r of trialRows(t)) trials.push(r);
		else for (const r of contrastRows(t)) contrasts.push(r);
	}
	return { trials, contrasts };
}

/** A data source of the bundled rows (or none) and tables. */
export function sourceOf(version: number, bundled: Dataset | null, tables: AnyTable[]): DataSource {
	const base = bundled && bundled.trials.length + bundled.contrasts.length > 0 ? bundled : null;
	const counts = { trials: base?.trials.length ?? 0, contrasts: base?.contrasts.length ?? 0 };
	for (const t of tables) counts[t.kind] += t.length;
	return { version, bundled: base, tables, counts };
}
