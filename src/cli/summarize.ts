/**
 * `npm run --silent summarize -- [files...] [--json] [--method REML|DL|PM|FE] [--test z|knha|adhoc]`
 * (DESIGN.md section 6). Exit codes: 0 ok, 1 bad input (one `file:row:column: message` line per problem on
 * stderr), 2 usage error.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRob } from '../lib/data/rob';
import { parseFile } from '../lib/data/parse-file';
import { formatProblem } from '../lib/data/problems';
import type { Dataset } from '../lib/data/types';
import { buildAnalyses } from '../lib/evidence/analyses';
import { bundledClaims } from '../lib/evidence/claims';
import { evaluateClaims } from '../lib/evidence/evaluate';
import { summaryJson } from '../lib/evidence/report';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../lib/evidence/types';
import { DEFAULT_MIDS } from '../lib/evidence/mid';
import { summaryTable } from './table';

const USAGE =
	'usage: npm run --silent summarize -- [files...] [--json] [--method REML|DL|PM|FE] [--test z|knha|adhoc]';
const root = resolve(fileURLToPath(import.meta.url), '../../..');

export interface Args {
	files: string[];
	json: boolean;
	settings: AnalysisSettings;
}

/** Command-line arguments, or a usage error message. */
export function parseArgs(argv: string[]): Args | string {
	const args: Args = { files: [], json: false, settings: { ...DEFAULT_SETTINGS } };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i]!;
		if (a === '--json') args.json = true;
		else if (a === '--method' || a === '--test') {
			const v = argv[++i];
			if (a === '--method' && (v === 'REML' || v === 'DL' || v === 'PM' || v === 'FE'))
				args.settings.method = v;
			else if (a === '--test' && (v === 'z' || v === 'knha' || v === 'adhoc')) args.settings.test = v;
			else
				return `${a} needs one of ${a === '--method' ? 'REML, DL, PM, FE' : 'z, knha, adhoc'} (got ${v ?? 'nothing'})`;
		} else if (a.startsWith('-')) return `unknown option ${a}`;
		else args.files.push(a);
	}
	return args;
}

/** Read and validate the files (or the bundled data); problems as `file:row:column: message` lines. */
export function loadFiles(files: string[]): { data: Dataset; errors: string[] } {
	const paths = files.length
		? files
		: [resolve(root, 'data/trials.csv'), resolve(root, 'data/contrasts.csv')];
	const data: Dataset = { trials: [], contrasts: [] };
	const errors: string[] = [];
	for (const path of paths) {
		let text: string;
		try {
			text = readFileSync(path, 'utf8');
		} catch {
			errors.push(`${path}:0:: cannot read the file (does it exist?)`);
			continue;
		}
		const parsed = parseFile(text, files.length ? path : basename(path));
		errors.push(...parsed.problems.filter((p) => p.severity === 'error').map(formatProblem));
		data.trials.push(...parsed.trials);
		data.contrasts.push(...parsed.contrasts);
	}
	// The project's risk-of-bias judgements apply to the trials they name, whatever files are read (as on the page).
	const rob = parseRob(readFileSync(resolve(root, 'data/rob.csv'), 'utf8'), 'rob.csv');
	errors.push(...rob.problems.map(formatProblem));
	data.rob = rob.judgements;
	return { data, errors };
}

export function main(argv: string[]): number {
	const args = parseArgs(argv);
	if (typeof args === 'string') {
		process.stderr.write(`${args}\n${USAGE}\n`);
		return 2;
	}
	const { data, errors } = loadFiles(args.files);
	if (errors.length) {
		process.stderr.write(errors.join('\n') + '\n');
		return 1;
	}
	const analyses = buildAnalyses(data, args.settings);
	const mids = Object.fromEntries(Object.entries(DEFAULT_MIDS).map(([k, m]) => [k, m.value])) as Record<
		keyof typeof DEFAULT_MIDS,
		number
	>;
	const claims = evaluateClaims(bundledClaims.claims, analyses, { mids });
	const out = args.json
		? JSON.stringify(summaryJson(args.settings, analyses, claims, data), null, 2)
		: summaryTable(analyses, claims);
	process.stdout.write(out + '\n');
	return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	try {
		process.exitCode = main(process.argv.slice(2));
	} catch (e) {
		process.stderr.write(`summarize failed: ${(e as Error).message}\n`);
		process.exitCode = 1;
	}
}
