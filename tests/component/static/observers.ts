import { vi } from 'vitest';

/**
 * The draw queue (src/lib/charts/draw-queue.ts) makes one IntersectionObserver per page and keeps it, so tests
 * switch what it reports instead of stubbing a new class per test: 'near' reports every observed element near the
 * viewport on the next task, as a browser would; 'far' reports nothing.
 */
let mode: 'near' | 'far' = 'near';
const idle: IdleRequestCallback[] = [];

class TestObserver {
	constructor(private readonly callback: IntersectionObserverCallback) {}
	observe(el: Element) {
		if (mode === 'far') return;
		setTimeout(() =>
			this.callback(
				[{ target: el, isIntersecting: true } as IntersectionObserverEntry],
				this as unknown as IntersectionObserver
			)
		);
	}
	unobserve() {}
	disconnect() {}
}

/** Elements are reported near the viewport (and jsdom has no idle callbacks: the queue draws on the next task). */
export function near(): void {
	mode = 'near';
	vi.stubGlobal('IntersectionObserver', TestObserver);
}

/** Nothing is near the viewport and the browser is never idle: the queue draws nothing until `release`. */
export function far(): void {
	mode = 'far';
	vi.stubGlobal('IntersectionObserver', TestObserver);
	vi.stubGlobal('requestIdleCallback', (cb: IdleRequestCallback) => idle.push(cb));
	vi.stubGlobal('cancelIdleCallback', (handle: number) => (idle[handle - 1] = () => {}));
}

/** Lets the queue run again (call after each test). */
export function release(): void {
	vi.unstubAllGlobals();
	mode = 'near';
	for (const cb of idle.splice(0)) cb({ didTimeout: true, timeRemaining: () => 0 });
}
