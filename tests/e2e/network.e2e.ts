import { expect, test, type Page } from './fixtures';
import { uploadCsv } from './upload-file';

const section = (page: Page) => page.getByRole('region', { name: 'Network meta-analysis' });
const side = (page: Page) => page.getByTestId('side-table');

test('the network section shows the league table and SIDE for the bundled trials', async ({ page }) => {
	await page.goto('/');
	await expect(section(page)).toBeVisible();
	await expect(section(page).getByText('League table: row versus column')).toBeVisible();
	await expect(section(page).locator('svg.league .cell')).toHaveCount(16); // 4 treatments
	await expect(side(page).locator('tbody tr')).toHaveCount(6);
	await expect(side(page)).toContainText('real acupuncture vs no treatment');
	await expect(section(page).getByTestId('nma-stats')).toContainText('3 trials, 4 treatments');
	await expect(section(page).getByTestId('nma-certainty').locator('tbody tr')).toHaveCount(6);
});

test('a node choice is kept in the URL, so a reload or a shared link shows the same network', async ({
	page
}) => {
	await page.goto('/');
	const split = section(page).getByLabel(/Sham split by type/);
	await split.check();
	await expect(page).toHaveURL(/nma_sham_split=1/);
	await page.reload();
	await expect(section(page).getByLabel(/Sham split by type/)).toBeChecked();
	await expect(section(page).getByLabel(/Waiting list apart/)).not.toBeChecked();
});

test('excluding a study recomputes the network', async ({ page }) => {
	await page.goto('/?exclude=haake2007');
	await expect(section(page).getByTestId('nma-stats')).toContainText('2 trials, 3 treatments');
	await expect(section(page).locator('svg.league .cell')).toHaveCount(9);
	await expect(side(page)).not.toContainText('usual care');
	await expect(section(page)).toContainText('Haake 2007: left out (excluded by you)');
});

test('uploaded trials in which sham-vs-none disagrees with the indirect evidence show incoherence', async ({
	page
}) => {
	await page.goto('/');
	const header =
		'study_id,study,year,population,arm,arm_label,sham_type,outcome,scale,direction,timepoint_weeks,n,mean,sd,measure,events,rob,source,locator,notes';
	const row = (id: string, arm: string, mean: number, sham = '') =>
		`${id},${id},2030,chronic,${arm},${arm},${sham},pain,VAS_0_100,lower_better,8,200,${mean},20,change,,low,pmid:1,Table 2,synthetic test row`;
	const rows = [1, 2].flatMap((i) => [
		// real vs sham: no difference; real vs none: real 20 points better -> indirect sham vs none about -20
		row(`as${i}`, 'acupuncture', -30),
		row(`as${i}`, 'sham', -30, 'penetrating'),
		row(`an${i}`, 'acupuncture', -30),
		row(`an${i}`, 'no_treatment', -10),
		// direct sham vs none: sham 20 points worse than nothing
		row(`sn${i}`, 'sham', 10, 'penetrating'),
		row(`sn${i}`, 'no_treatment', -10)
	]);
	await uploadCsv(page, 'trials.csv', [header, ...rows].join('\n') + '\n', true);
	await expect(section(page).getByTestId('nma-stats')).toContainText('6 trials, 3 treatments');
	const incoherent = side(page).locator('tr.incoherent');
	await expect(incoherent).toHaveCount(3);
	await expect(side(page)).toContainText('incoherent: direct and indirect disagree');
	await expect(section(page).getByTestId('nma-certainty')).toContainText('incoherence: major concerns');
});

test('a network of thousands of uploaded trials comes from the worker as designs, with its certainty', async ({
	page
}) => {
	test.setTimeout(120_000);
	await page.goto('/');
	// 2,100 real-vs-sham, 500 real-vs-none and 10 three-arm trials: 5,230 rows (the worker analyses them), more
	// than 2,000 trials in one analysis (sent capped) and more than 300 in the network (sent without its trials).
	const header =
		'study_id,study,year,population,arm,arm_label,sham_type,outcome,scale,direction,timepoint_weeks,n,mean,sd,measure,events,rob,source,locator,notes';
	const row = (id: string, arm: string, mean: number, sham = '') =>
		`${id},Trial ${id},2030,chronic,${arm},${arm},${sham},pain,VAS_0_100,lower_better,8,100,${mean},20,change,,low,pmid:1,Table 2,synthetic test row`;
	const rows: string[] = [];
	for (let i = 0; i < 2610; i++) {
		const id = `t${i}`;
		const real = row(id, 'acupuncture', -25 - (i % 7));
		if (i < 2100) rows.push(real, row(id, 'sham', -20 - (i % 5), 'penetrating'));
		else if (i < 2600) rows.push(real, row(id, 'no_treatment', -8 - (i % 3)));
		else rows.push(real, row(id, 'sham', -21, 'penetrating'), row(id, 'no_treatment', -9));
	}
	await uploadCsv(page, 'trials.csv', [header, ...rows].join('\n') + '\n', true);
	const nma = section(page);
	await expect(nma.getByTestId('nma-stats')).toContainText('2,610 trials, 3 treatments', { timeout: 60_000 });
	await expect(nma.getByTestId('nma-per-trial')).toContainText("each trial's contribution is not drawn");
	// the graph: one line per comparison weighted by its trials, one shaded area for the ten three-arm trials
	await expect(nma).toContainText('2,110 trials compared real acupuncture with sham acupuncture');
	await expect(nma).toContainText('10 multi-arm trials (shaded)');
	await expect(nma.locator('svg.nma-graph polygon.multi-arm')).toHaveCount(1);
	// CINeMA certainty of each of the 3 comparisons, computed by the worker from every trial's contribution
	await expect(nma.getByTestId('nma-certainty').locator('tbody tr')).toHaveCount(3, { timeout: 60_000 });
});
