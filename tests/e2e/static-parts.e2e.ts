import { expect, test } from '@playwright/test';

/**
 * Parts of the prerendered page that are not hydrated with it (src/lib/components/static-part.ts): the lede, the
 * summary of findings and the twenty claim cards stay the server's HTML through the hydration task and are
 * hydrated in place in the draw queue. (This file uses Playwright's own `page.goto`: the project's waits
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

test('a card is hydrated in place: a panel opened and the focus moved before stay, on the same nodes', async ({
	page
}) => {
	// The browser is never idle in this test: a card is hydrated only when it comes near the viewport.
	await page.addInitScript(() => {
		window.requestIdleCallback = () => 0;
	});
	await page.goto('/');
	await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached' });
	const card = page.locator('[data-static] article.claim:has(details.why)').nth(6);
	const id = await card.getAttribute('id');
	// before it is hydrated, <details> works in the browser: open it and move the focus to its summary
	await card.evaluate((el) => {
		(el as HTMLElement & { mark?: string }).mark = 'the prerendered node';
		const why = el.querySelector('details.why') as HTMLDetailsElement;
		why.open = true;
		(why.querySelector('summary') as HTMLElement).focus(); // scrolls it into view: it is hydrated
	});
	await expect(page.locator(`[data-static] #${id}`)).toHaveCount(0);
	const live = page.locator(`article.claim#${id}`);
	expect(await live.evaluate((el) => (el as HTMLElement & { mark?: string }).mark)).toBe(
		'the prerendered node'
	);
	await expect(live.locator('details.why')).toHaveAttribute('open', '');
	await expect(live.locator('details.why summary')).toBeFocused();
	// the panel is the live one: its content is computed when it is open
	await expect(live.locator('details.why')).toContainText(/Why this verdict\s*\S/, { timeout: 10_000 });
});

for (const [width, height] of [
	[390, 844],
	[1280, 720]
] as const) {
	test(`a claim opened from the summary of findings stays in view while the cards above come alive (${width} px)`, async ({
		page
	}) => {
		await page.setViewportSize({ width, height });
		await page.goto('/');
		await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached' });
		await page.locator('[data-testid=sof] a[href="#worth-trying"]').click();
		// every card is hydrated and every chart drawn, above the claim too (they grow as their charts come)
		await page.waitForFunction(
			() => !document.querySelector('[data-static]') && !document.querySelector('.chart-frame [data-pending]')
		);
		await page.waitForTimeout(500);
		// (the browser anchors the scroll position to a node on screen: replacing the cards' nodes, or leaving
		// them unrendered off screen, broke that and left the claim thousands of pixels away)
		const top = await page.locator('#worth-trying').evaluate((el) => el.getBoundingClientRect().top);
		expect(Math.abs(top)).toBeLessThan(height / 4);
	});
}
