import { test as base, type Page } from '@playwright/test';

export { expect } from '@playwright/test';
export type { Locator, Page } from '@playwright/test';

/**
 * Waits until the prerendered page is hydrated (the layout marks <html>): a click before that would be lost; until
 * every part left as the server's HTML at hydration is live (src/lib/components/static-part.ts); and until every
 * chart has drawn (both come one per task, near the viewport first: src/lib/charts/draw-queue.ts).
 */
async function hydrated(page: Page): Promise<void> {
	await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached' });
	await page.waitForFunction(
		() => !document.querySelector('[data-static]') && !document.querySelector('.chart-frame [data-pending]')
	);
}

/** Playwright's `test` whose `page.goto` and `page.reload` return only once the page is interactive. */
export const test = base.extend({
	page: async ({ page }, use) => {
		const goto = page.goto.bind(page);
		const reload = page.reload.bind(page);
		page.goto = async (...args) => {
			const response = await goto(...args);
			await hydrated(page);
			return response;
		};
		page.reload = async (...args) => {
			const response = await reload(...args);
			await hydrated(page);
			return response;
		};
		await use(page);
	}
});
