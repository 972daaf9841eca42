import './jsdom-shims';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import RobSummary from '../../../src/lib/charts/RobSummary.svelte';
import { serializeSvg } from '../../../src/lib/charts/export-svg';
import { study } from '../../unit/charts/studies';

afterEach(() => vi.restoreAllMocks());

/** jsdom's Blob has no text(): read it with its FileReader. */
function text(blob: Blob): Promise<string> {
	return new Promise((resolve) => {
		const r = new FileReader();
		r.onload = () => resolve(String(r.result));
		r.readAsText(blob);
	});
}

/** Capture what the export writes: the Blob given to URL.createObjectURL and the link's file name. */
function captureDownloads() {
	const blobs: Blob[] = [];
	const names: string[] = [];
	URL.createObjectURL = vi.fn((b: Blob) => {
		blobs.push(b);
		return 'blob:test';
	});
	URL.revokeObjectURL = vi.fn();
	vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
		names.push(this.download);
	});
	return { blobs, names };
}

describe('chart export', () => {
	it('serialises the rendered SVG as a standalone document with inline styles', () => {
		const { container } = render(RobSummary, { studies: [study('a', 0, 1, 50)] });
		const text = serializeSvg(container.querySelector('svg.chart')!);
		expect(text.startsWith('<svg')).toBe(true);
		expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
		expect(text).toContain('viewBox="0 0 320 ');
		expect(text).toContain('style="');
		expect(text).not.toContain('class=');
	});

	it('an exported chart carries its title, the data source and the settings, as text (never markup)', () => {
		const { container } = render(RobSummary, { studies: [study('a', 0, 1, 50)] });
		const text = serializeSvg(container.querySelector('svg.chart')!, {
			title: 'Risk of bias <b>x</b>',
			lines: ['Data: the bundled trials', 'Settings: REML; MID 15']
		});
		const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
		const root = doc.documentElement;
		const texts = [...root.children].filter((e) => e.localName === 'text').map((e) => e.textContent);
		expect(texts).toEqual(['Risk of bias <b>x</b>', 'Data: the bundled trials', 'Settings: REML; MID 15']);
		expect(root.querySelector('b')).toBeNull();
		// The chart itself is nested below the title, and the document is taller than the chart by the caption.
		const chart = [...root.children].find((e) => e.localName === 'svg')!;
		expect(Number(chart.getAttribute('y'))).toBeGreaterThan(0);
		expect(Number(root.getAttribute('height'))).toBeGreaterThan(Number(chart.getAttribute('height')));
	});

	it('downloads SVG and a CSV whose formula-like cells are neutralised', async () => {
		const { blobs, names } = captureDownloads();
		render(RobSummary, {
			studies: [
				study('a', 0, 1, 50, { study: '=HYPERLINK("http://evil")' }),
				study('b', 0, 1, 50, { study: 'Smith, 2001' })
			],
			title: 'RoB'
		});
		await fireEvent.click(screen.getByRole('button', { name: 'SVG' }));
		// The SVG exporter loads on the first click.
		await waitFor(() => expect(names).toEqual(['rob.svg']));
		await fireEvent.click(screen.getByRole('button', { name: 'CSV data' }));
		expect(names).toEqual(['rob.svg', 'rob.csv']);
		expect((await text(blobs[0]!)).startsWith('<svg')).toBe(true);
		expect(await text(blobs[1]!)).toBe(
			'Study,Overall risk of bias\r\n"\'=HYPERLINK(""http://evil"")",low risk of bias\r\n"Smith, 2001",low risk of bias\r\n'
		);
	});
});
