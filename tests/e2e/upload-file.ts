import { expect, type Page } from './fixtures';

/** The upload panel of the main page. */
export const uploadPanel = (page: Page) => page.getByRole('region', { name: 'Load your own data' });

/**
 * Chooses a CSV file in the upload panel once the panel is live (it loads when it comes near the viewport, and
 * a file chosen before hydration would be dropped by the prerendered input); `replace` first picks "replace the
 * data shown".
 */
export async function uploadCsv(page: Page, name: string, text: string, replace = false): Promise<void> {
	const panel = uploadPanel(page);
	await panel.scrollIntoViewIfNeeded();
	await expect(panel.locator('.upload[data-ready="true"]')).toBeVisible();
	if (replace) await panel.getByLabel('replace the data shown').check();
	await panel
		.locator('input[type=file]')
		.setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}
