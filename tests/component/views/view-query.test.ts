import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../../src/cli/summarize';
import { bundledClaims } from '$lib/evidence/claims';
import { ViewState } from '$lib/state/view.svelte';

const { data: bundled } = loadFiles([]);

describe('ViewState.fromQuery', () => {
	it('keeps the controls object when the URL says what it already holds (nothing recomputes at hydration)', () => {
		const view = new ViewState(() => bundled, bundledClaims.claims);
		const before = view.controls;
		view.fromQuery('');
		expect(view.controls).toBe(before);
		view.set('method', 'DL');
		const changed = view.controls;
		view.fromQuery('?method=DL');
		expect(view.controls).toBe(changed);
		view.fromQuery('?method=PM&nma_sham_split=1');
		expect(view.controls).not.toBe(changed);
		expect(view.controls.method).toBe('PM');
		expect(view.controls.nmaShamSplit).toBe(true);
	});
});
