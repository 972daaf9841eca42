import { expect, test, type Page } from './fixtures';
import { seriousViolations } from './axe';
import claims from '../../data/claims.json' with { type: 'json' };

const TOTAL = claims.claims.length + 3; // title, claims, network, closing
const slide = (page: Page) => page.locator('section[aria-roledescription="slide"]');
const progress = (page: Page) => page.getByTestId('slide-progress');

test('the presentation moves with the arrow keys and the URL of a slide restores it', async ({ page }) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto('/?view=educator');
	await expect(progress(page)).toHaveText(`Slide 1 of ${TOTAL}`);
	await expect(page.getByRole('progressbar', { name: 'Presentation progress' })).toHaveAttribute(
		'aria-valuenow',
		'1'
	);
	await page.keyboard.press('ArrowRight');
	await expect(progress(page)).toHaveText(`Slide 2 of ${TOTAL}`);
	await page.keyboard.press('ArrowRight');
	await expect(progress(page)).toHaveText(`Slide 3 of ${TOTAL}`);
	await expect(slide(page)).toHaveAttribute('aria-label', `Slide 3 of ${TOTAL}: ${claims.claims[1]!.label}`);
	await expect(page.getByRole('heading', { level: 2, name: claims.claims[1]!.label })).toBeFocused();
	await expect(page).toHaveURL(/[?&]slide=2(&|$)/);
	await expect(page).toHaveURL(/[?&]view=educator(&|$)/);

	await page.reload();
	await expect(progress(page)).toHaveText(`Slide 3 of ${TOTAL}`);
	await expect(slide(page)).toContainText(claims.claims[1]!.quote);
	await page.keyboard.press('End');
	await expect(progress(page)).toHaveText(`Slide ${TOTAL} of ${TOTAL}`);
	await expect(slide(page).getByRole('heading', { name: 'What this means' })).toBeVisible();
	expect(errors).toEqual([]);
});

test('every claim has its slide with the quote and a verdict', async ({ page }) => {
	await page.goto('/?view=educator&slide=1');
	for (const [i, c] of claims.claims.entries()) {
		await expect(progress(page)).toHaveText(`Slide ${i + 2} of ${TOTAL}`);
		await expect(slide(page)).toContainText(c.quote);
		await expect(slide(page).locator('[data-verdict]')).toHaveCount(1);
		await page.getByRole('button', { name: /Next/ }).click();
	}
	// after the claims, the slide that builds the network, then the closing slide
	await expect(progress(page)).toHaveText(`Slide ${TOTAL - 1} of ${TOTAL}`);
	await expect(slide(page).getByRole('heading', { name: 'All the trials in one network' })).toBeVisible();
	await expect(slide(page).getByTestId('network-step')).toContainText('Trial 1 of 3');
	await slide(page).getByRole('button', { name: 'Add next trial' }).click();
	await expect(slide(page).getByTestId('network-step')).toContainText('Trial 2 of 3');
	await page.getByRole('button', { name: /Next/ }).click();
	await expect(progress(page)).toHaveText(`Slide ${TOTAL} of ${TOTAL}`);
});

test('the stepper adds the studies one by one as a cumulative meta-analysis', async ({ page }) => {
	const i = claims.claims.findIndex((c) => c.id === 'sham-as-good');
	await page.goto(`/?view=educator&slide=${i + 1}`);
	const status = page.getByTestId('step-status');
	await expect(status).toContainText(/^Study 1 of (\d+) added: pooled estimate now /);
	const k = Number((await status.textContent())!.match(/Study 1 of (\d+)/)![1]);
	expect(k).toBeGreaterThanOrEqual(2);
	const rows = slide(page).locator('svg.forest .study-row');
	await expect(rows).toHaveCount(1);
	const first = await status.textContent();
	await page.getByRole('button', { name: 'Add next study' }).click();
	await expect(status).toContainText(`Study 2 of ${k} added: pooled estimate now `);
	await expect(rows).toHaveCount(2);
	expect(await status.textContent()).not.toBe(first);
	await page.getByRole('button', { name: 'Start again' }).click();
	await expect(rows).toHaveCount(1);
	await page.locator('body').click({ position: { x: 1, y: 1 } });
	await page.keyboard.press('b');
	await expect(rows).toHaveCount(2);
	await page.getByRole('button', { name: 'Start again' }).click();
	await expect(rows).toHaveCount(1);
	await page.getByRole('button', { name: 'Show all' }).click();
	await expect(rows).toHaveCount(k);
	await expect(status).toContainText(`Study ${k} of ${k} added`);

	const explain = page.getByRole('button', { name: 'What does the diamond mean?' });
	await explain.click();
	await expect(explain).toHaveAttribute('aria-expanded', 'true');
	await expect(page.getByRole('region', { name: 'What does the diamond mean?' })).toContainText('Diamond:');
});

test('the handout is hidden on screen and printed instead of the slides', async ({ page }) => {
	await page.goto('/?view=educator&slide=2');
	const handout = page.getByTestId('handout');
	await expect(handout).toBeHidden();
	await page.emulateMedia({ media: 'print' });
	await expect(handout).toBeVisible();
	await expect(slide(page)).toBeHidden();
	await expect(page.getByRole('button', { name: 'Print handout' })).toBeHidden();
	for (const c of claims.claims) await expect(handout).toContainText(c.quote);
	await expect(handout.locator('svg.forest').first()).toBeVisible();
});

test.describe('accessibility', () => {
	// axe is injected as an inline script (path from the project root, where Playwright runs), which the site's
	// Content-Security-Policy rightly forbids.
	test.use({ bypassCSP: true });

	test('axe-core finds no serious or critical violations on a claim slide', async ({ page }) => {
		const i = claims.claims.findIndex((c) => c.id === 'sham-as-good');
		await page.goto(`/?view=educator&slide=${i + 1}`);
		await page.getByRole('button', { name: 'What does the diamond mean?' }).click();
		const violations = await seriousViolations(page);
		expect(violations).toEqual([]);
	});
});
