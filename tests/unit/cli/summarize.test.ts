import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rma } from '$lib/stats';
import type { SummaryJson } from '$lib/evidence/report';
import { parseArgs } from '../../../src/cli/summarize';
import { CASE_TIMEOUT_MS, runCli } from './run';

const run = (...args: string[]) => runCli(args);

describe('npm run summarize (docs/ARCHITECTURE.md section 6)', { timeout: CASE_TIMEOUT_MS }, () => {
	it('prints the JSON contract for the bundled data, each pooled result refittable from its study inputs', async () => {
		const r = await run('--json', '--method', 'DL', '--test', 'knha');
		expect(r.status).toBe(0);
		const out = JSON.parse(r.stdout) as SummaryJson;
		expect(out.options).toEqual({ method: 'DL', test: 'knha', level: 95 });
		expect(out.analyses.length).toBeGreaterThan(10);
		for (const a of out.analyses) {
			expect(a.id).toBe(
				`${a.outcome}:${a.population}:${a.treatment}-vs-${a.control}:${a.window}${a.event ? `:${a.event}` : ''}`
			);
			const fit = rma(
				a.studies.map((s) => s.yi as number),
				a.studies.map((s) => s.vi as number),
				{ method: 'DL', test: 'knha' }
			);
			expect(a.estimate).toBe(fit.estimate);
			expect(a.ci_lower).toBe(fit.ci.lower);
			expect(a.k).toBe(a.studies.length);
		}
		expect(out.claims.map((c) => c.id)).toContain('sham-as-good');
		for (const c of out.claims)
			expect(c.verdict).toMatch(/supported|contradicted|inconclusive|no trial data|not testable/);
	});

	it('prints a readable table without --json', async () => {
		const r = await run();
		expect(r.status).toBe(0);
		expect(r.stdout).toMatch(/^ANALYSES/);
		expect(r.stdout).toContain('Sham acupuncture performs as well as real acupuncture:');
	});

	it('exits 1 with file:row:column lines and no stack trace on bad input', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'cli-'));
		const file = join(dir, 'broken.csv');
		writeFileSync(
			file,
			'study_id,study,year,population,arm,arm_label,sham_type,outcome,scale,direction,timepoint_weeks,n,mean,sd,measure,events,rob,source,locator,notes\n' +
				'a1,A 2001,2001,chronic,shame,,,pain,VAS_0_100,lower_better,8,50,-10,20,change,,,pmid:1,abstract,\n'
		);
		const r = await run(file);
		expect(r.status).toBe(1);
		const lines = r.stderr.trim().split('\n');
		expect(lines[0]).toMatch(
			new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:2:arm: unknown arm "shame"`)
		);
		expect(r.stderr).not.toMatch(/\n\s+at /);
	});

	it('exits 2 on a usage error', async () => {
		expect((await run('--method', 'ML')).status).toBe(2);
		expect(parseArgs(['--bogus'])).toBe('unknown option --bogus');
	});
});
