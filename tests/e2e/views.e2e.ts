import { expect, test } from './fixtures';
import claims from '../../data/claims.json' with { type: 'json' };
import { STATISTICAL_TERMS } from '../../src/lib/components/patient/glossary';

test('the clinician view renders every claim with the full statistics', async ({ page }) => {
	await page.goto('/?view=clinician');
	for (const c of claims.claims) await expect(page.locator(`#${c.id}`)).toBeVisible();
	await expect(page.getByRole('table', { name: /Verdicts and certainty/ })).toContainText('risk of bias');
	await page.locator('#relieves-chronic summary').click();
	await expect(page.locator('#relieves-chronic')).toContainText(/τ² = \d/);
});

test('the patient view renders every claim in plain words, with no unexplained statistical term', async ({
	page
}) => {
	await page.goto('/?view=patient');
	for (const c of claims.claims) await expect(page.locator(`#${c.id}`)).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Questions to ask your clinician' })).toBeVisible();
	await expect(page.getByText(/out of 100/i).first()).toBeVisible();
	const text = await page.locator('main').evaluate((main) => {
		const out: string[] = [];
		const walk = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
		for (let n = walk.nextNode(); n; n = walk.nextNode()) {
			const el = n.parentElement!;
			if (el.closest('.term') || el.closest('[hidden]') || getComputedStyle(el).display === 'none') continue;
			out.push(n.textContent ?? '');
		}
		return out.join(' ');
	});
	for (const term of STATISTICAL_TERMS) {
		const re = new RegExp(
			`(^|[^\\p{L}\\d])${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\p{L}\\d]|$)`,
			/^[A-Z]/.test(term) && term.length <= 4 ? 'u' : 'iu'
		);
		expect(text, `"${term}" appears unexplained`).not.toMatch(re);
	}
});

test('a glossary term explains itself on focus', async ({ page }) => {
	await page.goto('/?view=patient');
	const word = page.locator('.term button', { hasText: /^sham acupuncture$/i }).first();
	await expect(word).toHaveAttribute('aria-expanded', 'false');
	await word.focus();
	await expect(word).toHaveAttribute('aria-expanded', 'true');
	await expect(page.getByRole('tooltip').filter({ hasText: 'Pretend acupuncture' }).first()).toBeVisible();
	await word.press('Escape');
	await expect(word).toHaveAttribute('aria-expanded', 'false');
});
