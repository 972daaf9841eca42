import { expect, test, type Page } from './fixtures';
import claims from '../../data/claims.json' with { type: 'json' };
import { uploadCsv, uploadPanel } from './upload-file';

const VERDICTS =
	/supported|partly supported|not supported|contradicted|inconclusive|no trial data|not testable/;
const sentence = (page: Page, id: string) => page.locator(`#${id} [data-testid="sentence"]`);
const verdict = (page: Page, id: string) => page.locator(`#${id} [data-verdict]`).first();

test('every claim is on the page with a verdict, and each testable one has a sentence with numbers', async ({
	page
}) => {
	await page.goto('/');
	for (const c of claims.claims) {
		const card = page.locator(`#${c.id}`);
		await expect(card).toContainText(c.quote.slice(0, 30));
		await expect(verdict(page, c.id)).toHaveText(VERDICTS);
		if (c.testable) await expect(sentence(page, c.id)).toHaveText(/\d/);
		else await expect(verdict(page, c.id)).toContainText('not testable');
	}
});

test('a smaller equivalence margin changes the "sham as good" verdict; the MID does not', async ({
	page
}) => {
	await page.goto('/');
	await expect(verdict(page, 'sham-as-good')).toHaveAttribute('data-verdict', 'partly supported');
	await expect(sentence(page, 'sham-as-good')).toContainText('equivalence margin of ±10 points');
	await page.getByLabel(/Minimal important difference/).fill('2');
	await page.getByLabel(/Minimal important difference/).press('Enter');
	await page.getByLabel(/Minimal important difference/).blur();
	await expect(verdict(page, 'sham-as-good')).toHaveAttribute('data-verdict', 'partly supported');
	await page.getByLabel(/Equivalence margin/).fill('2');
	await page.getByLabel(/Equivalence margin/).press('Enter');
	await page.getByLabel(/Equivalence margin/).blur();
	await expect(verdict(page, 'sham-as-good')).toHaveAttribute('data-verdict', 'not supported');
	await expect(sentence(page, 'sham-as-good')).toContainText('±2 points');
});

test('the Hartung-Knapp interval changes the pooled numbers of a multi-trial analysis', async ({ page }) => {
	await page.goto('/');
	const before = await sentence(page, 'relieves-chronic').textContent();
	await page.getByLabel('Confidence interval').selectOption('knha');
	await expect(sentence(page, 'relieves-chronic')).not.toHaveText(before!);
	await page.getByLabel('Estimator').selectOption('FE');
	await expect(page.locator('#relieves-chronic')).toContainText(/Common effect/i);
});

test('a copied URL restores the view', async ({ page, browser }) => {
	await page.goto('/');
	await page.getByRole('combobox', { name: /^Outcome/ }).selectOption('function');
	await page.getByLabel('Estimator').selectOption('DL');
	await expect(page).toHaveURL(/outcome=function/);
	await expect(page).toHaveURL(/method=DL/);
	// The URL changes at once; the numbers once the engine (loaded on demand) has computed them.
	await expect(sentence(page, 'sham-as-good')).toContainText('back-related disability');
	const url = page.url();
	const text = await sentence(page, 'sham-as-good').textContent();
	const other = await browser.newPage();
	await other.goto(url);
	await expect(other.getByRole('combobox', { name: /^Outcome/ })).toHaveValue('function');
	await expect(other.getByLabel('Estimator')).toHaveValue('DL');
	await expect(sentence(other, 'sham-as-good')).toHaveText(text!);
	await other.close();
});

test('uploading trials in which real acupuncture clearly beats sham flips the "sham as good" verdict', async ({
	page
}) => {
	await page.goto('/');
	await expect(verdict(page, 'sham-as-good')).toHaveAttribute('data-verdict', 'partly supported');
	const header =
		'study_id,study,year,population,arm,arm_label,sham_type,outcome,scale,direction,timepoint_weeks,n,mean,sd,measure,events,rob,source,locator,notes';
	const rows = [1, 2].flatMap((i) => [
		`big${i},Big ${i},2030,chronic,acupuncture,verum,,pain,VAS_0_100,lower_better,8,400,-45,20,change,,low,pmid:${i},Table 2,synthetic test row`,
		`big${i},Big ${i},2030,chronic,sham,minimal needling,penetrating,pain,VAS_0_100,lower_better,8,400,-10,20,change,,low,pmid:${i},Table 2,synthetic test row`
	]);
	const region = uploadPanel(page);
	await uploadCsv(page, 'trials.csv', [header, ...rows].join('\n') + '\n', true);
	await expect(verdict(page, 'sham-as-good')).toHaveAttribute('data-verdict', 'contradicted');
	await expect(sentence(page, 'sham-as-good')).toContainText('35.0 points lower');
	await region.getByRole('button', { name: 'Reset to the bundled data' }).click();
	await expect(verdict(page, 'sham-as-good')).toHaveAttribute('data-verdict', 'partly supported');
});
