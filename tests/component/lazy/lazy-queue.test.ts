import { render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import DeferredHarness from './DeferredHarness.svelte';
import LazyWhatHarness from './LazyWhatHarness.svelte';
import Harness from './LazyQueueHarness.svelte';

/** Reports every observed element near the viewport on the next task, as a browser would. */
class NearObserver {
	constructor(private readonly callback: IntersectionObserverCallback) {}
	observe(el: Element) {
		setTimeout(() =>
			this.callback(
				[{ target: el, isIntersecting: true } as IntersectionObserverEntry],
				this as unknown as IntersectionObserver
			)
		);
	}
	unobserve() {}
	disconnect() {}
}

afterEach(() => {
	vi.unstubAllGlobals();
	delete document.documentElement.dataset.hydrated;
});

describe('Lazy when="queue"', () => {
	it('shows the placeholder, then loads and mounts the component in the draw queue with its props', async () => {
		vi.stubGlobal('IntersectionObserver', NearObserver);
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
	it('renders every item at once while the page hydrates (it must match the prerendered page)', () => {
		vi.stubGlobal('IntersectionObserver', NearObserver);
		render(DeferredHarness, { items: ['a', 'b'] });
		expect(screen.getByText('content a 0')).toBeTruthy();
		expect(screen.getByText('content b 1')).toBeTruthy();
		expect(screen.queryByText(/placeholder/)).toBeNull();
	});

	it('mounted after hydration, shows placeholders and mounts the items in the draw queue; later items too', async () => {
		vi.stubGlobal('IntersectionObserver', NearObserver);
		document.documentElement.dataset.hydrated = 'true';
		const { rerender } = render(DeferredHarness, { items: ['a', 'b'] });
		expect(screen.getByText('placeholder a')).toBeTruthy();
		expect(screen.getByText('placeholder b')).toBeTruthy();
		expect(screen.queryByText(/content/)).toBeNull();
		expect(await screen.findByText('content a 0')).toBeTruthy();
		expect(await screen.findByText('content b 1')).toBeTruthy();
		expect(screen.queryByText(/placeholder/)).toBeNull();
		// an item that arrives later waits for the queue too; those already shown stay
		await rerender({ items: ['a', 'b', 'c'] });
		expect(screen.getByText('placeholder c')).toBeTruthy();
		expect(screen.getByText('content a 0')).toBeTruthy();
		expect(await screen.findByText('content c 2')).toBeTruthy();
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
