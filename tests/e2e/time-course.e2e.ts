import { expect, test } from './fixtures';
import claims from '../../data/claims.json' with { type: 'json' };

const CLAIM = 'six-to-eight-weeks';

test('the time-course chart shows the pooled estimates at the listed weeks, with a keyboard path', async ({
	page
}) => {
	await page.goto('/');
	const fig = page.locator(`#${CLAIM}`).getByRole('figure', { name: /^Time course:/ });
	await expect(fig).toBeVisible();
	// The bundled data reach weeks 1 to 10 for real acupuncture vs no treatment: pooled at weeks 2, 4 and 8.
	const pooled = fig.locator('path.pooled title');
	await expect(pooled).toHaveText([
		'real acupuncture vs no treatment, pooled, week 2',
		'real acupuncture vs no treatment, pooled, week 4',
		'real acupuncture vs no treatment, pooled, week 8'
	]);
	await expect(fig.locator('path.ci-band')).toHaveCount(1);
	await expect(fig.locator('rect.mid-band')).toHaveCount(1);
	await expect(fig.locator('path.end-marker')).not.toHaveCount(0);

	// Table twin: the same weeks as rows of the pooled estimate.
	await fig.getByRole('button', { name: 'Show as table' }).click();
	const rows = fig.getByRole('row').filter({ hasText: 'pooled' });
	await expect(rows).toHaveCount(3);
	await expect(rows.nth(0)).toContainText('2');
	await expect(fig.getByRole('row').filter({ hasText: 'end of treatment' }).first()).toBeVisible();

	// Keyboard path: the chart takes focus, the arrow keys step through the pooled estimates.
	const svg = fig.locator('svg.time-course');
	await svg.focus();
	await expect(fig.locator('.readout')).toHaveText(/week 2: /);
	await page.keyboard.press('ArrowRight');
	await expect(fig.locator('.readout')).toHaveText(/week 4: /);
	await page.keyboard.press('End');
	await expect(fig.locator('.readout')).toHaveText(/week 8: /);
});

test("the verdict's sentence names the week the groups separated and what the trials cannot say", async ({
	page
}) => {
	await page.goto('/');
	const sentence = page.locator(`#${CLAIM} [data-testid="sentence"]`);
	await expect(sentence).toContainText(/first excludes no difference at week 2\b/);
	await expect(sentence).toContainText('not measured at week 26, not measured at week 52');
	await expect(sentence).toContainText('responder trajectories');
	await expect(sentence).not.toHaveText(/week \d+\.\d{2,}/);
});

test('the educator slide builds the time course step by step', async ({ page }) => {
	const index = claims.claims.findIndex((c) => c.id === CLAIM);
	await page.goto(`/?view=educator&slide=${index + 1}`);
	const group = page.getByRole('group', { name: 'Build the time course' });
	const steps = group.getByTestId('time-steps').locator('li');
	await expect(steps).toHaveCount(1);
	await expect(steps.first()).toContainText("one trial's difference");
	for (let i = 0; i < 3; i++) await group.getByRole('button', { name: 'Add next step' }).click();
	await expect(steps).toHaveCount(4);
	await expect(steps.nth(3)).toContainText('week 2');
	await group.getByRole('button', { name: 'Show all' }).click();
	await expect(steps.last()).toContainText('responder trajectories');
});
