import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import StaticPage from './StaticPage.svelte';

/**
 * The server side of the parts that are not hydrated with the page (src/lib/components/static-part.ts): the
 * browser side (kept as they are, then hydrated in place) is tested in tests/component/static and, on the real
 * prerendered page, in tests/e2e/static-parts.e2e.ts.
 */
describe('static parts of the prerendered page', () => {
	const html = render(StaticPage).body;
	// In each element: the part between the comments that hydrate() looks for at the start and the end of a root.
	const parts = [...html.matchAll(/<div data-static=""><!--\[-->([\s\S]*?)<!--\]--><\/div>/g)].map(
		(m) => m[1]
	);

	it('renders each part as the live component would, with the contexts of the page around it', () => {
		expect(parts.length).toBe(3); // the StaticFirst part and two list items
		expect(parts[0]).toContain('top, told by the page');
		expect(parts[1]).toContain('item a 0, told by the page');
		expect(parts[2]).toContain('item b 1, told by the page');
		expect(html).not.toContain('placeholder');
	});

	it('writes every part between the comments of a root, so that hydrate() can claim it later', () => {
		// (an {#if} around the part would write "<!--[0-->", which hydrate() does not take for a root's start)
		expect(html.split('data-static=""').length - 1).toBe(parts.length);
	});

	it('keeps the ids made inside the parts apart from the page ids and from each other', () => {
		const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
		expect(ids.length).toBe(4);
		expect(new Set(ids).size).toBe(4);
	});
});
