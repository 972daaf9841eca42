/**
 * `npm run --silent summarize -- [files...] [--json] [--strict] [--method REML|DL|PM|FE] [--test z|knha|adhoc]`
 * (docs/ARCHITECTURE.md section 6). Every problem goes to stderr as one `file:row:column: message` line
 * (`file:row:column: warning: message` for a warning), control characters escaped. Exit codes: 0 ok (warnings
 * allowed), 1 bad input (any error; with --strict any warning too), 2 usage error.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRob } from '../lib/data/rob-csv';
import { ingestText, type IngestResult } from '../lib/data/ingest';
import { checkAddition } from '../lib/data/merge';
import { toParsedFile } from '../lib/data/parse-file';
import { checkStudyWarnings } from '../lib/data/study-checks';
import { formatProblem } from '../lib/data/problems';
import type { Dataset, Problem } from '../lib/data/types';
import { buildAnalyses } from '../lib/evidence/analyses';
import { bundledClaims } from '../lib/evidence/claims';
import { evaluateClaims } from '../lib/evidence/evaluate';
import { buildNetworks } from '../lib/evidence/network-analysis';
import { timeCourseData } from '../lib/evidence/time-points';
import { summaryJson } from '../lib/evidence/report';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../lib/evidence/types';
import { DEFAULT_MIDS } from '../lib/evidence/mid';
import { escapeControl, escapeJson } from './escape';
import { readInput } from './read-input';
import { summaryTable } from './table';

const USAGE =
	'usage: npm run --silent summarize -- [files...] [--json] [--strict] [--method REML|DL|PM|FE] [--test z|knha|adhoc]';
const root = resolve(fileURLToPath(import.meta.url), '../../..');

export interface Args {
	files: string[];
	json: boolean;
	/** Warnings count as errors (exit 1). */
	strict: boolean;
	settings: AnalysisSettings;
}

/** Command-line arguments, or a usage error message. */
export function parseArgs(argv: string[]): Args | string {
	const args: Args = { files: [], json: false, strict: false, settings: { ...DEFAULT_SETTINGS } };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i]!;
		if (a === '--json') args.json = true;
		else if (a === '--strict') args.strict = true;
		else if (a === '--method' || a === '--test') {
			const v = argv[++i];
			if (a === '--method' && (v === 'REML' || v === 'DL' || v === 'PM' || v === 'FE'))
				args.settings.method = v;
			else if (a === '--test' && (v === 'z' || v === 'knha' || v === 'adhoc')) args.settings.test = v;
			else
				return `${a} needs one of ${a === '--method' ? 'REML, DL, PM, FE' : 'z, knha, adhoc'} (got ${v === undefined ? 'nothing' : escapeControl(v)})`;
		} else if (a.startsWith('-')) return `unknown option ${escapeControl(a)}`;
		else args.files.push(a);
	}
	return args;
}

export interface Loaded {
	data: Dataset;
	/** Every problem, in order: each file's (by row), then studies given in two files. */
	problems: Problem[];
	/** The errors among them as `file:row:column: message` lines (not escaped). */
	errors: string[];
	warnings: number;
}

/**
 * Reads and validates the files (or the bundled data) as the page does: each file through the same ingest,
 * then the same check that refuses a study given in two files (merge.ts checkAddition), so a file given twice
 * or two files with a study in common are refused, not pooled twice; then, if nothing is wrong, warnings about
 * studies counted twice or left out (study-checks.ts).
 */
export function loadFiles(files: string[]): Loaded {
	const paths = files.length
		? files
		: [resolve(root, 'data/trials.csv'), resolve(root, 'data/contrasts.csv')];
	const data: Dataset = { trials: [], contrasts: [] };
	const problems: Problem[] = [];
	const results: IngestResult[] = [];
	for (const path of paths) {
		const name = files.length ? path : basename(path);
		const input = readInput(path, name);
		if ('problem' in input) {
			problems.push(input.problem);
			continue;
		}
		const result = ingestText(input.text, name);
		problems.push(...result.problems);
		results.push(result);
		const parsed = toParsedFile(result);
		data.trials.push(...parsed.trials);
		data.contrasts.push(...parsed.contrasts);
	}
	// The project's risk-of-bias judgements apply to the trials they name, whatever files are read (as on the page).
	const rob = parseRob(readFileSync(resolve(root, 'data/rob.csv'), 'utf8'), 'rob.csv');
	problems.push(...rob.problems);
	data.rob = rob.judgements;
	problems.push(...checkAddition({ bundled: null, tables: [] }, results));
	// Only for data that load: rows left out by errors would make studies look one-armed.
	if (!problems.some((p) => p.severity === 'error'))
		problems.push(...checkStudyWarnings(results.flatMap((r) => r.trials ?? r.contrasts ?? [])));
	const errors = problems.filter((p) => p.severity === 'error').map(formatProblem);
	return { data, problems, errors, warnings: problems.length - errors.length };
}

export function main(argv: string[]): number {
	const args = parseArgs(argv);
	if (typeof args === 'string') {
		process.stderr.write(`${args}\n${USAGE}\n`);
		return 2;
	}
	const { data, problems, errors, warnings } = loadFiles(args.files);
	const report = problems.map((p) => escapeControl(formatProblem(p)));
	if (args.strict && warnings > 0)
		report.push(`${warnings} warning${warnings === 1 ? '' : 's'} treated as an error (--strict)`);
	if (report.length) process.stderr.write(report.join('\n') + '\n');
	if (errors.length > 0 || (args.strict && warnings > 0)) return 1;
	const analyses = buildAnalyses(data, args.settings);
	const mids = Object.fromEntries(Object.entries(DEFAULT_MIDS).map(([k, m]) => [k, m.value])) as Record<
		keyof typeof DEFAULT_MIDS,
		number
	>;
	const networks = buildNetworks(data, args.settings);
	const claims = evaluateClaims(
		bundledClaims.claims,
		analyses,
		{ mids },
		networks,
		timeCourseData(data, args.settings)
	);
	const out = args.json
		? escapeJson(JSON.stringify(summaryJson(args.settings, analyses, claims, data, networks), null, 2))
		: summaryTable(analyses, claims).split('\n').map(escapeControl).join('\n');
	process.stdout.write(out + '\n');
	return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	try {
		process.exitCode = main(process.argv.slice(2));
	} catch (e) {
		process.stderr.write(`summarize failed: ${escapeControl(String((e as Error)?.message ?? e))}\n`);
		process.exitCode = 1;
	}
}
