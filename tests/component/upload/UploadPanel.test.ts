import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageIngest, type IngestFn } from '$lib/state/ingest-client';
import { parseFile } from '$lib/data/parse-file';
import { memoryStore } from '$lib/data/persist';
import type { DatasetState } from '$lib/state/dataset.svelte';
import { trials } from '../../unit/data/helpers';
import Harness from './Harness.svelte';

const bundled = { trials: parseFile(trials([{}, {}]), 'trials.csv').trials, contrasts: [] };
const mine = trials([{ study_id: 'mine2024', study: 'Mine 2024' }]);

function setup(ingest: IngestFn = pageIngest) {
	let state!: DatasetState;
	const store = memoryStore();
	render(Harness, { bundled, store, ingest, expose: (s: DatasetState) => (state = s) });
	return { state: () => state, store };
}

function choose(...files: File[]) {
	const input = screen.getByLabelText(/choose trials\.csv/i, { selector: 'input' }) as HTMLInputElement;
	Object.defineProperty(input, 'files', { value: files, configurable: true });
	return fireEvent.change(input);
}

afterEach(() => vi.restoreAllMocks());

/** A blob's text (jsdom's Blob has no text()). */
function readBlob(blob: Blob): Promise<string> {
	return new Promise((resolve) => {
		const reader = new FileReader();
		reader.onload = () => resolve(reader.result as string);
		reader.readAsText(blob);
	});
}

describe('UploadPanel', () => {
	it('says which data are shown, offers the file picker, both modes, templates and the codebook', () => {
		setup();
		expect(screen.getByText(/Data shown:/).parentElement?.textContent).toMatch(
			/the bundled data \(2 arm-level rows and 0 contrast rows\)/
		);
		expect(screen.getByLabelText(/choose trials\.csv/i, { selector: 'input' })).toHaveProperty(
			'multiple',
			true
		);
		expect(screen.getByRole('radio', { name: /add to the data shown/ })).toHaveProperty('checked', true);
		expect(screen.getByRole('radio', { name: /replace the data shown/ })).toHaveProperty('checked', false);
		expect(screen.getByRole('button', { name: 'trials.csv template' })).toBeTruthy();
		expect(screen.getByRole('link', { name: 'codebook' }).getAttribute('href')).toBe('#upload-codebook');
		expect(screen.getByText('Codebook: the columns of both files')).toBeTruthy();
	});

	it('keeps the data shown when a file has errors, and lists the problems sortably', async () => {
		const { state } = setup();
		const before = state().dataset;
		await choose(new File([trials([{ arm: 'shame' }, { sd: '-3', study_id: 'x' }])], 'broken.csv'));
		const alert = await screen.findByRole('alert');
		expect(alert.textContent).toBe('Not loaded: broken.csv (2 errors). The data shown have not changed.');
		expect(state().dataset).toBe(before);
		const table = screen.getByRole('table', { name: /Problems found/ });
		const rows = within(table).getAllByRole('row').slice(1);
		expect(rows.map((r) => r.children[2]?.textContent)).toEqual(['2', '3']);
		expect(rows[0]!.textContent).toContain('unknown arm "shame"; did you mean "sham"?');

		const line = within(table).getByRole('button', { name: 'Line' });
		expect(line.closest('th')?.getAttribute('aria-sort')).toBe('ascending');
		await fireEvent.click(line);
		expect(line.closest('th')?.getAttribute('aria-sort')).toBe('descending');
		const sorted = within(table).getAllByRole('row').slice(1);
		expect(sorted.map((r) => r.children[2]?.textContent)).toEqual(['3', '2']);
	});

	it('downloads the problems as CSV with formula-like cells neutralised, and the templates', async () => {
		setup();
		const blobs: Blob[] = [];
		URL.createObjectURL = vi.fn((b: Blob) => (blobs.push(b), 'blob:x'));
		URL.revokeObjectURL = vi.fn();
		vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
		await choose(new File([trials([{ mean: '=1+2' }])], 'bad.csv'));
		await screen.findByRole('alert');
		await fireEvent.click(screen.getByRole('button', { name: 'Download the problems (CSV)' }));
		const text = await readBlob(blobs[0]!);
		expect(text).toContain(`error,bad.csv,2,mean,'=1+2,"mean must be a number, got ""=1+2"""`);

		await fireEvent.click(screen.getByRole('button', { name: 'trials.csv template' }));
		const template = await readBlob(blobs[1]!);
		expect(template.startsWith('study_id,study,year,')).toBe(true);
		expect(template).toContain('example_brinkhaus2006,Example (Brinkhaus 2006),2006,chronic,acupuncture');
	});

	it('adds a valid file, replaces with another, and resets to the bundled data', async () => {
		const { state, store } = setup();
		await choose(new File([mine], 'mine.csv'));
		// A one-arm study loads, with a located warning that no analysis can use it (as on the command line).
		expect((await screen.findByRole('status')).textContent).toBe('Loaded mine.csv: 1 row (1 warning).');
		expect(screen.getByRole('table', { name: /Problems found/ }).textContent).toMatch(
			/study "mine2024" is left out: only one arm/
		);
		expect(state().dataset.trials.map((r) => r.study_id)).toEqual([
			'brinkhaus2006',
			'brinkhaus2006',
			'mine2024'
		]);
		expect(screen.getByText(/Data shown:/).parentElement?.textContent).toMatch(
			/your file mine\.csv with the bundled data \(3 arm-level rows/
		);
		expect((await store.load())?.files.map((f) => f.name)).toEqual(['mine.csv']);

		await fireEvent.click(screen.getByRole('radio', { name: /replace the data shown/ }));
		await choose(new File([trials([{ study_id: 'other2025' }])], 'other.csv'));
		await waitFor(() => expect(state().dataset.trials.map((r) => r.study_id)).toEqual(['other2025']));

		await fireEvent.click(screen.getByRole('button', { name: 'Reset to the bundled data' }));
		await waitFor(() => expect(state().dataset.trials).toBe(bundled.trials));
		expect(await store.load()).toBeUndefined();
	});

	it('refuses to add a study that is already shown', async () => {
		const { state } = setup();
		await choose(new File([trials([{}])], 'again.csv'));
		expect((await screen.findByRole('alert')).textContent).toMatch(/^Not loaded: again\.csv \(1 error\)/);
		expect(screen.getByRole('table', { name: /Problems found/ }).textContent).toContain(
			'study "brinkhaus2006" is already in the bundled data (line 2)'
		);
		expect(state().dataset.trials).toHaveLength(2);
	});

	it('accepts files dropped on it', async () => {
		const { state } = setup();
		const zone = screen.getByRole('group', { name: /choose trials\.csv/i });
		await fireEvent.drop(zone, { dataTransfer: { files: [new File([mine], 'dropped.csv')] } });
		await waitFor(() => expect(state().files.map((f) => f.name)).toEqual(['dropped.csv']));
	});

	it('shows a progress bar while reading, and hides it after', async () => {
		let release!: () => void;
		const slow: IngestFn = async (files, onProgress) => {
			onProgress({ index: 0, file: 'big.csv', loaded: 50, total: 200 });
			await new Promise<void>((resolve) => (release = resolve));
			return pageIngest(files, () => {});
		};
		setup(slow);
		await choose(new File([mine], 'big.csv'));
		const bar = await screen.findByRole('progressbar', { name: /Reading big\.csv/ });
		expect([bar.getAttribute('value'), bar.getAttribute('max')]).toEqual(['50', String(mine.length)]);
		expect(bar.closest('label')?.textContent).toMatch(/Reading big\.csv… +\d+%/);
		release();
		await screen.findByRole('status');
		expect(screen.queryByRole('progressbar')).toBeNull();
	});

	it('cancels the file being read: says so, reads nothing and keeps the data shown', async () => {
		let aborted = false;
		const endless: IngestFn = (_files, onProgress, signal) => {
			onProgress({ index: 0, file: 'big.csv', loaded: 10, total: 200 });
			return new Promise((resolve) =>
				signal?.addEventListener('abort', () => {
					aborted = true;
					resolve(null);
				})
			);
		};
		const { state } = setup(endless);
		const before = state().dataset;
		await choose(new File([mine], 'big.csv'));
		await screen.findByRole('progressbar', { name: /Reading big\.csv/ });
		await fireEvent.click(screen.getByRole('button', { name: 'Cancel reading' }));
		expect(aborted).toBe(true);
		expect((await screen.findByRole('alert')).textContent).toBe(
			'Cancelled: big.csv not read. The data shown have not changed.'
		);
		expect(screen.queryByRole('progressbar')).toBeNull();
		expect(state().dataset).toBe(before);
	});

	it('a file dropped while another is read waits its turn, says so, and is read after it', async () => {
		const releases: (() => void)[] = [];
		const slow: IngestFn = async (files, onProgress) => {
			onProgress({ index: 0, file: files[0]!.name, loaded: 1, total: 2 });
			await new Promise<void>((resolve) => releases.push(resolve));
			return pageIngest(files, () => {});
		};
		const { state } = setup(slow);
		await choose(new File([mine], 'first.csv'));
		await screen.findByRole('progressbar', { name: /Reading first\.csv/ });
		const zone = screen.getByRole('group', { name: /choose trials\.csv/i });
		const other = trials([{ study_id: 'other2025', study: 'Other 2025' }]);
		await fireEvent.drop(zone, { dataTransfer: { files: [new File([other], 'second.csv')] } });
		expect((await screen.findByText(/^Waiting:/)).textContent).toMatch(
			/^Waiting: second\.csv will be read when first\.csv is done \(cancel that to read it now\)\./
		);
		releases.shift()!();
		await screen.findByRole('progressbar', { name: /Reading second\.csv/ });
		expect(screen.queryByText(/^Waiting:/)).toBeNull();
		await waitFor(() => expect(releases).toHaveLength(1));
		releases.shift()!();
		await waitFor(() => expect(state().files.map((f) => f.name)).toEqual(['first.csv', 'second.csv']));
		// The study checks run in slices after the data are added: the message follows them.
		await waitFor(() =>
			expect(screen.getAllByRole('status').map((p) => p.textContent)).toEqual(
				expect.arrayContaining([
					'Loaded first.csv: 1 row (1 warning).',
					'Loaded second.csv: 1 row (1 warning).'
				])
			)
		);
	});
});
