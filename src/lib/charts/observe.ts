/**
 * One ResizeObserver for every chart on the page (docs/ARCHITECTURE.md section 7): a chart's width is read from
 * the observer's entries, after layout, never by reading `clientWidth` (which forces a synchronous layout per chart,
 * 14 of them in the hydration task before). Entries with width 0 (a hidden view) are ignored, so a chart keeps
 * its last width and does not redraw for nothing.
 */
type WidthListener = (width: number) => void;

let resize: ResizeObserver | null = null;
const widthListeners = new WeakMap<Element, WidthListener>();

/** Calls `listener` with the element's content width (whole px) now and whenever it changes; returns the undo. */
export function observeWidth(el: Element, listener: WidthListener): () => void {
	if (typeof ResizeObserver === 'undefined') return () => {};
	resize ??= new ResizeObserver((entries) => {
		for (const e of entries) {
			const box = e.contentBoxSize?.[0];
			const width = Math.round(box ? box.inlineSize : e.contentRect.width);
			if (width > 0) widthListeners.get(e.target)?.(width);
		}
	});
	widthListeners.set(el, listener);
	resize.observe(el);
	return () => {
		resize?.unobserve(el);
		widthListeners.delete(el);
	};
}
