import { seriousViolations } from './axe';
import { expect, test, type Locator, type Page } from './fixtures';

/** The page with the charts: the main page (set CHARTS_E2E_PATH to try the charts on another route). */
const PATH = process.env.CHARTS_E2E_PATH ?? '/';

/**
 * The first forest plot with at least two study rows (so excluding one leaves a pooled result); the claims'
 * charts mount and draw one per task after hydration, so it is waited for.
 */
async function forestWithRows(page: Page): Promise<Locator> {
	const first = page
		.getByRole('figure', { name: /Forest plot/ })
		.filter({ has: page.locator('.study-row').nth(1) })
		.first();
	await expect(first).toBeVisible();
	// Pinned by its caption's id: "the first such figure" changes while the charts above it are still drawing.
	const id = await first.getAttribute('aria-labelledby');
	return page.locator(`figure[aria-labelledby="${id}"]`);
}

test('a forest row takes keyboard focus and shows its details and source', async ({ page }) => {
	await page.goto(PATH);
	const fig = await forestWithRows(page);
	const row = fig.locator('.study-row').first();
	await row.focus();
	await expect(row).toBeFocused();
	const name = ((await row.getAttribute('aria-label')) ?? '').split(':')[0]!;
	expect(name.length).toBeGreaterThan(0);
	const details = fig.locator('.details');
	await expect(details).toContainText(name);
	await expect(details).toContainText('Source');
});

test('Enter on a forest row excludes the study, the pooled numbers change, and it can be included again', async ({
	page
}) => {
	await page.goto(PATH);
	const fig = await forestWithRows(page);
	const pooled = fig.locator('.pooled-text').last();
	const before = await pooled.textContent();
	const row = fig.locator('.study-row').first();
	const id = await row.getAttribute('data-study');
	await row.focus();
	await page.keyboard.press('Enter');
	const sameRow = fig.locator(`.study-row[data-study="${id}"]`).first();
	await expect(sameRow).toHaveAttribute('aria-label', /left out of the pooled result/);
	await expect(pooled).not.toHaveText(before ?? '');
	await fig.getByRole('button', { name: 'Reset exclusions' }).click();
	await expect(pooled).toHaveText(before ?? '');
});

test('the SVG export downloads a standalone SVG document', async ({ page }) => {
	await page.goto(PATH);
	const fig = await forestWithRows(page);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		fig.getByRole('button', { name: 'SVG' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/\.svg$/);
	const stream = await download.createReadStream();
	const chunks: Buffer[] = [];
	for await (const c of stream) chunks.push(c as Buffer);
	const svg = Buffer.concat(chunks).toString('utf8');
	expect(svg.startsWith('<svg')).toBe(true);
	expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
	const parseError = await page.evaluate(
		(text) =>
			new DOMParser().parseFromString(text, 'image/svg+xml').querySelector('parsererror')?.textContent ??
			null,
		svg
	);
	expect(parseError).toBeNull();
});

test('the table twin of a forest plot is a real table', async ({ page }) => {
	await page.goto(PATH);
	const fig = await forestWithRows(page);
	const rows = await fig.locator('.study-row').count();
	await fig.getByRole('button', { name: 'Show as table' }).click();
	const table = fig.getByRole('table');
	await expect(table).toBeVisible();
	expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(rows);
});

test.describe('accessibility', () => {
	// axe is injected as an inline script, which the site's Content-Security-Policy rightly forbids.
	test.use({ bypassCSP: true });

	test('axe-core finds no serious or critical accessibility violations', async ({ page }) => {
		await page.goto(PATH);
		await forestWithRows(page);
		const violations = await seriousViolations(page);
		expect(violations).toEqual([]);
	});
});
