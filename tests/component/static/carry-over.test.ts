import { describe, expect, it } from 'vitest';
import { carryOver, snapshot } from '$lib/components/carry-over';

/** A card: a link, two panels (each with a summary), a button. */
const card = (label: string) =>
	`<article><a href="#x">${label} link</a><details><summary>one</summary>1</details>` +
	`<details><summary>two</summary>2</details><button type="button">act</button></article>`;

function page() {
	document.body.innerHTML = `<main><!--before--><div id="static">${card('static')}</div><!--after--></main>`;
	const node = document.getElementById('static')!;
	const [before, after] = [node.previousSibling, node.nextSibling];
	return { node, before, after };
}

/** Replaces the static element by the live nodes, where the live item goes (between the same siblings). */
function swap(node: Element, extra = '') {
	const t = document.createElement('template');
	t.innerHTML = `<!---->${card('live')}${extra}`;
	node.replaceWith(t.content);
}

describe('carry-over from a static item to the live one', () => {
	it('opens the panels that were open and moves the focus to the same element', () => {
		const { node, before, after } = page();
		node.querySelectorAll('details')[1]!.open = true;
		node.querySelectorAll('summary')[1]!.focus();
		const state = snapshot(node);
		expect(state).toEqual({ open: [false, true], focus: 2 }); // link, summary one, summary two
		swap(node);
		carryOver(state, before, after);
		const details = document.querySelectorAll('details');
		expect([...details].map((d) => d.open)).toEqual([false, true]);
		expect(document.activeElement?.textContent).toBe('two');
		expect(document.activeElement?.closest('article')?.textContent).toContain('live link');
	});

	it('changes nothing when no panel was open and the focus was elsewhere, and looks only between the siblings', () => {
		const { node, before, after } = page();
		const outside = document.createElement('button');
		document.body.append(outside);
		outside.focus();
		const state = snapshot(node);
		expect(state).toEqual({ open: [false, false], focus: -1 });
		swap(node);
		document.body.insertAdjacentHTML('beforeend', '<details open><summary>elsewhere</summary></details>');
		carryOver(state, before, after);
		expect(document.activeElement).toBe(outside);
		expect([...document.querySelectorAll<HTMLDetailsElement>('main details')].map((d) => d.open)).toEqual([
			false,
			false
		]);
		expect(document.querySelectorAll('details[open]').length).toBe(1); // the one outside, untouched
	});
});
