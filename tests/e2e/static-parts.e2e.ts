import { expect, test } from '@playwright/test';

/**
 * Parts of the prerendered page that are not hydrated with it (src/lib/components/static-html.ts): the lede, the
 * summary of findings and the twenty claim cards stay the server's HTML through the hydration task and are
 * swapped for live parts in the draw queue. (This file uses Playwright's own `page.goto`: the project's waits
 * until every part is live.)
 */

/** Records, at the layout's `hydrated` mark (the end of hydration), the text of each static part. */
const atHydration = `
	const mark = performance.mark.bind(performance);
	performance.mark = (name, options) => {
		if (name === 'hydrated')
			window.__static = [...document.querySelectorAll('[data-static]')].map((e) => e.textContent.replace(/\\s+/g, ' ').trim());
		return mark(name, options);
	};`;

test('the lede, the summary of findings and every claim card are not hydrated with the page, then become live unchanged', async ({
	page
}) => {
	const warnings: string[] = [];
	page.on('console', (m) => ['warning', 'error'].includes(m.type()) && warnings.push(m.text()));
	page.on('pageerror', (e) => warnings.push(e.message));
	await page.addInitScript(atHydration);
	await page.goto('/');
	await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached' });
	const statics = (await page.evaluate('window.__static')) as string[];
	expect(statics.length).toBe(22);
	await page.waitForFunction(() => !document.querySelector('[data-static]'));
	// each live card says what its prerendered HTML said (the buttons were disabled and are now live)
	const squash = (t: string | null | undefined) => (t ?? '').replace(/\s+/g, ' ').trim();
	const cards = await page
		.locator('article.claim')
		.evaluateAll((els) =>
			els.map((e) => [
				e.querySelector('header')?.textContent ?? '',
				e.querySelector('.sentence')?.textContent ?? ''
			])
		);
	expect(cards.length).toBe(20);
	cards.forEach(([header, sentence], i) => {
		expect(statics[i + 2]).toContain(squash(header));
		expect(statics[i + 2]).toContain(squash(sentence));
	});
	// the glossary terms of the lede work once it is live
	await expect(page.locator('.lede button').first()).toBeEnabled();
	expect(warnings.filter((w) => /hydrat|mismatch|svelte/i.test(w))).toEqual([]);
});

test('a panel opened and focused in a card before it is live stays open and focused in the live card', async ({
	page
}) => {
	// The browser is never idle in this test: a card goes live only when it comes near the viewport.
	await page.addInitScript(() => {
		window.requestIdleCallback = () => 0;
	});
	await page.goto('/');
	await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached' });
	const card = page.locator('[data-static] article.claim:has(details.why)').nth(6);
	const id = await card.getAttribute('id');
	// before hydration reaches it, <details> works in the browser: open it and move the focus to its summary
	await card.evaluate((el) => {
		const why = el.querySelector('details.why') as HTMLDetailsElement;
		why.open = true;
		(why.querySelector('summary') as HTMLElement).focus(); // scrolls it into view: it goes live
	});
	const live = page.locator(`article.claim#${id}`);
	await expect(page.locator(`[data-static] #${id}`)).toHaveCount(0);
	await expect(live.locator('details.why')).toHaveAttribute('open', '');
	await expect(live.locator('details.why summary')).toBeFocused();
	// its content is the live panel's (computed only while the panel is open)
	await expect(live.locator('details.why')).toContainText(/./, { timeout: 10_000 });
});
