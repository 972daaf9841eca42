import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/cli/summarize';
import { buildAnalyses } from '$lib/evidence/analyses';
import { bundledClaims } from '$lib/evidence/claims';
import { evaluateClaims } from '$lib/evidence/evaluate';
import { summaryJson } from '$lib/evidence/report';
import { rScript } from '$lib/evidence/r-script';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '$lib/evidence/types';

/** Runs only where R with metafor is installed (see README, "Testing"); never installs anything. */
const hasMetafor =
	spawnSync('Rscript', ['-e', 'library(metafor); library(jsonlite)'], { stdio: 'ignore' }).status === 0;

function script(settings: AnalysisSettings): string {
	const { data } = loadFiles([]);
	const analyses = buildAnalyses(data, settings);
	const claims = evaluateClaims(bundledClaims.claims, analyses, {
		mids: { MD: 15, SMD: 0.5, RR: 1.25, OR: 1.25, RD: 0.05 }
	});
	return rScript(summaryJson(settings, analyses, claims));
}

describe.skipIf(!hasMetafor)('the downloadable R script reproduces the dashboard with metafor', () => {
	it.each([
		['REML', 'z'],
		['DL', 'knha'],
		['PM', 'z'],
		['FE', 'z']
	] as const)('bundled data, %s with %s intervals: every pooled number within 1e-6', (method, test) => {
		const dir = mkdtempSync(join(tmpdir(), 'rscript-'));
		const file = join(dir, 'analysis.R');
		writeFileSync(file, script({ ...DEFAULT_SETTINGS, method, test }));
		const out = execFileSync('Rscript', [file], { encoding: 'utf8' });
		const m = /largest relative difference from the dashboard = ([0-9.e+-]+)/.exec(out);
		expect(m, out).not.toBeNull();
		expect(Number(m![1])).toBeLessThan(1e-6);
	});
});

describe('rScript', () => {
	it('embeds every analysis with its study inputs and the settings', () => {
		const s = script({ ...DEFAULT_SETTINGS, method: 'DL', test: 'knha' });
		expect(s).toContain('"method":"DL"');
		expect(s).toContain('"test":"knha"');
		expect(s).toContain('pain:chronic:acupuncture-vs-sham:short');
		expect(s).toMatch(/escalc\(measure = a\$measure, m1i = get\("m1i"\)/);
	});
});
