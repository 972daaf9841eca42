import { expect, test } from './fixtures';
import claims from '../../data/claims.json' with { type: 'json' };

test('the home page shows the title, the explanation and every claim of the article', async ({ page }) => {
	const errors: string[] = [];
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto('/');
	await expect(page).toHaveTitle(/acupuncture/i);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('acupuncture');
	await expect(page.getByRole('main')).toBeVisible();
	await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
	expect(await page.locator('html').getAttribute('lang')).toBe('en');
	for (const claim of claims.claims) {
		await expect(page.locator(`#${claim.id}`)).toContainText(claim.quote.slice(0, 40));
	}
	expect(errors).toEqual([]);
});

test('methods and data pages are reachable from the navigation', async ({ page }) => {
	await page.goto('/');
	const nav = page.getByRole('navigation', { name: 'Main' });
	await nav.getByRole('link', { name: 'Methods' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Methods');
	await nav.getByRole('link', { name: 'Data' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Data');
});

test('a link whose query string names defaults opens a live page and is tidied to the short link', async ({
	page
}) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	// view=clinician and method=REML are the defaults: the page drops them from the address once it is live.
	await page.goto('/?view=clinician&method=REML');
	await expect(page).toHaveURL(/\/$/);
	await page.getByLabel('Estimator').selectOption('DL');
	await expect(page).toHaveURL(/\?method=DL$/);
	expect(errors).toEqual([]);
});
