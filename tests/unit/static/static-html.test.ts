import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import StaticPage from './StaticPage.svelte';

/**
 * The server side of the parts that are not hydrated with the page (src/lib/components/static-html.svelte.ts): the
 * browser side (kept as they are, then hydrated in place) is tested in tests/component/static and, on the
 * real prerendered page, in tests/e2e/home.e2e.ts.
 */
describe('static parts of the prerendered page', () => {
	const html = render(StaticPage).body;
	// In each wrapper: the {@html} block's opening comment (a hash in development), one element, its closing marker.
	const parts = [
		...html.matchAll(/<div[^>]*data-static=""[^>]*><!--[^>]*--><div>([\s\S]*?)<\/div><!----><\/div>/g)
	].map((m) => m[1]);

	it('renders each part as the live component would, with the contexts of the page around it', () => {
		expect(parts.length).toBe(3); // the StaticFirst part and two list items
		expect(parts[0]).toContain('top, told by the page');
		expect(parts[1]).toContain('item a 0, told by the page');
		expect(parts[2]).toContain('item b 1, told by the page');
		expect(html).not.toContain('placeholder');
	});

	it('holds each part in one element between the markers of a hydrated {@html} block', () => {
		// Hydration claims a {@html} block's nodes up to the first empty comment: the rendered component has
		// those at its top level, so they must be inside the one element, and every wrapper must hold one.
		expect(html.split('data-static=""').length - 1).toBe(parts.length);
		expect(parts[0]).toMatch(/<!---->/);
	});

	it('keeps the ids made inside a part apart from the page ids and from each other', () => {
		const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
		expect(ids.length).toBe(4);
		expect(new Set(ids).size).toBe(4);
	});
});
