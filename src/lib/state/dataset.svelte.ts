import { getContext, setContext } from 'svelte';
import type { IngestResult } from '$lib/data/ingest';
import { checkAddition, type DataSource } from '$lib/data/merge';
import { contrastRows, trialRows } from '$lib/data/rows';
import { indexedDbStore, SAVED_VERSION, type DatasetStore, type SavedFile } from '$lib/data/persist';
import type { FileKind } from '$lib/data/schema';
import type { ArmRow, ContrastRow, Dataset, Problem } from '$lib/data/types';

/** A user file in the data shown. */
export interface ShownFile {
	name: string;
	kind: FileKind;
	rows: number;
	studies: number;
	warnings: number;
}

interface Part {
	saved: SavedFile;
	trials: ArmRow[];
	contrasts: ContrastRow[];
}

/** Rows turned into objects per slice, between which the main thread is free (no task over ~50 ms). */
const SLICE = 10_000;
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The data every analysis and chart reads: the bundled data, the user's files, or both. Uploads are applied
 * only when free of errors (the caller shows the problems); the user's files are kept in IndexedDB and come
 * back on reload (`load`); `reset` returns to the bundled data. Nothing leaves the browser.
 */
export class DatasetState {
	/** What is shown. Replaced as a whole, never mutated. */
	dataset = $state.raw<Dataset>({ trials: [], contrasts: [] });
	/** The user's files shown; empty when only the bundled data are. */
	files = $state.raw<ShownFile[]>([]);
	/** Whether the bundled data are part of what is shown ("add to") or not ("replace"). */
	includeBundled = $state(true);
	/** True while restoring or applying files. */
	busy = $state(false);
	/** Why saving or restoring failed, if it did (the data shown are right either way). */
	storageError = $state<string | null>(null);

	/** The same data as the bundled rows plus the user's typed tables, for the analysis worker. */
	source = $state.raw<DataSource>({ version: 0, bundled: null, tables: [], rows: 0 });

	readonly bundled: Dataset;
	#parts: Part[] = [];
	#restored: Promise<void> | null = null;

	constructor(
		bundled: Dataset,
		private readonly store: DatasetStore = indexedDbStore()
	) {
		this.bundled = bundled;
		this.dataset = bundled;
		this.source = sourceOf(0, bundled, []);
	}

	/** True when only the bundled data are shown. */
	get isBundled(): boolean {
		return this.files.length === 0;
	}

	/** Restores the user's data saved by an earlier visit (once; later calls wait for the first). */
	load(): Promise<void> {
		return (this.#restored ??= this.#restore());
	}

	/** Shows only these files. Returns the problems that prevent it (then nothing changes). */
	async replace(results: readonly IngestResult[]): Promise<Problem[]> {
		await this.load();
		await pause();
		const blocking = errorsOf(results);
		if (blocking.length > 0) return blocking;
		await this.#apply(results, [], false);
		return [];
	}

	/** Adds these files to the data shown. Returns the problems that prevent it (then nothing changes). */
	async add(results: readonly IngestResult[]): Promise<Problem[]> {
		await this.load();
		await pause();
		const blocking = [...errorsOf(results), ...checkAddition(this.dataset, results)];
		if (blocking.length > 0) return blocking;
		await this.#apply(results, this.#parts, this.includeBundled);
		return [];
	}

	/** Back to the bundled data; the saved files are forgotten. */
	async reset(): Promise<void> {
		await this.load();
		this.#parts = [];
		this.includeBundled = true;
		this.#compose();
		await this.#persist(() => this.store.clear());
	}

	async #apply(results: readonly IngestResult[], keep: Part[], includeBundled: boolean): Promise<void> {
		this.busy = true;
		try {
			const added: Part[] = [];
			for (const r of results) {
				const table = r.trials ?? r.contrasts;
				if (table)
					added.push(await toPart({ name: r.file, table, warnings: r.warnings, studies: r.studies }));
			}
			this.#parts = [...keep, ...added];
			this.includeBundled = includeBundled;
			this.#compose();
		} finally {
			this.busy = false;
		}
		await this.#persist(() =>
			this.store.save({
				version: SAVED_VERSION,
				savedAt: Date.now(),
				includeBundled: this.includeBundled,
				files: this.#parts.map((p) => p.saved)
			})
		);
	}

	#compose(): void {
		const parts = this.#parts;
		const base: Dataset = this.includeBundled ? this.bundled : { trials: [], contrasts: [] };
		this.dataset =
			parts.length === 0
				? this.bundled
				: {
						trials: base.trials.concat(...parts.map((p) => p.trials)),
						contrasts: base.contrasts.concat(...parts.map((p) => p.contrasts))
					};
		const tables = parts.length === 0 ? [] : parts.map((p) => p.saved.table);
		this.source = sourceOf(this.source.version + 1, parts.length === 0 ? this.bundled : base, tables);
		this.files = this.#parts.map(({ saved }) => ({
			name: saved.name,
			kind: saved.table.kind,
			rows: saved.table.length,
			studies: saved.studies.ids.length,
			warnings: saved.warnings
		}));
	}

	async #restore(): Promise<void> {
		try {
			const saved = await this.store.load();
			if (!saved || saved.files.length === 0) return;
			this.busy = true;
			const parts: Part[] = [];
			for (const f of saved.files) parts.push(await toPart(f));
			this.#parts = parts;
			this.includeBundled = saved.includeBundled;
			this.#compose();
		} catch (e) {
			this.storageError = `Your saved data could not be restored (${(e as Error)?.message ?? e}).`;
		} finally {
			this.busy = false;
		}
	}

	async #persist(f: () => Promise<void>): Promise<void> {
		try {
			await f();
			this.storageError = null;
		} catch (e) {
			this.storageError = `Your data are shown but could not be saved in this browser (${(e as Error)?.message ?? e}).`;
		}
	}
}

function sourceOf(version: number, base: Dataset, tables: DataSource['tables']): DataSource {
	const rows = base.trials.length + base.contrasts.length + tables.reduce((n, t) => n + t.length, 0);
	return { version, bundled: base.trials.length + base.contrasts.length > 0 ? base : null, tables, rows };
}

function errorsOf(results: readonly IngestResult[]): Problem[] {
	return results.flatMap((r) =>
		r.errors > 0 || r.kind === null ? r.problems.filter((p) => p.severity === 'error') : []
	);
}

/** A saved file with its rows as objects, built in slices so the page stays responsive. */
async function toPart(saved: SavedFile): Promise<Part> {
	const t = saved.table;
	const trials: ArmRow[] = [];
	const contrasts: ContrastRow[] = [];
	for (let from = 0; from < t.length; from += SLICE) {
		if (t.length > SLICE) await pause();
		const to = Math.min(t.length, from + SLICE);
		if (t.kind === 'trials') for (const r of trialRows(t, from, to)) trials.push(r);
		else for (const r of contrastRows(t, from, to)) contrasts.push(r);
	}
	return { saved, trials, contrasts };
}

const KEY = Symbol('dataset');

/** Provides the dataset state to the components below (call in a layout or page, once). */
export function setDatasetContext(state: DatasetState): DatasetState {
	return setContext(KEY, state);
}

/** The dataset state provided by an ancestor with setDatasetContext. */
export function getDatasetContext(): DatasetState {
	const state = getContext<DatasetState | undefined>(KEY);
	if (!state)
		throw new Error('No dataset: call setDatasetContext(new DatasetState(...)) in a parent layout or page.');
	return state;
}
