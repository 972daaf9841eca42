import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import Page from '../../src/routes/+page.svelte';

describe('home page component', () => {
	it('renders a list item per claim', () => {
		render(Page);
		expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(/acupuncture/i);
		expect(screen.getAllByRole('listitem').length).toBeGreaterThanOrEqual(10);
	});
});
