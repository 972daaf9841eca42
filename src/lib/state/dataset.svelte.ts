import { getContext, setContext } from 'svelte';
import { nextTask as pause } from '$lib/data/next-task'; // lets the page paint (the upload's status) before the data change
import type { IngestResult } from '$lib/data/ingest';
import { checkAddition, datasetOf, sourceOf, type DataSource } from '$lib/data/merge';
import {
	indexedDbStore,
	newStamp,
	SAVED_VERSION,
	type DatasetStore,
	type SavedDataset,
	type SavedFile
} from '$lib/data/persist';
import type { FileKind } from '$lib/data/schema';
import type { Dataset, Problem } from '$lib/data/types';
import { broadcastTabs, silentTabs, type TabChannel } from './tab-channel';

/** A user file in the data shown. */
export interface ShownFile {
	name: string;
	kind: FileKind;
	rows: number;
	studies: number;
	warnings: number;
}

/** Saved data that were not shown because their analysis did not finish on an earlier visit. */
export interface UnfinishedUpload {
	names: string[];
	savedAt: number;
}

/**
 * The data every analysis and chart reads: the bundled data, the user's files, or both. Uploads are applied
 * only when free of errors (the caller shows the problems); the user's files are kept in IndexedDB and come
 * back on reload (`load`); `reset` returns to the bundled data. Nothing leaves the browser. The user's files
 * stay typed tables (`source`); they become row objects only when `dataset` is read, so a large upload, which
 * the analysis worker reads from the tables, never fills the page with a million objects.
 *
 * Saved data carry a status: 'analysing' until the page reports their analyses done (`markAnalysed`), so data
 * whose analysis hung or crashed the page are offered on the next visit (`unfinished`), not shown again by
 * themselves. Each save has a stamp that it announces to the site's other tabs: a tab whose data were replaced
 * in storage by another tab says so (`replacedElsewhere`) instead of silently showing what is no longer saved.
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
	/** True when another tab saved other data (or reset) since this tab showed its own. */
	replacedElsewhere = $state(false);
	/** Saved data held back because their analysis did not finish last time (offered: retry or discard). */
	unfinished = $state.raw<UnfinishedUpload | null>(null);

	readonly bundled: Dataset;
	#saved: SavedFile[] = [];
	#rows: { version: number; data: Dataset } | null = null;
	#restored: Promise<void> | null = null;
	/** The stamp of the saved data this tab shows or holds back (null: nothing saved). */
	#stamp: string | null = null;
	/** The saved data held back (`unfinished`). */
	#held: SavedDataset | null = null;
	/** The data version whose analyses the page has not yet reported done. */
	#analysing: number | null = null;
	readonly #unlisten: () => void;

	readonly #store: DatasetStore;
	readonly #tabs: TabChannel;

	/**
	 * Keeps the user's data in `store` (default: this browser's IndexedDB) and tells the other tabs through
	 * `tabs` (default: the site's BroadcastChannel; none when the caller brings its own store, as tests do).
	 */
	constructor(bundled: Dataset, store?: DatasetStore, tabs?: TabChannel) {
		this.#store = store ?? indexedDbStore();
		this.#tabs = tabs ?? (store ? silentTabs() : broadcastTabs());
		this.bundled = bundled;
		this.source = sourceOf(0, bundled, []);
		this.#unlisten = this.#tabs.listen((stamp) => this.#heard(stamp));
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
		this.#forget();
		this.#show([], true);
		await this.#persist(() => this.#store.clear());
		this.#tabs.post(null);
	}

	/**
	 * The page calls this once every analysis of data version `version` is on screen: the saved data are then
	 * marked analysed, so they come back by themselves on the next visit.
	 */
	async markAnalysed(version: number): Promise<void> {
		const stamp = this.#stamp;
		if (this.#analysing !== version || stamp === null) return;
		this.#analysing = null;
		await this.#persist(() => this.#store.setStatus(stamp, 'ok'));
	}

	/** Shows the data held back in `unfinished` (their analysis runs again). */
	async retryUnfinished(): Promise<void> {
		const held = this.#held;
		if (!held) return;
		this.#held = null;
		this.unfinished = null;
		this.#show(held.files, held.includeBundled);
		this.#analysing = this.source.version;
	}

	/** Forgets the data held back in `unfinished`: the bundled data stay shown. */
	async discardUnfinished(): Promise<void> {
		if (!this.#held) return;
		this.#forget();
		await this.#persist(() => this.#store.clear());
		this.#tabs.post(null);
	}

	/** Shows what is saved now (after another tab replaced it), even while that tab still analyses them. */
	async showSaved(): Promise<void> {
		this.replacedElsewhere = false;
		await (this.#restored = this.#restore(true));
	}

	/** Keeps showing this tab's data although another tab saved others (the notice goes away). */
	dismissReplaced(): void {
		this.replacedElsewhere = false;
	}

	/** Asks storage whether another tab saved other data (for browsers that missed or lack the tab message). */
	async checkElsewhere(): Promise<void> {
		if (!this.#restored) return;
		await this.#restored;
		try {
			this.#heard(await this.#store.stamp());
		} catch {
			// storage unreadable: storageError already says so, or the next save will
		}
	}

	/** Stops listening to the other tabs (when the page goes away). */
	destroy(): void {
		this.#unlisten();
		this.#tabs.close();
	}

	#heard(stamp: string | null): void {
		if (this.#restored && stamp !== this.#stamp) this.replacedElsewhere = true;
	}

	#forget(): void {
		this.#held = null;
		this.unfinished = null;
		this.#stamp = null;
		this.#analysing = null;
		this.replacedElsewhere = false;
	}

	async #apply(results: readonly IngestResult[], keep: SavedFile[], includeBundled: boolean): Promise<void> {
		const added: SavedFile[] = [];
		for (const r of results) {
			const table = r.trials ?? r.contrasts;
			if (table) added.push({ name: r.file, table, warnings: r.warnings, studies: r.studies });
		}
		const files = [...keep, ...added];
		const stamp = newStamp();
		this.#forget();
		this.#stamp = stamp;
		// Saved as 'analysing' before the analysis starts: if it never ends, the next visit does not repeat it.
		await this.#persist(() =>
			this.#store.save({
				version: SAVED_VERSION,
				savedAt: Date.now(),
				stamp,
				status: 'analysing',
				includeBundled,
				files
			})
		);
		this.#tabs.post(stamp);
		this.#show(files, includeBundled);
		this.#analysing = this.source.version;
	}

	/** Shows these files (and the bundled data when included), unless that is what is shown already. */
	#show(files: SavedFile[], includeBundled: boolean): void {
		if (files.length === 0 && this.#saved.length === 0 && this.includeBundled) return;
		this.#saved = files;
		this.includeBundled = includeBundled;
		this.#compose();
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

	/** `asked`: the user asked for the saved data, so data still being analysed (by another tab) are shown too. */
	async #restore(asked = false): Promise<void> {
		try {
			const saved = await this.#store.load();
			this.#forget();
			if (!saved || saved.files.length === 0) {
				this.#show([], true);
				return;
			}
			this.#stamp = saved.stamp;
			if (saved.status === 'analysing' && !asked) {
				// Their analysis did not finish on an earlier visit (hung, crashed, or the page was closed).
				this.#held = saved;
				this.unfinished = { names: saved.files.map((f) => f.name), savedAt: saved.savedAt };
				this.#show([], true);
				return;
			}
			// Marked again before the analysis starts, in case it does not finish under today's settings.
			await this.#persist(() => this.#store.setStatus(saved.stamp, 'analysing'));
			this.#show(saved.files, saved.includeBundled);
			this.#analysing = this.source.version;
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

/** The dataset state if an ancestor provides one, else null (views rendered on their own, e.g. in tests). */
export function findDatasetContext(): DatasetState | null {
	return getContext<DatasetState | undefined>(KEY) ?? null;
}
