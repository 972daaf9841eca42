import { render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { far, near, release } from './observers';
import Harness from './StaticFirstHarness.svelte';

afterEach(() => {
	release();
	delete document.documentElement.dataset.hydrated;
});

const statics = () => document.querySelectorAll('[data-static]').length;

describe('StaticFirst', () => {
	it('while the page hydrates, keeps its part as the prerendered HTML, then makes it live in the draw queue', async () => {
		near();
		render(Harness, { value: 'x' });
		expect(statics()).toBe(1);
		expect(screen.queryByText('live x')).toBeNull();
		expect(await screen.findByText('live x')).toBeTruthy();
		expect(statics()).toBe(0);
	});

	it('goes live at once when what it shows changes before its turn, and stays live', async () => {
		far(); // the queue never gets to it
		const { rerender } = render(Harness, { value: 'x' });
		expect(statics()).toBe(1);
		await rerender({ value: 'y' });
		expect(statics()).toBe(0);
		expect(screen.getByText('live y')).toBeTruthy();
		await rerender({ value: 'x' }); // the browser cannot render the prerendered HTML again
		expect(statics()).toBe(0);
		expect(screen.getByText('live x')).toBeTruthy();
	});

	it('mounted after hydration (a navigation back to the page), is live from the start', () => {
		far();
		document.documentElement.dataset.hydrated = 'true';
		render(Harness, { value: 'x' });
		expect(statics()).toBe(0);
		expect(screen.getByText('live x')).toBeTruthy();
	});
});
