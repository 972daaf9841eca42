import { render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import DeferredHarness from './DeferredHarness.svelte';
import LazyWhatHarness from './LazyWhatHarness.svelte';
import Harness from './LazyQueueHarness.svelte';
import { far, near, release } from '../static/observers';

afterEach(() => {
	release();
	delete document.documentElement.dataset.hydrated;
});

describe('Lazy when="queue"', () => {
	it('shows the placeholder, then loads and mounts the component in the draw queue with its props', async () => {
		near();
		const load = vi.fn(() => import('$lib/components/claims/VerdictBadge.svelte'));
		const { rerender } = render(Harness, { verdict: 'supported', load: load as never });
		// Nothing is loaded in the task that mounts it (hydration): the queue decides when.
		expect(screen.getByText('Loading the charts of this claim…')).toBeTruthy();
		expect(load).not.toHaveBeenCalled();
		const badge = await screen.findByText('supported');
		expect(badge.closest('[data-verdict]')?.getAttribute('data-verdict')).toBe('supported');
		expect(screen.queryByText('Loading the charts of this claim…')).toBeNull();
		expect(load).toHaveBeenCalledTimes(1);
		// New props reach the mounted component without loading it again.
		await rerender({ verdict: 'contradicted', load: load as never });
		expect(await screen.findByText('contradicted')).toBeTruthy();
		expect(load).toHaveBeenCalledTimes(1);
	});
});

describe('DeferredEach', () => {
	const a1 = { id: 'a', v: 1 };
	const b1 = { id: 'b', v: 1 };
	const statics = () => document.querySelectorAll('[data-static]').length;

	it('while the page hydrates, keeps each item as the prerendered HTML, then mounts it live in the draw queue', async () => {
		near();
		render(DeferredHarness, { items: [a1, b1] });
		// Not rendered in the hydration task (in the browser the element holds the server's HTML: static-part.ts)
		expect(statics()).toBe(2);
		expect(screen.queryByText(/content|placeholder/)).toBeNull();
		expect(await screen.findByText('content a 1 0')).toBeTruthy();
		expect(await screen.findByText('content b 1 1')).toBeTruthy();
		expect(statics()).toBe(0);
		expect(screen.queryByText(/placeholder/)).toBeNull();
	});

	it('never leaves an item showing the HTML of old data: a changed item waits as a placeholder, for good', async () => {
		far(); // nothing is drawn in this test
		const { rerender } = render(DeferredHarness, { items: [a1, b1] });
		expect(statics()).toBe(2);
		// a's data changed (a new object), b's did not
		await rerender({ items: [{ id: 'a', v: 2 }, b1] });
		expect(screen.getByText('placeholder a')).toBeTruthy();
		expect(statics()).toBe(1);
		// back to the very object the page was rendered with: the browser cannot render its HTML again
		await rerender({ items: [a1, b1] });
		expect(screen.getByText('placeholder a')).toBeTruthy();
		expect(statics()).toBe(1);
		// an item that moved has a new number in its HTML
		await rerender({ items: [b1, a1] });
		expect(screen.getByText('placeholder b')).toBeTruthy();
		expect(statics()).toBe(0);
	});

	it('an item hydrated, removed and given again waits as a placeholder (its prerendered HTML is gone)', async () => {
		near();
		const { rerender } = render(DeferredHarness, { items: [a1, b1] });
		expect(await screen.findByText('content b 1 1')).toBeTruthy();
		await rerender({ items: [a1] });
		expect(screen.queryByText(/ b /)).toBeNull();
		await rerender({ items: [a1, b1] });
		expect(screen.getByText('placeholder b')).toBeTruthy();
		expect(await screen.findByText('content b 1 1')).toBeTruthy();
	});

	it('drops the prerendered HTML of every item when what the items read besides their data changes', async () => {
		far();
		const { rerender } = render(DeferredHarness, { props: { items: [a1, b1], context: 'q=1' } });
		expect(statics()).toBe(2);
		await rerender({ items: [a1, b1], context: 'q=2' });
		expect(statics()).toBe(0);
		expect(screen.getByText('placeholder a')).toBeTruthy();
		expect(screen.getByText('placeholder b')).toBeTruthy();
	});

	it('mounted after hydration, shows placeholders and mounts the items in the draw queue; later items too', async () => {
		near();
		document.documentElement.dataset.hydrated = 'true';
		const { rerender } = render(DeferredHarness, { items: [a1, b1] });
		expect(statics()).toBe(0);
		expect(screen.getByText('placeholder a')).toBeTruthy();
		expect(screen.getByText('placeholder b')).toBeTruthy();
		expect(screen.queryByText(/content/)).toBeNull();
		expect(await screen.findByText('content a 1 0')).toBeTruthy();
		expect(await screen.findByText('content b 1 1')).toBeTruthy();
		expect(screen.queryByText(/placeholder/)).toBeNull();
		// an item that arrives later waits for the queue too; those already shown stay
		await rerender({ items: [a1, b1, { id: 'c', v: 1 }] });
		expect(screen.getByText('placeholder c')).toBeTruthy();
		expect(screen.getByText('content a 1 0')).toBeTruthy();
		expect(await screen.findByText('content c 1 2')).toBeTruthy();
	});
});

describe('Lazy what=', () => {
	it('contains an error of the loaded part in its own boundary: a located message, the rest stays', async () => {
		const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
		render(LazyWhatHarness);
		expect(
			await screen.findByText(/The chart of this analysis could not be shown: no data for this chart/)
		).toBeTruthy();
		expect(screen.getByText('the rest of the page')).toBeTruthy();
		expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
		errors.mockRestore();
	});
});
