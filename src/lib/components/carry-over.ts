/**
 * What a person may have done to an item shown as static HTML before the live item replaced it (DeferredEach):
 * opened a <details> panel (that works before hydration) or moved the focus into it. The live item is rendered
 * from the same data, so its panels and focusable elements come in the same order as the static ones.
 */
export interface ItemState {
	/** Whether each <details> was open, in document order. */
	open: boolean[];
	/** Which focusable element held the focus (in document order), or -1. */
	focus: number;
}

const FOCUSABLE = 'a[href], button, summary, input, select, textarea, [tabindex]';

export function snapshot(root: Element): ItemState {
	const active = root.ownerDocument.activeElement;
	return {
		open: [...root.querySelectorAll('details')].map((d) => d.open),
		focus: active && root.contains(active) ? [...root.querySelectorAll(FOCUSABLE)].indexOf(active) : -1
	};
}

/** The elements from `query` in the nodes strictly between `before` and `after` (siblings), in document order. */
function between(before: Node | null, after: Node | null, query: string): Element[] {
	const found: Element[] = [];
	for (let n = before?.nextSibling ?? null; n && n !== after; n = n.nextSibling)
		if (n instanceof Element) {
			if (n.matches(query)) found.push(n);
			found.push(...n.querySelectorAll(query));
		}
	return found;
}

/**
 * Gives the live item (the nodes now between `before` and `after`, where the static item was) the state of the
 * static one: each <details> open or closed as it was, the focus on the same element.
 */
export function carryOver(state: ItemState, before: Node | null, after: Node | null): void {
	if (state.open.some(Boolean))
		between(before, after, 'details').forEach((d, i) => {
			if (state.open[i]) (d as HTMLDetailsElement).open = true;
		});
	if (state.focus >= 0) (between(before, after, FOCUSABLE)[state.focus] as HTMLElement | undefined)?.focus();
}
