/**
 * `npm run summarize` on inputs that hung or broke the engine (issue 16). Each case runs in its own process with
 * a timeout, so a hang fails its test instead of stalling the run (the timeout is a guard, not a measurement).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SummaryJson } from '$lib/evidence/report';
import { TRIAL_HEADER, CONTRAST_HEADER, CONTRAST_ROW } from './data/helpers';
import { nonFinite } from './engine-check';

const GUARD_MS = 60_000;
const dir = mkdtempSync(join(tmpdir(), 'cli-engine-'));

function run(...args: string[]) {
	const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/summarize.ts', ...args], {
		encoding: 'utf8',
		timeout: GUARD_MS,
		killSignal: 'SIGKILL'
	});
	expect(r.signal, `summarize did not finish (killed after ${GUARD_MS} ms): a hang`).toBeNull();
	return r;
}

/** trials.csv with two-arm pain trials (VAS 0-100 change at week 8): [id, n, mean1, sd1, mean2, sd2]. */
function trialsFile(name: string, rows: [string, string, string, string, string, string][]): string {
	const line = (id: string, year: number, arm: string, n: string, mean: string, sd: string) =>
		`${id},${id} ${year},${year},chronic,${arm},,${arm === 'sham' ? 'penetrating' : ''},,pain,VAS_0_100,lower_better,8,${n},${mean},${sd},change,,,pmid:${year},abstract,,,`;
	const text = [
		TRIAL_HEADER.join(','),
		...rows.flatMap(([id, n, m1, s1, m2, s2], i) => [
			line(id, 2001 + i, 'acupuncture', n, m1, s1),
			line(id, 2001 + i, 'sham', n, m2, s2)
		])
	].join('\n');
	const file = join(dir, name);
	writeFileSync(file, text + '\n');
	return file;
}

const ALPHA: [string, string, string, string, string, string] = ['alpha', '50', '-20', '20', '-10', '20'];

describe('summarize finishes on extreme inputs', { timeout: 2 * GUARD_MS }, () => {
	it('one trial with sd 0.001 in both arms and n 10,000 (REML step -Infinity): PM used, with its note', () => {
		const file = trialsFile('tiny-sd.csv', [ALPHA, ['beta', '10000', '-20', '0.001', '-10', '0.001']]);
		const r = run(file, '--json');
		expect(r.stderr).toBe('');
		expect(r.status).toBe(0);
		const out = JSON.parse(r.stdout) as SummaryJson;
		expect(nonFinite(out)).toEqual([]);
		const a = out.analyses.find((x) => x.id === 'pain:chronic:acupuncture-vs-sham:short')!;
		expect(a.method).toBe('PM');
		expect(a.notes.join(' ')).toMatch(/REML .*non-finite step.*PM used instead/);
		expect(a.notes.join(' ')).toMatch(/largest sampling variance is .* times the smallest/);
	});

	it('sd = 0.000001 in both arms (the reported hang) is rejected with its location', () => {
		const file = trialsFile('hang.csv', [ALPHA, ['beta', '30', '-20', '0.000001', '-10', '0.000001']]);
		const r = run(file, '--json');
		expect(r.status).toBe(1);
		expect(r.stderr).toContain(`${file}:4:sd: sd is 0.000001, below 0.000001 of the range of VAS_0_100`);
	});

	it.each([
		['sd 1e-200', ['beta', '60', '-20', '1e-200', '-10', '1e-200'], ':4:sd: sd is 1e-200'],
		['sd 1e200', ['beta', '60', '-20', '1e200', '-10', '1e200'], ':4:sd: sd is 1e200, beyond'],
		['means 1e308', ['beta', '60', '1e308', '20', '-1e308', '20'], ':4:mean: mean is 1e308, beyond'],
		['n 1e20', ['beta', '1e20', '-20', '20', '-10', '20'], ':4:n: n is 1e20, more than']
	] as const)('%s is rejected with file:row:column and a reason', (_, row, message) => {
		const file = trialsFile(`${_.replace(/\W/g, '')}.csv`, [ALPHA, [...row]]);
		const r = run(file);
		expect(r.status).toBe(1);
		expect(r.stderr).toContain(file + message);
		expect(r.stderr).not.toMatch(/vi\[\d+\]|summarize failed/);
	});

	it.each([
		['an infinite CI', '-1e999', '3.7', /:2:ci_lower: ci_lower must be a number, got "-1e999"/],
		['an astronomically wide CI', '-1e300', '1e300', /:2:ci_lower: ci_lower is -1e300, beyond ±1,000,000/]
	])('contrasts.csv with %s is rejected with its location', (_, lower, upper, message) => {
		const row: Record<string, string> = { ...CONTRAST_ROW, ci_lower: lower, ci_upper: upper };
		const file = join(dir, `contrasts-${lower}.csv`);
		writeFileSync(file, [CONTRAST_HEADER.join(','), CONTRAST_HEADER.map((c) => row[c]).join(',')].join('\n'));
		const r = run(file);
		expect(r.status).toBe(1);
		expect(r.stderr).toMatch(message);
	});

	// certainty.ts takes its Egger-type test from eggerFor() (src/lib/evidence/sensitivity.ts): a constant
	// predictor gives a reason, not a crash.
	it('12 identical trials: exit 0, no crash on the Egger-type test (certainty.ts -> eggerFor)', () => {
		const rows = Array.from({ length: 12 }, (_, i): [string, string, string, string, string, string] => [
			`s${i}`,
			'50',
			'-20',
			'20',
			'-10',
			'20'
		]);
		const r = run(trialsFile('identical.csv', rows), '--json');
		expect(r.stderr).toBe('');
		expect(r.status).toBe(0);
		expect(nonFinite(JSON.parse(r.stdout))).toEqual([]);
	});
});
