import { getContext, setContext } from 'svelte';
import type { IngestResult } from '$lib/data/ingest';
import { checkAddition, datasetOf, sourceOf, type DataSource } from '$lib/data/merge';
import { indexedDbStore, SAVED_VERSION, type DatasetStore, type SavedFile } from '$lib/data/persist';
import type { FileKind } from '$lib/data/schema';
import type { Dataset, Problem } from '$lib/data/types';

/** A user file in the data shown. */
export interface ShownFile {
	name: string;
	kind: FileKind;
	rows: number;
	studies: number;
	warnings: number;
}

/** Lets the page paint (e.g. the upload's status) before the data change. */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The data every analysis and chart reads: the bundled data, the user's files, or both. Uploads are applied
 * only when free of errors (the caller shows the problems); the user's files are kept in IndexedDB and come
 * back on reload (`load`); `reset` returns to the bundled data. Nothing leaves the browser. The user's files
 * stay typed tables (`source`); they become row objects only when `dataset` is read, so a large upload, which
 * the analysis worker reads from the tables, never fills the page with a million objects.
 */
export class DatasetState {
	/** The user's files shown; empty when only the bundled data are. */
	files = $state.raw<ShownFile[]>([]);
	/** Whether the bundled data are part of what is shown ("add to") or not ("replace"). */
	includeBundled = $state(true);
	/** Why saving or restoring failed, if it did (the data shown are right either way). */
	storageError = $state<string | null>(null);
	/** What is shown: the bundled rows (when included) and the user's typed tables. Replaced, never mutated. */
	source = $state.raw<DataSource>(sourceOf(0, null, []));

	readonly bundled: Dataset;
	#saved: SavedFile[] = [];
	#rows: { version: number; data: Dataset } | null = null;
	#restored: Promise<void> | null = null;

	constructor(
		bundled: Dataset,
		private readonly store: DatasetStore = indexedDbStore()
	) {
		this.bundled = bundled;
		this.source = sourceOf(0, bundled, []);
	}

	/** What is shown, as rows (bundled first, then each file): built on the first read after a change. */
	get dataset(): Dataset {
		const s = this.source;
		if (s.tables.length === 0) return s.bundled ?? this.bundled;
		if (this.#rows?.version !== s.version) this.#rows = { version: s.version, data: datasetOf(s) };
		return this.#rows.data;
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
		const blocking = [...errorsOf(results), ...checkAddition(this.source, results)];
		if (blocking.length > 0) return blocking;
		await pause(); // the check and the change of data each get their own task
		await this.#apply(results, this.#saved, this.includeBundled);
		return [];
	}

	/** Back to the bundled data; the saved files are forgotten. */
	async reset(): Promise<void> {
		await this.load();
		this.#saved = [];
		this.includeBundled = true;
		this.#compose();
		await this.#persist(() => this.store.clear());
	}

	async #apply(results: readonly IngestResult[], keep: SavedFile[], includeBundled: boolean): Promise<void> {
		const added: SavedFile[] = [];
		for (const r of results) {
			const table = r.trials ?? r.contrasts;
			if (table) added.push({ name: r.file, table, warnings: r.warnings, studies: r.studies });
		}
		this.#saved = [...keep, ...added];
		this.includeBundled = includeBundled;
		this.#compose();
		await this.#persist(() =>
			this.store.save({
				version: SAVED_VERSION,
				savedAt: Date.now(),
				includeBundled: this.includeBundled,
				files: this.#saved
			})
		);
	}

	#compose(): void {
		const saved = this.#saved;
		const base = saved.length === 0 || this.includeBundled ? this.bundled : null;
		this.source = sourceOf(
			this.source.version + 1,
			base,
			saved.map((f) => f.table)
		);
		this.files = saved.map((f) => ({
			name: f.name,
			kind: f.table.kind,
			rows: f.table.length,
			studies: f.studies.ids.length,
			warnings: f.warnings
		}));
	}

	async #restore(): Promise<void> {
		try {
			const saved = await this.store.load();
			if (!saved || saved.files.length === 0) return;
			this.#saved = saved.files;
			this.includeBundled = saved.includeBundled;
			this.#compose();
		} catch (e) {
			this.storageError = `Your saved data could not be restored (${(e as Error)?.message ?? e}).`;
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

function errorsOf(results: readonly IngestResult[]): Problem[] {
	return results.flatMap((r) =>
		r.errors > 0 || r.kind === null ? r.problems.filter((p) => p.severity === 'error') : []
	);
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
