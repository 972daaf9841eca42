import { seriousViolations } from './axe';
import { expect, test, type Page } from './fixtures';

/** Every page and view the site has. */
const PAGES = [
	['clinician', '/'],
	['patient', '/?view=patient'],
	['educator title', '/?view=educator'],
	['educator claim', '/?view=educator&slide=2'],
	['educator time course', '/?view=educator&slide=7'],
	['methods', '/methods'],
	['data', '/data'],
	['article', '/article']
] as const;
const SIZES = [
	{ width: 390, height: 844 },
	{ width: 1440, height: 900 },
	{ width: 1280, height: 720 },
	{ width: 1920, height: 1080 }
] as const;

/** The page's widest box against the window: scrolling sideways is possible when it is wider. */
const widths = (page: Page) =>
	page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));

for (const size of SIZES) {
	test.describe(`at ${size.width}x${size.height}`, () => {
		test.use({ viewport: size });
		for (const [name, path] of PAGES) {
			test(`${name}: no horizontal scrolling`, async ({ page }) => {
				await page.goto(path);
				const w = await widths(page);
				expect(w.scroll, `${path} is ${w.scroll} px wide in a ${w.inner} px window`).toBeLessThanOrEqual(
					w.inner
				);
			});
		}
	});
}

test('the data tables’ captions can be read whole on a 390 px phone (the tables scroll sideways, not their captions)', async ({
	page
}) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto('/data');
	const captions = page.locator('table caption .cap');
	await expect(captions.first()).toBeVisible();
	for (const box of await captions.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right)))
		expect(box).toBeLessThanOrEqual(390);
});

test('the network graph’s labels stay inside the drawing on a 390 px phone', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto('/');
	const graph = page.locator('svg.nma-graph');
	await graph.scrollIntoViewIfNeeded();
	await expect(graph.locator('g.node text')).toHaveCount(4);
	const { svg, labels } = await graph.evaluate((s) => ({
		svg: s.getBoundingClientRect().toJSON(),
		labels: [...s.querySelectorAll('g.node text')].map((t) => t.getBoundingClientRect().toJSON())
	}));
	for (const l of labels) {
		expect(l.left).toBeGreaterThanOrEqual(svg.left);
		expect(l.right).toBeLessThanOrEqual(svg.right);
		expect(l.bottom).toBeLessThanOrEqual(svg.bottom);
		expect(l.top).toBeGreaterThanOrEqual(svg.top);
	}
});

/** Every chart of every slide, in full screen: inside the window and above the presentation controls. */
for (const size of SIZES.filter((s) => s.width >= 1280)) {
	test(`slides at ${size.width}x${size.height} full screen: every chart inside the screen, none under the controls`, async ({
		page
	}) => {
		await page.setViewportSize(size);
		await page.goto('/?view=educator');
		await page.getByRole('button', { name: 'Full screen' }).click();
		const total = Number(
			(await page
				.locator('.presentation')
				.getByText(/Slide \d+ of (\d+)/)
				.textContent())!.match(/of (\d+)/)![1]
		);
		const problems: string[] = [];
		for (let s = 0; s < total; s++) {
			const boxes = await page.evaluate(() => {
				const bar = document.querySelector('.presentation .bar')!.getBoundingClientRect();
				return [...document.querySelectorAll('.presentation svg.chart')].map((e) => {
					const r = e.getBoundingClientRect();
					return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, bar: bar.top };
				});
			});
			for (const b of boxes)
				if (b.left < 0 || b.top < 0 || b.right > size.width || b.bottom > b.bar)
					problems.push(`slide ${s + 1}: chart at ${JSON.stringify(b)}`);
			await page.keyboard.press('ArrowRight');
		}
		expect(problems).toEqual([]);
	});
}

test('the printed handout fits in 4 A4 pages and 4 Letter pages', async ({ page }) => {
	await page.goto('/?view=educator');
	await page.emulateMedia({ media: 'print' });
	for (const format of ['A4', 'Letter']) {
		const pdf = (await page.pdf({ format, printBackground: true })).toString('latin1');
		const pages = pdf.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
		expect(pages, format).toBeGreaterThan(0);
		expect(pages, format).toBeLessThanOrEqual(4);
	}
});

test.describe('summary of findings', () => {
	test.use({ viewport: { width: 1440, height: 900 } });
	test('is visible without scrolling at 1440x900, with verdicts and numbers', async ({ page }) => {
		await page.goto('/');
		const sof = page.getByTestId('sof');
		await expect(sof).toBeInViewport();
		const firstRow = sof.locator('tbody tr').first();
		await expect(firstRow).toBeInViewport({ ratio: 1 });
		await expect(firstRow).toContainText(/supported|inconclusive|contradicted/);
		await expect(firstRow).toContainText(/95% CI/);
	});
});

test('an exclusion shows the banner in every view, marks the claims it changes and survives a reload', async ({
	page
}) => {
	await page.goto('/?exclude=brinkhaus2006');
	for (const view of ['Clinician', 'Patient', 'Educator']) {
		await page.getByRole('button', { name: new RegExp(`^${view}`) }).click();
		await expect(page.getByTestId('exclusion-banner')).toHaveText(
			/1 study excluded: Brinkhaus 2006 \(undo\)/
		);
	}
	await page.getByRole('button', { name: /^Clinician/ }).click();
	await expect(page.getByTestId('sof-excluded').first()).toContainText('without Brinkhaus 2006');
	await page.waitForURL(/exclude=brinkhaus2006/);
	await page.reload();
	await expect(page.getByTestId('exclusion-banner')).toContainText('Brinkhaus 2006');
	await page
		.getByTestId('exclusion-banner')
		.getByRole('button', { name: 'Include Brinkhaus 2006 again' })
		.click();
	await expect(page.getByTestId('exclusion-banner')).toHaveCount(0);
	await expect(page).not.toHaveURL(/exclude=/);
});

test.describe('axe-core', () => {
	test.use({ bypassCSP: true });
	for (const size of [SIZES[0], SIZES[1]]) {
		for (const [name, path] of PAGES) {
			test(`${name} at ${size.width}x${size.height}: no serious or critical violations`, async ({ page }) => {
				await page.setViewportSize(size);
				await page.goto(path);
				expect(await seriousViolations(page)).toEqual([]);
			});
		}
	}
});
