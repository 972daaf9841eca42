import { checkCourseAgreement } from './course-checks';
import { checkDuplicates, checkStudies } from './cross-checks';
import { CsvReader } from './csv-reader';
import { analyseHeader, detectKind } from './header';
import { ProblemSink } from './problems';
import type { FileKind } from './schema';
import { studyIndex, type ContrastTable, type StudyIndex, type TrialTable } from './table';
import type { Problem } from './types';
import { ContrastValidator } from './validate-contrasts';
import { TrialValidator } from './validate-trials';

/** One file read into typed columns, with its problems. */
export interface IngestResult {
	file: string;
	/** Which file the header says this is; null when it could not be told (see problems). */
	kind: FileKind | null;
	trials: TrialTable | null;
	contrasts: ContrastTable | null;
	/** Sorted by row; row 0 (whole file) first. */
	problems: Problem[];
	errors: number;
	warnings: number;
	/** The studies read (indexes into the table's strings) with their first lines, in file order. */
	studies: StudyIndex;
}

export interface IngestOptions {
	/** Problems listed before the rest are only counted (default 1000). */
	problemLimit?: number;
	/**
	 * Characters the whole file is expected to have (its length, or its size in bytes), when known: the typed
	 * columns are then sized once, from the rows per character of the first records read.
	 */
	expectedChars?: number;
}

export interface Ingest {
	/** Feed the next piece of text (any size; a chunk may end anywhere, even inside a quoted value). */
	push(text: string): void;
	/** No more text: finish the checks that need every row. Never throws. */
	end(): IngestResult;
	/** True once the file is known to be unusable and further text is ignored. */
	readonly stopped: boolean;
}

/**
 * Streaming parse + validate of one CSV file (docs/ARCHITECTURE.md sections 3 and 8). Text goes through PapaParse (arrays mode, no
 * dynamicTyping), the header decides the kind, each record is validated into typed columns, and at the end
 * study-level agreement and duplicates are checked. No input makes it throw: an unexpected failure becomes an
 * error problem.
 */
export function createIngest(file: string, options: IngestOptions = {}): Ingest {
	const sink = new ProblemSink(file, options.problemLimit ?? 1000);
	let validator: TrialValidator | ContrastValidator | null = null;
	let headerLine = 1;
	let kind: FileKind | null = null;
	/** Characters pushed so far, until the columns are sized (expectedChars). */
	let pushed = 0;
	let sized = !(options.expectedChars! > 0);
	const reader = new CsvReader(sink, {
		header(fields, line, delimiter) {
			headerLine = line;
			const detected = detectKind(fields);
			kind = detected === 'mixed' ? null : detected;
			const layout = analyseHeader(fields, line, sink);
			if (!layout) return false;
			validator =
				layout.kind === 'trials'
					? new TrialValidator(layout, sink, delimiter)
					: new ContrastValidator(layout, sink, delimiter);
			return true;
		},
		records(records, lines) {
			const v = validator!;
			if (!sized) {
				// The first records are those of all text pushed so far (the reader parses it at once).
				sized = true;
				v.b.reserve((options.expectedChars! * records.length * RESERVE_MARGIN) / pushed);
			}
			for (let k = 0; k < records.length; k++) v.row(records[k]!, lines[k]!);
		}
	});
	const guard = (f: () => void) => {
		try {
			f();
		} catch (e) {
			reader.stopped = true;
			sink.error(0, '', '', `the file could not be read (${(e as Error)?.message ?? e})`, INTERNAL);
		}
	};
	return {
		push: (text) => {
			if (!sized) pushed += text.length;
			guard(() => reader.push(text));
		},
		get stopped() {
			return reader.stopped;
		},
		end() {
			guard(() => reader.end());
			let trials: TrialTable | null = null;
			let contrasts: ContrastTable | null = null;
			const v = validator as TrialValidator | ContrastValidator | null;
			guard(() => {
				if (!v) return;
				v.r.finish(headerLine);
				const table = { file, length: v.b.length, strings: v.b.strings, columns: v.b.finish() };
				if (v instanceof TrialValidator) trials = { kind: 'trials', ...table } as TrialTable;
				else contrasts = { kind: 'contrasts', ...table } as ContrastTable;
				const t = (trials ?? contrasts)!;
				checkStudies(t, sink);
				if (trials) checkCourseAgreement(trials, sink);
				checkDuplicates(t, sink);
			});
			const problems = sink.finish().sort((a, b) => a.row - b.row);
			const table = trials ?? contrasts;
			const studies = table ? studyIndex(table) : { ids: new Uint32Array(0), lines: new Int32Array(0) };
			return {
				file,
				kind,
				trials,
				contrasts,
				problems,
				errors: sink.errors,
				warnings: sink.warnings,
				studies
			};
		}
	};
}

/** Rows reserved per row expected from the start of a file (later rows may be a little shorter). */
const RESERVE_MARGIN = 1.03;

const INTERNAL =
	'This is a fault of the dashboard, not of your file: please report it with the file if you can.';

/** Default chunk size: ~1 MiB, as the worker reads files (PapaParse's 10 MB default stalls a page). */
export const CHUNK_CHARS = 1 << 20;

/** Parse + validate a whole text (fed in ~1 MiB chunks, exactly as the worker feeds a file). */
export function ingestText(text: string, file: string, options: IngestOptions = {}): IngestResult {
	const ingest = createIngest(file, { expectedChars: text.length, ...options });
	for (let at = 0; at < text.length && !ingest.stopped; at += CHUNK_CHARS) {
		ingest.push(text.slice(at, at + CHUNK_CHARS));
	}
	return ingest.end();
}
