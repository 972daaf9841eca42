import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TRIAL_HEADER, trials } from '../data/helpers';
import { CASE_TIMEOUT_MS, errLines, runCli, type CliRun } from './run';

// Hostile and damaged input files through `npm run summarize` (issue 16): nothing is lost, doubled or printed
// raw without a located line on stderr. Every case runs in its own process, killed after CASE_TIMEOUT_MS.

const dir = mkdtempSync(join(tmpdir(), 'cli-input-'));
const file = (name: string, content: string | Buffer) => {
	const path = join(dir, name);
	writeFileSync(path, content);
	return path;
};

/** Two arms (real and sham acupuncture) of one study, as row overrides of the helpers' valid row. */
const study = (
	id: string,
	label: string,
	year: string,
	source: string,
	extra: Record<string, string> = {}
) => [
	{ study_id: id, study: label, year, source, ...extra },
	{ study_id: id, study: label, year, source, arm: 'sham', sham_type: 'penetrating', mean: '-23.6', ...extra }
];
const A = study('a2001', 'A 2001', '2001', 'pmid:1');
const B = study('b2002', 'B 2002', '2002', 'pmid:2');
const goodText = trials([...A, ...B]);
const good = file('good.csv', goodText);

let goodRun: CliRun;
beforeAll(async () => {
	goodRun = await runCli([good]);
}, CASE_TIMEOUT_MS);

describe.concurrent('npm run summarize with bad input', { timeout: CASE_TIMEOUT_MS }, () => {
	it('reads the good file without a word on stderr', () => {
		expect(goodRun.status).toBe(0);
		expect(goodRun.stderr).toBe('');
		expect(goodRun.stdout).toMatch(/^ANALYSES/);
	});

	it('refuses the same file given twice, naming both', async () => {
		const r = await runCli([good, good]);
		expect(r.status).toBe(1);
		expect(r.stdout).toBe('');
		expect(errLines(r)).toEqual([
			`${good}:2:study_id: study "a2001" is already in ${good} (line 2); adding it would count the trial twice`,
			`${good}:4:study_id: study "b2002" is already in ${good} (line 4); adding it would count the trial twice`
		]);
	});

	it('refuses two files with a study in common, naming both', async () => {
		const other = file('overlap.csv', trials([...B, ...study('c2003', 'C 2003', '2003', 'pmid:3')]));
		const r = await runCli([good, other]);
		expect(r.status).toBe(1);
		expect(errLines(r)).toEqual([
			`${other}:2:study_id: study "b2002" is already in ${good} (line 4); adding it would count the trial twice`
		]);
	});

	it('prints warnings with their location and exits 0; --strict makes them errors', async () => {
		const f = file(
			'unknown-scale.csv',
			trials([...A, ...study('b2002', 'B 2002', '2002', 'pmid:2', { scale: 'VAS_0_1000' })])
		);
		const warning = `${f}:4:scale: warning: unknown scale "VAS_0_1000"; did you mean "VAS_0_100"?`;
		const r = await runCli([f]);
		expect(r.status).toBe(0);
		expect(errLines(r)).toEqual([warning]);
		expect(r.stdout).toMatch(/^ANALYSES/);
		const strict = await runCli(['--strict', f]);
		expect(strict.status).toBe(1);
		expect(errLines(strict)).toEqual([warning, '1 warning treated as an error (--strict)']);
		expect(strict.stdout).toBe('');
	});

	it('reports an edited study label on a pasted row instead of making it another arm', async () => {
		const pasted = {
			study_id: 'b2002',
			study: 'B et al. 2002',
			year: '2002',
			source: 'pmid:2',
			arm: 'no_treatment'
		};
		const f = file('edited-label.csv', trials([...A, ...B, pasted]));
		const r = await runCli([f]);
		expect(r.status).toBe(1);
		expect(errLines(r)).toEqual([
			`${f}:6:study: study differs within study "b2002": "B et al. 2002" here, "B 2002" on line 4`
		]);
	});

	it('warns about the same trial under two ids (same label and year, or same source)', async () => {
		const f = file(
			'two-ids.csv',
			trials([
				...A,
				...study('a2001b', 'A 2001', '2001', 'pmid:9'),
				...B,
				...study('b2002x', 'Bee 2002', '2002', 'pmid:2')
			])
		);
		const r = await runCli([f]);
		expect(r.status).toBe(0);
		expect(errLines(r)).toEqual([
			`${f}:4:study_id: warning: studies "a2001b" and "a2001" (line 2) have the same label and year (A 2001, 2001): if they are one trial, it is counted twice`,
			`${f}:8:study_id: warning: studies "b2002x" and "b2002" (line 6) have the same source (pmid:2): if they are one trial, it is counted twice`
		]);
	});

	it('warns that a study with one arm is left out', async () => {
		const f = file(
			'one-arm.csv',
			trials([...A, ...B, { study_id: 'c2003', study: 'C 2003', year: '2003', source: 'pmid:3' }])
		);
		const r = await runCli([f]);
		expect(r.status).toBe(0);
		expect(errLines(r)).toEqual([
			`${f}:6:study_id: warning: study "c2003" is left out: only one arm (acupuncture), so there is nothing to compare it with`
		]);
	});

	it('names the column a misspelled optional column was meant to be', async () => {
		const header = TRIAL_HEADER.map((h) =>
			h === 'rob' ? 'RoB' : h === 'notes' ? 'Notes ' : h === 'arm_label' ? 'arm label' : h
		);
		const f = file('optional.csv', [header.join(','), ...goodText.split('\n').slice(1)].join('\n'));
		const r = await runCli([f]);
		expect(r.status).toBe(0);
		expect(errLines(r)).toEqual([
			`${f}:1:arm label: warning: unknown column "arm label" is ignored; did you mean "arm_label"?`,
			`${f}:1:RoB: warning: unknown column "RoB" is ignored; did you mean "rob"?`,
			`${f}:1:Notes: warning: unknown column "Notes" is ignored; did you mean "notes"?`
		]);
	});

	it.each([
		['UTF-16 LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(goodText, 'utf16le')])],
		['UTF-16 LE without a BOM', Buffer.from(goodText, 'utf16le')],
		[
			'UTF-16 BE with a BOM',
			Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(goodText, 'utf16le').swap16()])
		],
		['UTF-16 BE without a BOM', Buffer.from(goodText, 'utf16le').swap16()],
		['a CRLF header with LF rows', goodText.replace('\n', '\r\n')],
		['a lone CR between rows', goodText.replace(/\n(?=b2002)/, '\r')]
	])('reads %s as the same data', async (name, content) => {
		const r = await runCli([file(`${name}.csv`, content)]);
		expect(r.stderr).toBe('');
		expect(r.status).toBe(0);
		expect(r.stdout).toBe(goodRun.stdout);
	});

	it('warns, on their lines, about bytes that are not UTF-8 (Latin-1)', async () => {
		const f = file('latin1.csv', Buffer.from(goodText.replaceAll('A 2001', 'Müller 2001'), 'latin1'));
		const r = await runCli([f]);
		expect(r.status).toBe(0);
		const message =
			'warning: characters that are not UTF-8 were replaced by "\ufffd" (Latin-1 or Windows text?)';
		expect(errLines(r)).toEqual([`${f}:2:: ${message}`, `${f}:3:: ${message}`]);
	});

	it('reports NUL bytes with their line, early or late in the file', async () => {
		const rows = goodText.split('\n');
		rows[2] = rows[2]!.replace('abstract', 'abs\u0000tract');
		const early = file('nul.csv', rows.join('\n'));
		const many = trials([
			...A,
			...Array.from({ length: 300 }, (_, i) => ({ study_id: `p${i}`, source: `pmid:${i}` })),
			...B
		]);
		const lines = many.split('\n');
		lines[lines.length - 2] = lines[lines.length - 2]!.replace('abstract', 'abs\u0000tract');
		const late = file('nul-late.csv', lines.join('\n'));
		for (const [f, line] of [
			[early, 3],
			[late, lines.length - 1]
		] as const) {
			const r = await runCli([f]);
			expect(r.status).toBe(1);
			expect(errLines(r)).toContain(
				`${f}:${line}:: this line contains a NUL character (byte 0), which has no place in a CSV file`
			);
		}
	});

	it.each([
		['Study_ID', 'Study_ID'],
		['study id', 'study id'],
		['study_id\u200b', 'study_id<U+200B>']
	])('names the header near-miss %j', async (name, shown) => {
		const f = file(`header-${shown}.csv`, goodText.replace('study_id,', `${name},`));
		const r = await runCli([f]);
		expect(r.status).toBe(1);
		expect(errLines(r)).toEqual([
			`${f}:1:study_id: required column "study_id" is missing; the header has "${shown}"`
		]);
	});

	it('says that a value is over the size limit instead of "unclosed quote"', async () => {
		const rows = goodText.split('\n');
		rows[2] = rows[2]!.replace(/,$/, `,"${'x'.repeat(9 * 1024 * 1024)}"`);
		const f = file('huge-value.csv', rows.join('\n'));
		const r = await runCli([f]);
		expect(r.status).toBe(1);
		expect(errLines(r)).toEqual([
			`${f}:3:: a quoted value that starts on this line is longer than 8 MiB, the limit for one row`
		]);
	});

	it('tells a tab-separated file with decimal commas to use decimal points', async () => {
		const f = file('tab.csv', goodText.replaceAll(',', '\t').replace('-28.7\t30.3', '-28,7\t30,3'));
		const r = await runCli([f]);
		expect(r.status).toBe(1);
		expect(errLines(r)).toEqual([
			`${f}:2:mean: mean must be a number, got "-28,7" (this file is tab-separated: write decimals with a point, 1.5)`,
			`${f}:2:sd: sd must be a number, got "30,3" (this file is tab-separated: write decimals with a point, 1.5)`
		]);
	});

	it('escapes control characters in what it prints and caps long values', async () => {
		const f = file(
			'ansi.csv',
			goodText.replace(',acupuncture,', ',\u001b[2J\u001b[H\u001b[32mALL ROWS VALID\u001b[0m\u0085x,')
		);
		const r = await runCli([f]);
		expect(r.status).toBe(1);
		expect(r.stderr).not.toMatch(/[^\P{Cc}\n]/u); // no control character but the line ends
		expect(errLines(r)).toEqual([
			`${f}:2:arm: unknown arm "\\x1b[2J\\x1b[H\\x1b[32mALL ROWS VALID\\x1b[0m\\x85x"`
		]);
		const long = file('long.csv', goodText.replace(',acupuncture,', `,acu${'x'.repeat(300)},`));
		const l = await runCli([long]);
		expect(errLines(l)).toEqual([`${long}:2:arm: unknown arm "acu${'x'.repeat(77)}..."`]);
	});

	it.each([
		['an empty path', '', '(empty path):0:: no file name was given'],
		['a directory', dir, `${dir}:0:: this is a directory, not a CSV file`],
		['a missing file', join(dir, 'missing.csv'), `${join(dir, 'missing.csv')}:0:: there is no such file`],
		['an unreadable file', '/proc/self/mem', '/proc/self/mem:0:: the file could not be read (EIO)']
	])('names the file for %s in one line and exits 1', async (_, path, line) => {
		mkdirSync(dir, { recursive: true });
		const r = await runCli([path]);
		expect(r.status).toBe(1);
		expect(errLines(r)).toEqual([line]);
	});
});
