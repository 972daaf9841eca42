import type { Component, Snippet } from 'svelte';
import StaticPartClient from './StaticPartClient.svelte';
import StaticPartServer from './StaticPartServer.svelte';

/**
 * A part of the prerendered page that is not hydrated with it (docs/ARCHITECTURE.md section 7), for StaticFirst
 * and DeferredEach: `snippet(item, index)` in an element marked `data-static`. The server renders the part in the
 * element as usual; the browser's template of the element has no children, so hydration claims the element and
 * leaves the server's nodes in it as they are. When the draw queue gets to it (near the viewport first, then one
 * per task while the browser is idle), the part is hydrated in place, as a root of its own, and `live(true)` is
 * called; `live(false)` when it leaves the page. In place: the nodes stay, so the focus, the scroll position (the
 * browser anchors it to a node on screen) and selected text are kept.
 */
export interface StaticPartProps<T> {
	/** What the part renders (a snippet ignores the arguments it does not take). */
	snippet: Snippet<[T, number]>;
	item: T;
	index: number;
	live: (on: boolean) => void;
}

export const StaticPart = (import.meta.env.SSR ? StaticPartServer : StaticPartClient) as Component<
	StaticPartProps<unknown>
>;
