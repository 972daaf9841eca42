import '../charts/jsdom-shims';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bundledClaims } from '../../../src/lib/evidence/claims';
import { rma } from '../../../src/lib/stats';
import { ViewState } from '../../../src/lib/state/view.svelte';
import { trial } from '../../unit/evidence/factory';
import Harness from './Harness.svelte';

// Three acupuncture-vs-sham pain trials (chronic, week 8, n 100 and SD 20 per arm, so vi = 8 each), listed out of
// year order. MD = treatment minus control change: -10 (2001), -4 (2005), -16 (2009).
const data = {
	trials: [
		...trial('late2009', 'acupuncture', 'sham', -36, -20, { study: 'Late 2009', year: 2009 }),
		...trial('first2001', 'acupuncture', 'sham', -30, -20, { study: 'First 2001', year: 2001 }),
		...trial('mid2005', 'acupuncture', 'sham', -24, -20, { study: 'Mid 2005', year: 2005 })
	],
	contrasts: []
};
const claims = bundledClaims.claims;
const TOTAL = claims.length + 3; // title, claims, network, closing

function setup(slide = 0) {
	const view = new ViewState(() => data, claims);
	view.set('slide', slide);
	const r = render(Harness, { view });
	return { view, ...r };
}

const key = (k: string, init: KeyboardEventInit = {}) => fireEvent.keyDown(window, { key: k, ...init });
const progress = () => screen.getByTestId('slide-progress').textContent;
const region = () => document.querySelector('section[aria-roledescription="slide"]')!;
/** The typographic minus d3-format writes. */
const num = (x: number, digits = 1) => x.toFixed(digits).replace('-', '−');

afterEach(() => vi.restoreAllMocks());

describe('Presentation: moving between slides', () => {
	it('starts on the title slide with the progress as text and as a progress bar', () => {
		setup();
		expect(progress()).toBe(`Slide 1 of ${TOTAL}`);
		const bar = screen.getByRole('progressbar', { name: 'Presentation progress' });
		expect(bar.getAttribute('aria-valuenow')).toBe('1');
		expect(bar.getAttribute('aria-valuemax')).toBe(String(TOTAL));
		expect(region().getAttribute('aria-label')).toBe(
			`Slide 1 of ${TOTAL}: Checking the claims against the trials`
		);
		expect(screen.getByRole('button', { name: /Previous/ }).hasAttribute('disabled')).toBe(true);
	});

	it('moves with the arrow keys, names the slide after its claim and focuses its heading', async () => {
		const { view } = setup();
		await key('ArrowRight');
		await key('ArrowRight');
		await tick();
		expect(progress()).toBe(`Slide 3 of ${TOTAL}`);
		expect(view.controls.slide).toBe(2);
		expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('3');
		expect(region().getAttribute('aria-label')).toBe(`Slide 3 of ${TOTAL}: ${claims[1]!.label}`);
		expect(document.activeElement?.tagName).toBe('H2');
		expect(document.activeElement?.textContent).toBe(claims[1]!.label);
		await key('ArrowLeft');
		expect(progress()).toBe(`Slide 2 of ${TOTAL}`);
		expect(within(region() as HTMLElement).getByText(`“${claims[0]!.quote}”`)).toBeTruthy();
	});

	it('goes to the end and the start with End and Home, and one slide with Page Down and Page Up', async () => {
		const { view } = setup();
		await key('End');
		expect(progress()).toBe(`Slide ${TOTAL} of ${TOTAL}`);
		expect(screen.getByRole('heading', { level: 2, name: 'What this means' })).toBeTruthy();
		expect(screen.getByRole('button', { name: /Next/ }).hasAttribute('disabled')).toBe(true);
		await key('ArrowRight');
		expect(view.controls.slide).toBe(TOTAL - 1);
		await key('PageUp');
		expect(progress()).toBe(`Slide ${TOTAL - 1} of ${TOTAL}`);
		await key('Home');
		expect(progress()).toBe(`Slide 1 of ${TOTAL}`);
		await key('PageDown');
		expect(view.controls.slide).toBe(1);
	});

	it('leaves the keys alone while typing in a field or with a modifier held', async () => {
		const { view } = setup(3);
		const input = screen.getByRole('textbox');
		input.focus();
		await fireEvent.keyDown(input, { key: 'ArrowRight' });
		await fireEvent.keyDown(input, { key: 'End' });
		await key('ArrowRight', { ctrlKey: true });
		expect(view.controls.slide).toBe(3);
		expect(progress()).toBe(`Slide 4 of ${TOTAL}`);
	});

	it('opens on the slide kept in the URL state and clamps one past the end', async () => {
		const { view } = setup(5);
		expect(progress()).toBe(`Slide 6 of ${TOTAL}`);
		view.set('slide', 99);
		await tick();
		expect(progress()).toBe(`Slide ${TOTAL} of ${TOTAL}`);
	});

	it('moves with the Previous and Next buttons', async () => {
		const { view } = setup(1);
		await fireEvent.click(screen.getByRole('button', { name: /Next/ }));
		await fireEvent.click(screen.getByRole('button', { name: /Next/ }));
		await fireEvent.click(screen.getByRole('button', { name: /Previous/ }));
		expect(view.controls.slide).toBe(2);
	});
});

describe('Presentation: claim slides', () => {
	const backed = claims.findIndex((c) => c.id === 'backed-by-study') + 1;

	it('builds the forest plot one study at a time in year order, announcing the new pooled estimate', async () => {
		const { container } = setup(backed);
		const status = screen.getByTestId('step-status');
		expect(status.getAttribute('aria-live')).toBe('polite');
		const rows = () => [...container.querySelectorAll('.presentation .study-row')];
		expect(rows().map((r) => r.getAttribute('data-study'))).toEqual(['first2001']);
		expect(status.textContent).toContain(
			`Study 1 of 3 added: pooled estimate now ${num(-10)} points (95% CI ${num(-10 - 1.959963984540054 * Math.sqrt(8))}`
		);
		await key('b');
		const two = rma([-10, -4], [8, 8]);
		expect(status.textContent).toContain(
			`Study 2 of 3 added: pooled estimate now ${num(two.estimate)} points (95% CI ${num(two.ci.lower)} to ${num(two.ci.upper)})`
		);
		expect(status.textContent).toContain('Just added: Mid 2005');
		expect(rows().map((r) => r.getAttribute('data-study'))).toEqual(['first2001', 'mid2005']);
		await fireEvent.click(screen.getByRole('button', { name: 'Show all' }));
		expect(rows()).toHaveLength(3);
		const all = rma([-10, -4, -16], [8, 8, 8]);
		expect(status.textContent).toContain(
			`Study 3 of 3 added: pooled estimate now ${num(all.estimate)} points`
		);
		expect(screen.getByRole('button', { name: 'Add next study' }).getAttribute('aria-disabled')).toBe('true');
		await fireEvent.click(screen.getByRole('button', { name: 'Start again' }));
		expect(rows()).toHaveLength(1);
		await key(' ');
		expect(rows()).toHaveLength(2);
	});

	it('does not build the plot with B while typing', async () => {
		const { container } = setup(backed);
		await fireEvent.keyDown(screen.getByRole('textbox'), { key: 'b' });
		expect(container.querySelectorAll('.presentation .study-row')).toHaveLength(1);
	});

	it('explains the diamond in a disclosure panel', async () => {
		setup(backed);
		const button = screen.getByRole('button', { name: 'What does the diamond mean?' });
		expect(button.getAttribute('aria-expanded')).toBe('false');
		const panel = document.getElementById(button.getAttribute('aria-controls')!)!;
		expect(panel.hidden).toBe(true);
		await fireEvent.click(button);
		expect(button.getAttribute('aria-expanded')).toBe('true');
		expect(panel.hidden).toBe(false);
		expect(panel.textContent).toMatch(/Diamond:.*pooled result/);
		expect(panel.textContent).toContain('±15 points');
	});

	it('gives the reason instead of a plot for a claim trials cannot test', () => {
		const i = claims.findIndex((c) => !c.testable);
		const { container } = setup(i + 1);
		expect(region().textContent).toContain(claims[i]!.reason!);
		expect(container.querySelector('.presentation svg.forest')).toBeNull();
	});
});

describe('Presentation: full screen and handout', () => {
	it('fills the window when the Fullscreen API is missing, and Escape leaves', async () => {
		const { container } = setup();
		await fireEvent.click(screen.getByRole('button', { name: 'Full screen' }));
		expect(container.querySelector('.presentation')!.classList.contains('filled')).toBe(true);
		expect(screen.getByRole('status').textContent).toMatch(/not available/);
		await key('Escape');
		expect(screen.getByRole('button', { name: 'Full screen' })).toBeTruthy();
		expect(container.querySelector('.presentation')!.classList.contains('filled')).toBe(false);
	});

	it('asks the element for full screen when the API is there', async () => {
		const { container } = setup();
		const el = container.querySelector<HTMLElement>('.presentation')!;
		const request = vi.fn(() => Promise.resolve());
		el.requestFullscreen = request;
		Object.defineProperty(document, 'fullscreenEnabled', { configurable: true, value: true });
		try {
			await fireEvent.click(screen.getByRole('button', { name: 'Full screen' }));
			expect(request).toHaveBeenCalledOnce();
			expect(el.classList.contains('filled')).toBe(false);
		} finally {
			delete (document as { fullscreenEnabled?: boolean }).fullscreenEnabled;
		}
	});

	it('prints a handout with every claim', async () => {
		const print = vi.spyOn(window, 'print').mockImplementation(() => {});
		setup();
		await fireEvent.click(screen.getByRole('button', { name: 'Print handout' }));
		expect(print).toHaveBeenCalledOnce();
		const handout = screen.getByTestId('handout');
		for (const c of claims) expect(handout.textContent).toContain(c.quote);
		expect(handout.querySelectorAll('[data-verdict]')).toHaveLength(claims.length);
	});
});
