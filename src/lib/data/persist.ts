import type { AnyTable, ContrastTable, StudyIndex, TrialTable } from './table';
import { STRING_CHUNK, textChunks } from './text-chunks';

/** A file the user loaded, kept as typed columns (compact, and cloned into IndexedDB without copying rows). */
export interface SavedFile {
	name: string;
	table: TrialTable | ContrastTable;
	warnings: number;
	/** Its studies with their first lines. */
	studies: StudyIndex;
}

/**
 * Whether the data saved were analysed to the end: 'analysing' from the moment they are shown until every
 * analysis of them is done, then 'ok'. Data still 'analysing' when a page loads are not shown again by
 * themselves (their analysis hung, crashed or was cut short), only offered.
 */
export type SavedStatus = 'analysing' | 'ok';

/** What the dashboard shows besides the bundled data. Bump `version` when the table layout changes. */
export interface SavedDataset {
	version: typeof SAVED_VERSION;
	/** When it was saved (ms since 1970). */
	savedAt: number;
	/** Names this save (unique per save): another tab that holds another stamp shows other data. */
	stamp: string;
	status: SavedStatus;
	/** Whether the bundled data are shown too ("add to") or not ("replace"). */
	includeBundled: boolean;
	files: SavedFile[];
}

export const SAVED_VERSION = 1 as const;

/** A new save stamp: the time and a random part, so two tabs saving in the same millisecond differ. */
export function newStamp(): string {
	return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Where the user's data are kept between visits. Never on a server. */
export interface DatasetStore {
	load(): Promise<SavedDataset | undefined>;
	save(data: SavedDataset): Promise<void>;
	clear(): Promise<void>;
	/** The stamp of the data saved now (null when none): cheap, reads no table. */
	stamp(): Promise<string | null>;
	/** Sets the status of the saved data, only if they still carry `stamp` (another tab may have saved since). */
	setStatus(stamp: string, status: SavedStatus): Promise<void>;
}

/** A store in memory (tests, and browsers without IndexedDB). */
export function memoryStore(initial?: SavedDataset): DatasetStore {
	let saved = initial;
	return {
		load: async () => saved && { ...saved },
		save: async (d) => void (saved = { ...d }),
		clear: async () => void (saved = undefined),
		stamp: async () => saved?.stamp ?? null,
		setStatus: async (stamp, status) => {
			if (saved?.stamp === stamp) saved = { ...saved, status };
		}
	};
}

const STORE = 'dataset';
const META = 'meta';

interface MetaRecord {
	version: typeof SAVED_VERSION;
	savedAt: number;
	/** Absent in records saved before stamps existed (read as '' and 'ok'). */
	stamp?: string;
	status?: SavedStatus;
	includeBundled: boolean;
	files: (Omit<SavedFile, 'table'> &
		Pick<AnyTable, 'kind' | 'file' | 'length'> & {
			columns: string[];
			/** Records of STRING_CHUNK texts each; absent in records saved before (one record of all texts). */
			stringChunks?: number;
		})[];
}

function request<T>(r: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		r.onsuccess = () => resolve(r.result);
		r.onerror = () => reject(r.error);
	});
}

/**
 * The user's data in IndexedDB, so they survive a reload and stay in the browser. Each column is its own
 * record, written and read one after the other, so no single structured clone of a million-row file blocks
 * the page for long (docs/ARCHITECTURE.md section 10.3). Falls back to memory where IndexedDB is missing; a record of another version
 * is ignored.
 */
export function indexedDbStore(name = 'acupuncture-back-pain-data'): DatasetStore {
	if (typeof indexedDB === 'undefined') return memoryStore();
	let db: Promise<IDBDatabase> | undefined;
	const open = () =>
		(db ??= new Promise((resolve, reject) => {
			const r = indexedDB.open(name, 1);
			r.onupgradeneeded = () => r.result.createObjectStore(STORE);
			r.onsuccess = () => resolve(r.result);
			r.onerror = () => reject(r.error);
		}));
	/** Runs `f` in one transaction (all or nothing) and waits for it to commit. */
	const run = async <T>(mode: IDBTransactionMode, f: (s: IDBObjectStore) => Promise<T>): Promise<T> => {
		const tx = (await open()).transaction(STORE, mode);
		const done = new Promise<void>((resolve, reject) => {
			tx.oncomplete = () => resolve();
			tx.onerror = () => reject(tx.error);
			tx.onabort = () => reject(tx.error);
		});
		done.catch(() => {}); // a failed request rejects first, in f
		const result = await f(tx.objectStore(STORE));
		await done;
		return result;
	};
	return {
		load: () =>
			run('readonly', async (s) => {
				const meta = (await request(s.get(META))) as MetaRecord | undefined;
				if (!meta || meta.version !== SAVED_VERSION || !Array.isArray(meta.files)) return undefined;
				const files: SavedFile[] = [];
				for (const [k, f] of meta.files.entries()) {
					let strings: string[] = [];
					if (f.stringChunks === undefined) strings = (await request(s.get(`${k}:strings`))) as string[];
					else
						for (let i = 0; i < f.stringChunks; i++)
							for (const text of (await request(s.get(`${k}:strings:${i}`))) as string[]) strings.push(text);
					const columns: Record<string, ArrayLike<number>> = {};
					for (const c of f.columns) columns[c] = (await request(s.get(`${k}:${c}`))) as ArrayLike<number>;
					const table = { kind: f.kind, file: f.file, length: f.length, strings, columns } as AnyTable;
					files.push({ name: f.name, table, warnings: f.warnings, studies: f.studies });
				}
				return {
					version: meta.version,
					savedAt: meta.savedAt,
					stamp: meta.stamp ?? '',
					status: meta.status ?? 'ok',
					includeBundled: meta.includeBundled,
					files
				};
			}),
		save: (d) =>
			run('readwrite', async (s) => {
				await request(s.clear());
				for (const [k, { table: t }] of d.files.entries()) {
					for (const [i, part] of textChunks(t.strings).entries())
						await request(s.put(part, `${k}:strings:${i}`));
					for (const [c, col] of Object.entries(t.columns)) await request(s.put(col, `${k}:${c}`));
				}
				const meta: MetaRecord = {
					version: d.version,
					savedAt: d.savedAt,
					stamp: d.stamp,
					status: d.status,
					includeBundled: d.includeBundled,
					files: d.files.map((f) => ({
						name: f.name,
						kind: f.table.kind,
						file: f.table.file,
						length: f.table.length,
						warnings: f.warnings,
						studies: f.studies,
						columns: Object.keys(f.table.columns),
						stringChunks: Math.ceil(f.table.strings.length / STRING_CHUNK)
					}))
				};
				await request(s.put(meta, META));
			}),
		clear: () => run('readwrite', async (s) => void (await request(s.clear()))),
		stamp: () =>
			run('readonly', async (s) => {
				const meta = (await request(s.get(META))) as MetaRecord | undefined;
				return meta ? (meta.stamp ?? '') : null;
			}),
		setStatus: (stamp, status) =>
			run('readwrite', async (s) => {
				const meta = (await request(s.get(META))) as MetaRecord | undefined;
				if (meta && (meta.stamp ?? '') === stamp) await request(s.put({ ...meta, status }, META));
			})
	};
}
