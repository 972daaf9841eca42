import { afterEach, describe, expect, it } from 'vitest';
import { load as serverLoad } from '../../../src/routes/+page.server';
import { load } from '../../../src/routes/+page';

const packed = serverLoad();
const pageLoad = () => load({ data: packed });

afterEach(() => {
	delete document.documentElement.dataset.hydrated;
});

describe("the main page's data", () => {
	it('arrive packed in one string and unpack to the bundled rows and their build-time statistics', async () => {
		expect(typeof packed.packed).toBe('string');
		const page = await pageLoad();
		expect(page.bundled.trials.length).toBeGreaterThan(0);
		expect(page.bundled.rob?.length).toBeGreaterThan(0);
		expect(page.prerendered.results.length).toBe(20);
		// shared objects stay shared (devalue keeps references): an analysis appears once however often it is used
		const first = page.prerendered.results.find((r) => r.analyses.length > 0)!;
		expect(page.prerendered.analyses).toContain(first.analyses[0]);
	});

	it('on the first load, hand over a task later, so the page hydrates in a task of its own', async () => {
		let done = false;
		const loading = pageLoad().then(() => (done = true));
		for (let i = 0; i < 10; i++) await Promise.resolve(); // every microtask of this task
		expect(done).toBe(false);
		await loading;
		expect(done).toBe(true);
	});

	it('after the first load (a navigation back to the page), hand over at once', async () => {
		document.documentElement.dataset.hydrated = 'true';
		let done = false;
		const loading = pageLoad().then(() => (done = true));
		for (let i = 0; i < 10; i++) await Promise.resolve();
		expect(done).toBe(true);
		await loading;
	});
});
