import { render } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import Harness from './Harness.svelte';

describe('Boundary (svelte:boundary around each claim card, chart and panel)', () => {
	it('replaces only the throwing part with a located message; the rest of the page stays rendered', () => {
		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		const { container, getByRole } = render(Harness);
		expect(getByRole('alert').textContent).toContain(
			'Claim 2 (Sham works as well) could not be shown: vi[0] must be finite and > 0.'
		);
		const text = container.textContent!;
		expect(text).toContain('Before');
		expect(text).toContain('Claim 3 is fine');
		expect(text).toContain('After');
		expect(log).toHaveBeenCalled();
		log.mockRestore();
	});
});
