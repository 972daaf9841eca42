import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/cli/summarize';
import { buildAnalyses } from '$lib/evidence/analyses';
import { bundledClaims } from '$lib/evidence/claims';
import { evaluateClaims } from '$lib/evidence/evaluate';
import { buildNetworks } from '$lib/evidence/network-analysis';
import { timeCourseData } from '$lib/evidence/time-points';
import { summaryJson } from '$lib/evidence/report';
import { rScript } from '$lib/evidence/r-script';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '$lib/evidence/types';

/** Runs only where R with metafor is installed (see README, "Testing"); never installs anything. */
const hasMetafor =
	spawnSync('Rscript', ['-e', 'library(metafor); library(jsonlite)'], { stdio: 'ignore' }).status === 0;
const hasJsonlite = spawnSync('Rscript', ['-e', 'library(jsonlite)'], { stdio: 'ignore' }).status === 0;

function summary(settings: AnalysisSettings) {
	const { data } = loadFiles([]);
	const analyses = buildAnalyses(data, settings);
	const networks = buildNetworks(data, settings);
	const claims = evaluateClaims(
		bundledClaims.claims,
		analyses,
		{ mids: { MD: 15, SMD: 0.5, RR: 1.25, OR: 1.25, RD: 0.05 } },
		networks,
		timeCourseData(data, settings)
	);
	return summaryJson(settings, analyses, claims, data, networks);
}

function script(settings: AnalysisSettings): string {
	return rScript(summary(settings));
}

describe.skipIf(!hasMetafor)('the downloadable R script reproduces the dashboard with metafor', () => {
	it.each([
		['REML', 'z'],
		['DL', 'knha'],
		['PM', 'z'],
		['FE', 'z'],
		['REML', 'adhoc']
	] as const)(
		'bundled data, %s with %s intervals: every pooled number within 1e-6',
		{ timeout: 120_000 },
		(method, test) => {
			const dir = mkdtempSync(join(tmpdir(), 'rscript-'));
			const file = join(dir, 'analysis.R');
			writeFileSync(file, script({ ...DEFAULT_SETTINGS, method, test }));
			const out = execFileSync('Rscript', [file], { encoding: 'utf8' });
			const m = /largest relative difference from the dashboard = ([0-9.e+-]+)/.exec(out);
			expect(m, out).not.toBeNull();
			expect(Number(m![1])).toBeLessThan(1e-6);
			// Ratio analyses (adverse events, responders) are printed as logs, and labelled so.
			const aeRow = out.split('\n').find((l) => l.includes('adverse_events'));
			expect(aeRow, out).toContain('log risk ratio');
			expect(out).toContain('exp() gives the ratio');
			const n = /rma.mv: largest relative difference from the dashboard's networks = ([0-9.e+-]+)/.exec(out);
			expect(n, out).not.toBeNull();
			expect(Number(n![1])).toBeLessThan(1e-6);
			// The time course is refitted with rma.mv + vcalc + clubSandwich, for every rho, and no fit is worse.
			expect(out).toMatch(
				/time course: largest relative difference = [0-9.e+-]+, fits worse than metafor = 0/
			);
		}
	);

	it(
		'fails when a network estimate is off by 1e-4 (the network check has teeth)',
		{ timeout: 120_000 },
		() => {
			const s = summary({ ...DEFAULT_SETTINGS, method: 'REML' });
			const fit = s.network!.fit!;
			const e = fit.league.find((x) => x.comparator === fit.reference)!;
			e.estimate += 1e-4;
			const dir = mkdtempSync(join(tmpdir(), 'rscript-net-'));
			const file = join(dir, 'analysis.R');
			writeFileSync(file, rScript(s));
			const r = spawnSync('Rscript', [file], { encoding: 'utf8' });
			expect(r.status).toBe(1);
			const n = /networks = ([0-9.e+-]+)/.exec(r.stdout);
			expect(Number(n![1])).toBeGreaterThan(1e-6);
		}
	);
});

describe('rScript', () => {
	it('embeds every analysis with its study inputs and the settings', () => {
		const s = script({ ...DEFAULT_SETTINGS, method: 'DL', test: 'knha' });
		expect(s).toContain('\\"method\\":\\"DL\\"');
		expect(s).toContain('\\"test\\":\\"knha\\"');
		expect(s).toContain('pain:chronic:acupuncture-vs-sham:short');
		expect(s).toMatch(/escalc\(measure = a\$measure, m1i = get\("m1i"\)/);
	});
});

/** Study ids written to end the R string early and run code, or to break the script's parse. */
const HOSTILE_IDS = [
	'evil]---',
	'evil]---", simplifyVector = FALSE); system("touch /tmp/rscript-pwned"); x <- c("',
	'quote"and\\backslash\\',
	'new\nline\r\nand\ttab',
	'\u001b[2J\u202e Müller 😀'
];

describe.skipIf(!hasJsonlite)('the R script with hostile study ids', { timeout: 60_000 }, () => {
	it('parses to the same code, and its data read back the ids exactly', () => {
		const dir = mkdtempSync(join(tmpdir(), 'rscript-hostile-'));
		const plain = join(dir, 'plain.R');
		const hostile = join(dir, 'hostile.R');
		const s = summary(DEFAULT_SETTINGS);
		writeFileSync(plain, rScript(s));
		let k = 0;
		for (const a of s.analyses)
			for (const st of a.studies) st.study_id = HOSTILE_IDS[k++ % HOSTILE_IDS.length]!;
		writeFileSync(hostile, rScript(s));
		// Expression count and the deparsed code outside the data string are the same as for plain ids; the
		// data read back (only the library and fromJSON lines are run) holds the ids as given.
		const r = (file: string) =>
			execFileSync(
				'Rscript',
				[
					'-e',
					`e <- parse(file = "${file}", encoding = "UTF-8"); cat(length(e), "\\n"); ` +
						'for (i in 1:2) eval(e[[i]]); ' +
						'ids <- unlist(lapply(summary$analyses, function(a) lapply(a$studies, function(s) s$study_id))); ' +
						'cat(jsonlite::toJSON(ids), "\\n"); ' +
						'cat(paste(deparse(e[-2]), collapse = "\\n"))'
				],
				{ encoding: 'utf8', env: { ...process.env, LC_ALL: 'C.UTF-8' } }
			);
		const [count, ids, ...code] = r(hostile).split('\n');
		const [plainCount, , ...plainCode] = r(plain).split('\n');
		expect(count).toBe(plainCount);
		expect(code).toEqual(plainCode);
		expect(JSON.parse(ids!)).toEqual(s.analyses.flatMap((a) => a.studies.map((st) => st.study_id)));
		expect(k).toBeGreaterThan(HOSTILE_IDS.length);
	});
});
