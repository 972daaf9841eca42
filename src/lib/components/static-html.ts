import { tick, type Snippet } from 'svelte';
import { render } from 'svelte/server';
import { drawWhenNear } from '$lib/charts/draw-queue';
import { carryOver, snapshot } from './carry-over';
import RenderSnippet from './RenderSnippet.svelte';

/**
 * Parts of the prerendered page that are not hydrated with it (docs/ARCHITECTURE.md section 7): StaticFirst and
 * DeferredEach show such a part as the server's HTML, kept as it is by a hydrated `{@html}` block, and swap it
 * for the live part in the draw queue (near the viewport first, then one per task while the browser is idle).
 */

/**
 * The HTML of `snippet(item, index)` rendered on the server with the contexts of the component that calls it,
 * in one element (hydration claims a `{@html}` block's nodes up to the first empty comment among them, and a
 * rendered component has those at its top level). In the browser it returns a non-empty marker: a hydrated
 * `{@html}` block keeps the server's nodes and does not read its value, so the browser never renders it.
 * `idPrefix` keeps the ids that `$props.id()` makes inside it apart from the page's.
 */
export function staticHtml<T>(
	snippet: Snippet<[T, number]>,
	item: T,
	index: number,
	context: Map<unknown, unknown>,
	idPrefix: string
): string {
	if (!import.meta.env.SSR) return '<!--static-->';
	return `<div>${render(RenderSnippet<T>, { props: { snippet, item, index }, context, idPrefix }).body}</div>`;
}

/**
 * An action for the element that holds a static part: when the draw queue gets to it, `goLive` replaces it
 * with the live part, which then gets the open panels and the focus the static one had (carry-over.ts). The
 * element must be the only node of its branch, so that the live part takes its place between its siblings.
 */
export function swapWhenNear(node: HTMLElement, goLive: () => void) {
	return {
		destroy: drawWhenNear(node, () => {
			const state = snapshot(node);
			const [before, after] = [node.previousSibling, node.nextSibling];
			goLive();
			void tick().then(() => carryOver(state, before, after));
		})
	};
}
