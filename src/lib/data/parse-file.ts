import { ingestText, type IngestOptions, type IngestResult } from './ingest';
import { contrastRows, trialRows } from './rows';
import type { FileKind } from './schema';
import type { ArmRow, ContrastRow, Problem } from './types';

/** One file read into rows, with its problems. */
export interface ParsedFile {
	file: string;
	/** Which file the header says this is; null when it could not be told (see problems). */
	kind: FileKind | null;
	/** Rows without errors (empty for a contrasts file). */
	trials: ArmRow[];
	/** Rows without errors (empty for a trials file). */
	contrasts: ContrastRow[];
	/** Sorted by row; row 0 (whole file) first. */
	problems: Problem[];
	errors: number;
	warnings: number;
}

/** An ingest result with its typed columns turned into row objects. */
export function toParsedFile(result: IngestResult): ParsedFile {
	const { file, kind, problems, errors, warnings } = result;
	return {
		file,
		kind,
		trials: result.trials ? trialRows(result.trials) : [],
		contrasts: result.contrasts ? contrastRows(result.contrasts) : [],
		problems,
		errors,
		warnings
	};
}

/**
 * Parse + validate the text of one CSV file: the API the command line and the bundled data use. Never
 * throws; any input ends in rows plus located problems.
 * @example
 * const { kind, trials, problems } = parseFile(readFileSync('trials.csv', 'utf8'), 'trials.csv');
 * for (const p of problems) console.error(formatProblem(p)); // trials.csv:7:arm: unknown arm "shame"; ...
 */
export function parseFile(text: string, fileName: string, options?: IngestOptions): ParsedFile {
	return toParsedFile(ingestText(text, fileName, options));
}
