import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** An IntersectionObserver the test drives: `show(el)` reports `el` near the viewport. */
class FakeObserver {
	static last: FakeObserver | null = null;
	readonly targets = new Set<Element>();
	constructor(private readonly callback: IntersectionObserverCallback) {
		FakeObserver.last = this;
	}
	observe(el: Element) {
		this.targets.add(el);
	}
	unobserve(el: Element) {
		this.targets.delete(el);
	}
	disconnect() {}
	show(el: Element) {
		this.callback(
			[{ target: el, isIntersecting: true } as IntersectionObserverEntry],
			this as unknown as IntersectionObserver
		);
	}
}

type Queue = typeof import('../../../src/lib/charts/draw-queue');
let queue: Queue;
const el = () => document.createElement('div');

beforeEach(async () => {
	vi.useFakeTimers();
	vi.stubGlobal('IntersectionObserver', FakeObserver);
	vi.stubGlobal('requestIdleCallback', (cb: () => void) => setTimeout(cb, 0));
	vi.stubGlobal('cancelIdleCallback', (handle: ReturnType<typeof setTimeout>) => clearTimeout(handle));
	vi.resetModules(); // the queue is module state: a fresh one per test
	queue = await import('../../../src/lib/charts/draw-queue');
});
afterEach(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

describe('draw queue', () => {
	it('draws one chart per task, none in the task that registers them', () => {
		const drawn: string[] = [];
		for (const name of ['a', 'b', 'c']) queue.drawWhenNear(el(), () => drawn.push(name));
		expect(drawn).toEqual([]);
		vi.advanceTimersToNextTimer();
		expect(drawn).toEqual(['a']);
		vi.advanceTimersToNextTimer();
		expect(drawn).toEqual(['a', 'b']);
		vi.runAllTimers();
		expect(drawn).toEqual(['a', 'b', 'c']);
	});

	it('draws a chart near the viewport before the ones above it in the page', () => {
		const drawn: string[] = [];
		const els = [el(), el(), el()];
		els.forEach((e, i) => queue.drawWhenNear(e, () => drawn.push(`chart ${i}`)));
		FakeObserver.last!.show(els[2]!);
		vi.advanceTimersToNextTimer();
		expect(drawn).toEqual(['chart 2']);
		vi.runAllTimers();
		expect(drawn).toEqual(['chart 2', 'chart 0', 'chart 1']);
	});

	it('draws a chart that comes near the viewport on the next task, without waiting for the idle step', () => {
		const idle: (() => void)[] = [];
		vi.stubGlobal('requestIdleCallback', (cb: () => void) => idle.push(cb)); // the browser is busy
		vi.stubGlobal('cancelIdleCallback', (handle: number) => (idle[handle - 1] = () => {}));
		const drawn: string[] = [];
		const els = [el(), el()];
		els.forEach((e, i) => queue.drawWhenNear(e, () => drawn.push(`chart ${i}`)));
		vi.runAllTimers();
		expect(drawn).toEqual([]); // far from the viewport: they wait for the browser to be idle
		FakeObserver.last!.show(els[1]!);
		vi.advanceTimersToNextTimer();
		expect(drawn).toEqual(['chart 1']);
		idle.forEach((cb) => cb()); // the idle step asked for before was withdrawn; the one asked after draws
		expect(drawn).toEqual(['chart 1', 'chart 0']);
	});

	it('draws everything still waiting before printing', () => {
		const drawn: string[] = [];
		for (const name of ['a', 'b', 'c']) queue.drawWhenNear(el(), () => drawn.push(name));
		dispatchEvent(new Event('beforeprint'));
		expect(drawn).toEqual(['a', 'b', 'c']);
		vi.runAllTimers();
		expect(drawn).toEqual(['a', 'b', 'c']);
	});

	it('never draws a chart whose undo was called (it left the page)', () => {
		const drawn: string[] = [];
		const undo = queue.drawWhenNear(el(), () => drawn.push('gone'));
		queue.drawWhenNear(el(), () => drawn.push('kept'));
		undo();
		vi.runAllTimers();
		expect(drawn).toEqual(['kept']);
	});
});
