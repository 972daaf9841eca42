/**
 * When each chart draws (docs/ARCHITECTURE.md section 7: no main-thread task over 50 ms). A chart frame shows its
 * caption and text summary at once; its drawing waits here: charts that come within half a viewport of the
 * screen draw first, then the others while the browser is idle, one chart per task, so no mount (hydration,
 * an audience switch) draws two dozen charts in one task. Without IntersectionObserver (tests, old browsers)
 * a chart draws at once.
 */
interface Entry {
	el: Element;
	draw: () => void;
	near: boolean;
}

const queue: Entry[] = [];
let near: IntersectionObserver | null = null;
/** The next step: on the next task (something is near the viewport), when the browser is idle, or none. */
let scheduled: 'task' | 'idle' | null = null;
let idleHandle = 0;

/**
 * True once the page has hydrated (the layout marks `<html data-hydrated>` when it mounts, after the page): what
 * mounts from then on was not in the prerendered page and may wait for the queue.
 */
export function pageHydrated(): boolean {
	return typeof document !== 'undefined' && document.documentElement.dataset.hydrated === 'true';
}

/** Calls `draw` once, when `el` comes near the viewport or the browser is idle; returns the undo. */
export function drawWhenNear(el: Element, draw: () => void): () => void {
	if (typeof IntersectionObserver === 'undefined') {
		draw();
		return () => {};
	}
	if (!near) addEventListener('beforeprint', drawAll); // a printout shows every chart
	near ??= new IntersectionObserver(
		(entries) => {
			for (const e of entries)
				if (e.isIntersecting) {
					const found = queue.find((q) => q.el === e.target);
					if (found) found.near = true;
				}
			schedule();
		},
		{ rootMargin: '50% 0px' }
	);
	const entry: Entry = { el, draw, near: false };
	queue.push(entry);
	near.observe(el);
	schedule();
	return () => forget(entry);
}

function forget(entry: Entry): void {
	const i = queue.indexOf(entry);
	if (i >= 0) queue.splice(i, 1);
	near?.unobserve(entry.el);
}

function drawAll(): void {
	for (const q of queue.splice(0)) {
		near?.unobserve(q.el);
		q.draw();
	}
}

function schedule(): void {
	if (queue.length === 0) return;
	const soon = queue.some((q) => q.near) || typeof requestIdleCallback === 'undefined';
	// A chart that comes near the viewport does not wait for the idle step already asked for (up to a second).
	if (scheduled === 'task' || (scheduled === 'idle' && !soon)) return;
	if (scheduled === 'idle') cancelIdleCallback(idleHandle);
	scheduled = soon ? 'task' : 'idle';
	if (soon) setTimeout(step, 0);
	else idleHandle = requestIdleCallback(step, { timeout: 1000 });
}

/** Draws one chart: the first near the viewport, else the first on the page. */
function step(): void {
	scheduled = null;
	const next = queue.find((q) => q.near) ?? queue[0];
	if (next) {
		forget(next);
		next.draw();
	}
	schedule();
}
