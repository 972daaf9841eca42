import { seriousViolations } from './axe';
import { savedStatus } from './saved';
import { expect, test, type Page } from './fixtures';
import { TRIAL_COLUMNS } from '../../src/lib/data/schema';
import { uploadCsv, uploadPanel } from './upload-file';

// The upload panel sits on the home page in a section headed "Load your own data". UPLOAD_E2E_PATH points the
// test at another page that has the panel (used while the panel was not yet on the home page).
const PATH = process.env.UPLOAD_E2E_PATH ?? '/';
const MARKER = 'e2emarker2024';

const header = TRIAL_COLUMNS.map((c) => c.name).join(',');
const row = (arm: string, label: string, sd = '30.3') =>
	`${MARKER},Marker 2024,2024,chronic,${arm},"${label}, 8 sessions",,,pain,VAS_0_100,lower_better,8,60,-20.5,${sd},change,,low,pmid:1,Table 2,,,`;
const valid = [header, row('acupuncture', 'verum'), row('usual_care', 'usual care')].join('\r\n') + '\r\n';
const broken = [header, row('shame', 'verum'), row('usual_care', 'usual care', '-4')].join('\n') + '\n';

const panel = uploadPanel;
const upload = (page: Page, name: string, text: string) => uploadCsv(page, name, text);

/** Every request the page makes; none may carry the uploaded data. */
function watchRequests(page: Page): string[] {
	const seen: string[] = [];
	page.on('request', (r) => seen.push(`${r.method()} ${r.url()} ${r.postData() ?? ''}`));
	return seen;
}

test('a broken file shows its problems while the data shown stay', async ({ page }) => {
	const requests = watchRequests(page);
	const errors: string[] = [];
	const workers: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	page.on('worker', (w) => workers.push(w.url()));
	await page.goto(PATH);
	await panel(page).scrollIntoViewIfNeeded(); // the panel loads when it comes near the viewport
	const shown = panel(page).locator('.shown');
	await expect(shown).toContainText('Data shown: the bundled data');
	const before = await shown.textContent();

	await upload(page, 'broken.csv', broken);
	await expect(panel(page).getByRole('alert')).toHaveText(
		'Not loaded: broken.csv (2 errors). The data shown have not changed.'
	);
	const table = panel(page).getByRole('table', { name: /Problems found/ });
	const rows = table.locator('tbody tr');
	await expect(rows).toHaveCount(2);
	await expect(rows.nth(0)).toContainText('unknown arm "shame"; did you mean "sham"?');
	await expect(rows.nth(0).locator('td').nth(2)).toHaveText('2');
	await expect(rows.nth(1)).toContainText('sd must be greater than 0, got "-4"');
	await expect(rows.nth(1).locator('td').nth(2)).toHaveText('3');
	await expect(shown).toHaveText(before!);

	expect(requests.filter((r) => r.includes(MARKER))).toEqual([]);
	expect(errors).toEqual([]);
	// Parsed in a Web Worker (allowed by the Content-Security-Policy), not on the page.
	expect(workers).toHaveLength(1);
});

test('a valid file is shown, survives a reload, and can be reset', async ({ page }) => {
	const requests = watchRequests(page);
	await page.goto(PATH);
	await panel(page).scrollIntoViewIfNeeded(); // the panel loads when it comes near the viewport
	const shown = panel(page).locator('.shown');
	await expect(shown).toContainText('Data shown: the bundled data');

	await upload(page, 'mine.csv', valid);
	await expect(panel(page).getByRole('status')).toHaveText('Loaded mine.csv: 2 rows.');
	await expect(shown).toContainText('your file mine.csv with the bundled data');
	// Saved data come back by themselves once analysed (the engine loads on demand): wait for that before reloading.
	await expect.poll(() => savedStatus(page), { timeout: 30_000 }).toBe('ok');

	await page.reload();
	await panel(page).scrollIntoViewIfNeeded(); // the panel loads when it comes near the viewport
	await expect(panel(page).locator('.shown')).toContainText('your file mine.csv with the bundled data');

	await panel(page).getByRole('button', { name: 'Reset to the bundled data' }).click();
	await expect(panel(page).locator('.shown')).toContainText('Data shown: the bundled data');
	await page.reload();
	await panel(page).scrollIntoViewIfNeeded(); // the panel loads when it comes near the viewport
	await expect(panel(page).locator('.shown')).toContainText('Data shown: the bundled data');

	expect(requests.filter((r) => r.includes(MARKER))).toEqual([]);
});

test.describe('accessibility', () => {
	// axe is injected as an inline script, which the site's Content-Security-Policy rightly forbids.
	test.use({ bypassCSP: true });

	test('axe-core finds no serious or critical violations in the panel with its problems table', async ({
		page
	}) => {
		await page.goto(PATH);
		await panel(page).scrollIntoViewIfNeeded(); // the panel loads when it comes near the viewport
		await upload(page, 'broken.csv', broken);
		await expect(panel(page).getByRole('table', { name: /Problems found/ })).toBeVisible();
		await panel(page).getByText('Codebook: the columns of both files').click();
		const violations = await seriousViolations(page, 'section[aria-labelledby]:has(.upload)');
		expect(violations).toEqual([]);
	});
});
