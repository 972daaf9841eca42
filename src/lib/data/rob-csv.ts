/**
 * Reads and validates data/rob.csv (see rob.ts): like every other input it ends in judgements plus located problems,
 * never a throw. Read with PapaParse.
 */
import Papa from 'papaparse';
import { ROB_COLUMNS, ROB_DOMAINS, type RobDomain, type RobJudgement } from './rob';
import { ARMS, ROB_LEVELS, type Rob } from './schema';
import type { Problem } from './types';

const COMPARISON = new RegExp(`^(all|(${ARMS.join('|')})-vs-(${ARMS.join('|')}))$`);

/**
 * Parses and validates rob.csv: every column present, domain and judgement from their vocabularies, a comparison
 * that is `all` or two arm names, one row per study x comparison x domain. Rows with an error are left out.
 * @example parseRob('study_id,tool,comparison,domain,judgement,support,source,locator,notes\n' +
 *   'a,RoB 2,all,overall,low,,,,', 'rob.csv').judgements[0].judgement // 'low'
 */
export function parseRob(text: string, file: string): { judgements: RobJudgement[]; problems: Problem[] } {
	const problems: Problem[] = [];
	const problem = (row: number, column: string, value: string, message: string, hint: string) =>
		problems.push({ severity: 'error', file, row, column, value, message, hint });
	const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
	const [header = [], ...records] = parsed.data;
	const index = new Map(header.map((h, i) => [h.trim(), i]));
	const missing = ROB_COLUMNS.filter((c) => !index.has(c));
	if (missing.length) {
		problem(
			1,
			missing[0]!,
			'',
			`missing column(s): ${missing.join(', ')}`,
			`The header must be: ${ROB_COLUMNS.join(',')}`
		);
		return { judgements: [], problems };
	}
	const judgements: RobJudgement[] = [];
	const seen = new Set<string>();
	let line = 1;
	for (const rec of records) {
		line += 1 + countNewlines(rec);
		if (rec.length === 1 && rec[0]!.trim() === '') continue;
		const get = (c: (typeof ROB_COLUMNS)[number]) => (rec[index.get(c)!] ?? '').trim();
		const r = Object.fromEntries(ROB_COLUMNS.map((c) => [c, get(c)])) as Record<
			(typeof ROB_COLUMNS)[number],
			string
		>;
		let bad = false;
		const check = (ok: boolean, column: string, message: string, hint: string) => {
			if (ok) return;
			bad = true;
			problem(line, column, r[column as keyof typeof r] ?? '', message, hint);
		};
		check(r.study_id !== '', 'study_id', 'study_id is empty', 'Name the trial as in trials.csv.');
		check(
			(ROB_DOMAINS as readonly string[]).includes(r.domain),
			'domain',
			`unknown domain "${r.domain}"`,
			`Use one of: ${ROB_DOMAINS.join(', ')}.`
		);
		check(
			(ROB_LEVELS as readonly string[]).includes(r.judgement),
			'judgement',
			`unknown judgement "${r.judgement}"`,
			`Use one of: ${ROB_LEVELS.join(', ')} (RoB 2 wording: low, some concerns, high).`
		);
		check(
			COMPARISON.test(r.comparison),
			'comparison',
			`comparison "${r.comparison}" is neither "all" nor "<treatment>-vs-<control>"`,
			`Use all, or two of ${ARMS.join(', ')}, e.g. acupuncture-vs-sham.`
		);
		const key = `${r.study_id}|${r.comparison}|${r.domain}`;
		check(
			!seen.has(key),
			'domain',
			`a second "${r.domain}" row for ${r.study_id} (${r.comparison})`,
			'Keep one row per study x comparison x domain.'
		);
		if (bad) continue;
		seen.add(key);
		judgements.push({ line, ...r, domain: r.domain as RobDomain, judgement: r.judgement as Rob });
	}
	return { judgements, problems };
}

function countNewlines(rec: string[]): number {
	let n = 0;
	for (const v of rec) for (let i = v.indexOf('\n'); i !== -1; i = v.indexOf('\n', i + 1)) n++;
	return n;
}
