import { savedStatus } from './saved';
import { expect, test, type Page } from './fixtures';
import { TRIAL_COLUMNS } from '../../src/lib/data/schema';
import { uploadCsv, uploadPanel } from './upload-file';

// The user's data live in one IndexedDB record shared by every tab of the site (src/lib/data/persist.ts).

const header = TRIAL_COLUMNS.map((c) => c.name).join(',');
const file = (id: string) =>
	[
		header,
		...['acupuncture', 'usual_care'].map(
			(arm) =>
				`${id},${id} 2024,2024,chronic,${arm},"${arm}, 8 sessions",,,pain,VAS_0_100,lower_better,8,60,-20.5,30.3,change,,low,pmid:1,Table 2,,,`
		)
	].join('\n') + '\n';

const panel = uploadPanel;
const shown = (page: Page) => panel(page).locator('.shown');

async function upload(page: Page, name: string, text: string) {
	await uploadCsv(page, name, text);
	await expect(panel(page).getByRole('status')).toHaveText(`Loaded ${name}: 2 rows.`);
}

test('an upload in one tab is announced in the other, which shows the new data on request', async ({
	page
}) => {
	const other = await page.context().newPage();
	await page.goto('/');
	await panel(page).scrollIntoViewIfNeeded(); // the panel loads when it comes near the viewport
	await other.goto('/');
	await panel(other).scrollIntoViewIfNeeded(); // the panel loads when it comes near the viewport
	await other.locator('html[data-hydrated="true"]').waitFor({ state: 'attached' });

	await upload(page, 'first.csv', file('firsttab2024'));
	const notice = other.getByRole('alert').filter({ hasText: 'changed in another tab' });
	await expect(notice).toContainText(
		'The data saved in this browser were changed in another tab (a new upload or a reset).'
	);
	await expect(shown(other)).toContainText('Data shown: the bundled data');
	await notice.getByRole('button', { name: 'Show the saved data' }).click();
	await expect(shown(other)).toContainText('your file first.csv with the bundled data');
	await expect(notice).toHaveCount(0);

	// And the other way round: the second tab's upload replaces what the first tab shows in storage.
	await upload(other, 'second.csv', file('secondtab2024'));
	const back = page.getByRole('alert').filter({ hasText: 'changed in another tab' });
	await expect(back).toBeVisible();
	await expect(shown(page)).toContainText('your file first.csv with the bundled data');
	await back.getByRole('button', { name: 'Show the saved data' }).click();
	await expect(shown(page)).toContainText('your files first.csv, second.csv with the bundled data');
	await other.close();
});

test('an upload whose analysis did not finish is offered after a reload, not shown by itself', async ({
	page
}) => {
	await page.goto('/');
	await panel(page).scrollIntoViewIfNeeded(); // the panel loads when it comes near the viewport
	await upload(page, 'mine.csv', file('unfinished2024'));
	// Once the analyses are on screen the saved data are marked analysed...
	await expect.poll(() => savedStatus(page)).toBe('ok');
	await page.reload();
	await panel(page).scrollIntoViewIfNeeded(); // the panel loads when it comes near the viewport
	await expect(shown(page)).toContainText('your file mine.csv with the bundled data');
	await expect.poll(() => savedStatus(page)).toBe('ok');

	// ...so data still marked 'analysing' are what a page that hung, crashed or was closed mid-analysis leaves.
	await savedStatus(page, 'analysing');
	await page.reload();
	await panel(page).scrollIntoViewIfNeeded(); // the panel loads when it comes near the viewport
	const offer = page.getByRole('alert').filter({ hasText: 'did not finish analysing' });
	await expect(offer).toContainText('Your last upload (mine.csv) did not finish analysing');
	await expect(shown(page)).toContainText('Data shown: the bundled data');
	await page.reload();
	await panel(page).scrollIntoViewIfNeeded(); // the panel loads when it comes near the viewport
	await expect(offer).toBeVisible(); // still offered, never applied by itself

	await offer.getByRole('button', { name: 'Try again' }).click();
	await expect(shown(page)).toContainText('your file mine.csv with the bundled data');
	await expect.poll(() => savedStatus(page)).toBe('ok');

	await savedStatus(page, 'analysing');
	await page.reload();
	await panel(page).scrollIntoViewIfNeeded(); // the panel loads when it comes near the viewport
	await offer.getByRole('button', { name: 'Discard it' }).click();
	await expect(offer).toHaveCount(0);
	await expect(shown(page)).toContainText('Data shown: the bundled data');
	expect(await savedStatus(page)).toBe(null);
});
