/** Keyboard of the presentation: which key moves the slides or builds the forest plot. */

export type SlideAction = 'previous' | 'next' | 'first' | 'last';

const SLIDE_KEYS: Record<string, SlideAction> = {
	ArrowLeft: 'previous',
	PageUp: 'previous',
	ArrowRight: 'next',
	PageDown: 'next',
	Home: 'first',
	End: 'last'
};

/** Focus is where the person types or picks a value: keys belong to that control, not to the slides. */
export function isTypingTarget(target: EventTarget | null): boolean {
	if (!(target instanceof Element)) return false;
	if (target instanceof HTMLElement && target.isContentEditable) return true;
	return target.closest('input, select, textarea, [contenteditable="true"]') !== null;
}

/** Space already activates a focused button, link or disclosure; it must not also build the plot. */
function isActivatable(target: EventTarget | null): boolean {
	if (!(target instanceof Element)) return false;
	return (
		target.closest(
			'button, a[href], summary, [role="button"], [role="link"], [role="checkbox"], [role="tab"]'
		) !== null
	);
}

function isFree(e: KeyboardEvent): boolean {
	return !(e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented || isTypingTarget(e.target));
}

/** The slide move a key asks for, or null (modifier held, key already handled, or focus in a form field). */
export function slideAction(e: KeyboardEvent): SlideAction | null {
	return isFree(e) ? (SLIDE_KEYS[e.key] ?? null) : null;
}

/** B, or Space outside buttons and links, adds the next study to the forest plot. */
export function isStepKey(e: KeyboardEvent): boolean {
	if (!isFree(e)) return false;
	return e.key === 'b' || e.key === 'B' || (e.key === ' ' && !isActivatable(e.target));
}
