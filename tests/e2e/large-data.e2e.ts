import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './fixtures';
import { syntheticTrialsCsv } from '../../bench/ingest';
import { parseFile } from '../../src/lib/data/parse-file';
import { buildAnalyses } from '../../src/lib/evidence/analyses';
import type { ClaimsFile } from '../../src/lib/evidence/claims';
import { evaluateClaims } from '../../src/lib/evidence/evaluate';
import { buildNetworks } from '../../src/lib/evidence/network-analysis';
import { timeCourseData } from '../../src/lib/evidence/time-points';
import { claimViewOf, DEFAULT_CONTROLS, settingsOf, type Controls } from '../../src/lib/state/url-params';
import { uploadCsv, uploadPanel } from './upload-file';

// Uploads above WORKER_ROWS are analysed in a Web Worker (src/lib/evidence/worker.ts). The page must then show
// exactly what the engine computes for the same data, and follow the controls.
const ROWS = 12_000;
const text = syntheticTrialsCsv(ROWS);
const bundledFile = (name: string) => parseFile(readFileSync(`data/${name}`, 'utf8'), name);
const bundled = {
	trials: bundledFile('trials.csv').trials,
	contrasts: bundledFile('contrasts.csv').contrasts
};
const claims = (JSON.parse(readFileSync('data/claims.json', 'utf8')) as ClaimsFile).claims;
const data = {
	trials: [...bundled.trials, ...parseFile(text, 'large.csv').trials],
	contrasts: bundled.contrasts
};

function expected(controls: Controls) {
	const settings = settingsOf(controls);
	const analyses = buildAnalyses(data, settings);
	return evaluateClaims(
		claims,
		analyses,
		claimViewOf(controls),
		buildNetworks(data, settings),
		timeCourseData(data, settings)
	).filter((r) => r.claim.testable);
}

/** The claims come with the worker's whole answer, time-course model included (seconds for 300 trials). */
async function expectSentences(page: Page, controls: Controls) {
	for (const r of expected(controls))
		await expect(page.locator(`#${r.claim.id} [data-testid="sentence"]`)).toHaveText(r.sentence, {
			timeout: 60_000
		});
}

test('a large upload is analysed in a worker and shows the engine’s numbers, also after a control changes', async ({
	page
}) => {
	test.setTimeout(120_000);
	const workers: string[] = [];
	const errors: string[] = [];
	page.on('worker', (w) => workers.push(w.url()));
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto('/');
	const panel = uploadPanel(page);
	await uploadCsv(page, 'large.csv', text);
	await expect(panel.getByRole('status')).toHaveText(`Loaded large.csv: ${ROWS.toLocaleString('en')} rows.`);

	await expectSentences(page, DEFAULT_CONTROLS);
	await expect(page.locator('.analysis-status')).toHaveText('');
	// One worker read the file, another computed the analyses.
	expect(workers).toHaveLength(2);

	// The bias checks of a "Why this verdict" panel come from the worker too (never computed on the page).
	const pooled = expected(DEFAULT_CONTROLS).find((r) => (r.analyses[0]?.result?.k ?? 0) >= 10)!;
	const card = page.locator(`#${pooled.claim.id}`);
	await card.locator('summary', { hasText: 'Why this verdict' }).click();
	await expect(card.getByText(/^Q-profile 95% intervals: τ² = /)).toBeVisible({ timeout: 60_000 });
	await expect(card.getByText(/Egger-type regression test for funnel asymmetry/)).toBeVisible();

	// DerSimonian-Laird gives other numbers on these data, so the page must really follow the change.
	const sentences = (c: Controls) => expected(c).map((r) => r.sentence);
	expect(sentences({ ...DEFAULT_CONTROLS, method: 'DL' })).not.toEqual(sentences(DEFAULT_CONTROLS));
	await page.getByLabel('Estimator').selectOption('DL');
	await expectSentences(page, { ...DEFAULT_CONTROLS, method: 'DL' });
	await expect(page.locator('.analysis-status')).toHaveText('');
	expect(errors).toEqual([]);
});
