import { hydrate, mount, unmount, type Snippet } from 'svelte';
import { render } from 'svelte/server';
import { drawWhenNear } from '$lib/charts/draw-queue';
import RenderSnippet from './RenderSnippet.svelte';

/**
 * Parts of the prerendered page that are not hydrated with it (docs/ARCHITECTURE.md section 7). StaticFirst and
 * DeferredEach show such a part as the server's HTML, kept as it is by a hydrated `{@html}` block, and hydrate it
 * in place, as a root of its own, when the draw queue gets to it (near the viewport first, then one per task while
 * the browser is idle). In place: the nodes stay, so the focus, the scroll position (the browser anchors it to a
 * node on screen) and text being selected are kept.
 */

/** What a static part renders: `snippet(item, index)` (a snippet ignores the arguments it does not take). */
export interface Part<T> {
	snippet: Snippet<[T, number]>;
	item: T;
	index: number;
	/** The contexts of the component that shows the part. */
	context: Map<unknown, unknown>;
}

/**
 * The part rendered on the server, in one element (hydration claims a `{@html}` block's nodes up to the first
 * empty comment among them, and a rendered component has those at its top level). In the browser it returns a
 * non-empty marker: a hydrated `{@html}` block keeps the server's nodes and does not read its value. `idPrefix`
 * keeps the ids that `$props.id()` makes inside apart from the page's.
 */
export function staticHtml<T>(part: Part<T>, idPrefix: string): string {
	if (!import.meta.env.SSR) return '<!--static-->';
	const { snippet, item, index, context } = part;
	return `<div>${render(RenderSnippet<T>, { props: { snippet, item, index }, context, idPrefix }).body}</div>`;
}

/**
 * An action for the element holding a static part (with the part as its parameter): when the draw queue gets to
 * it, the part is hydrated in place and `live(true)` is called; from then on the part follows the parameter's item
 * and index, until the element leaves the page (`live(false)`). A <details> panel opened before (it works without script) is opened again: hydration sets it to the
 * component's state. Where the element holds no server HTML (a test that mounts the page in the browser), the part
 * is mounted in it.
 */
export function hydrateWhenNear<T>(node: HTMLElement, part: Part<T> & { live: (on: boolean) => void }) {
	const props = $state({ snippet: part.snippet, item: part.item, index: part.index });
	let app: Record<string, unknown> | null = null;
	const undo = drawWhenNear(node, () => {
		const open = [...node.querySelectorAll('details')].filter((d) => d.open);
		const target = node.querySelector(':scope > div');
		const options = { props, context: part.context };
		app = target
			? hydrate(RenderSnippet<T>, { ...options, target })
			: mount(RenderSnippet<T>, { ...options, target: node });
		for (const d of open) if (d.isConnected) d.open = true;
		part.live(true);
	});
	return {
		update(next: Part<T>) {
			props.snippet = next.snippet;
			props.item = next.item;
			props.index = next.index;
		},
		destroy() {
			undo();
			if (!app) return;
			void unmount(app);
			part.live(false);
		}
	};
}
