// jsdom has no ResizeObserver (Svelte's bind:clientWidth uses one) and no layout, so charts fall back to
// their default width of 720 px. This no-op stand-in only lets them mount.
class NoResizeObserver {
	observe() {}
	unobserve() {}
	disconnect() {}
}
globalThis.ResizeObserver ??= NoResizeObserver as unknown as typeof ResizeObserver;
