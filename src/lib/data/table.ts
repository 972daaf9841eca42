import type { FileKind } from './schema';
import { TextBlocks } from './text-blocks';

type ColumnCtor =
	Float64ArrayConstructor | Uint32ArrayConstructor | Uint8ArrayConstructor | Int32ArrayConstructor;
type Layout = Readonly<Record<string, ColumnCtor>>;
type TypedColumn = Float64Array | Uint32Array | Uint8Array | Int32Array;
export type Columns<L extends Layout> = { [K in keyof L]: InstanceType<L[K]> };

/**
 * Typed columns of trials.csv: numbers in Float64Array (NaN = empty), vocabularies as codes (index + 1 in the
 * schema's list, 0 = empty), text as indexes into the table's `strings` (each distinct text stored once).
 * A million rows take about 80 MB, against ~250 MB as objects (docs/ARCHITECTURE.md section 7 memory budget).
 */
export const TRIAL_LAYOUT = {
	line: Int32Array,
	study_id: Uint32Array,
	study: Uint32Array,
	year: Float64Array,
	population: Uint8Array,
	arm: Uint8Array,
	arm_label: Uint32Array,
	sham_type: Uint8Array,
	comparator: Uint8Array,
	outcome: Uint8Array,
	scale: Uint32Array,
	direction: Uint8Array,
	timepoint_weeks: Float64Array,
	n: Float64Array,
	mean: Float64Array,
	sd: Float64Array,
	measure: Uint8Array,
	events: Float64Array,
	rob: Uint8Array,
	source: Uint32Array,
	locator: Uint32Array,
	notes: Uint32Array,
	sessions: Float64Array,
	course_weeks: Float64Array
} as const;

/** Typed columns of contrasts.csv, coded as TRIAL_LAYOUT; `adjusted` is 1 (true) or 0 (false). */
export const CONTRAST_LAYOUT = {
	line: Int32Array,
	study_id: Uint32Array,
	study: Uint32Array,
	year: Float64Array,
	population: Uint8Array,
	treatment: Uint8Array,
	control: Uint8Array,
	sham_type: Uint8Array,
	comparator: Uint8Array,
	outcome: Uint8Array,
	scale: Uint32Array,
	direction: Uint8Array,
	timepoint_weeks: Float64Array,
	n_treatment: Float64Array,
	n_control: Float64Array,
	measure: Uint8Array,
	estimate: Float64Array,
	ci_lower: Float64Array,
	ci_upper: Float64Array,
	adjusted: Uint8Array,
	rob: Uint8Array,
	source: Uint32Array,
	locator: Uint32Array,
	notes: Uint32Array
} as const;

export interface Table<K extends FileKind, L extends Layout> {
	kind: K;
	/** Name of the file the rows were read from. */
	file: string;
	length: number;
	strings: string[];
	columns: Columns<L>;
}
export type TrialTable = Table<'trials', typeof TRIAL_LAYOUT>;
export type ContrastTable = Table<'contrasts', typeof CONTRAST_LAYOUT>;
export type AnyTable = TrialTable | ContrastTable;

/** Texts remembered per column by TableBuilder.intern, and the most text columns a table has. */
const CACHE = 4;
const SLOTS = 8;
/** Free-text columns (TableBuilder.text): texts looked at before deciding, and the share of new ones that makes a
 * column "distinct" (then its texts are stored without being looked up). */
const LEARN = 512;
const DISTINCT_SHARE = 0.75;

/** Rows of the largest chunk of columns TableBuilder fills before it starts another. */
const CHUNK_ROWS = 1 << 16;
/** Most rows `reserve` sizes the first chunk for (a wrong estimate costs address space, not memory). */
const MAX_RESERVE = 1 << 23;
/** finish() returns views of a single chunk (no copy) when at most this share of it is unused. */
const SPARE_SHARE = 1 / 16;

/**
 * Grows typed columns row by row and stores each distinct text once. Rows are written into chunks (the first
 * `capacity` rows, then chunks twice as large up to CHUNK_ROWS) that `finish` copies into one column each: every
 * row is copied once, where columns that double their capacity copy each row about twice and hold up to twice
 * the rows written.
 */
export class TableBuilder<L extends Layout> {
	/** The chunk being written: `next()` returns an index into it. */
	columns: Columns<L>;
	length = 0;
	readonly strings: string[] = [];
	/** Rows the chunk being written holds, and how many are written. */
	#capacity: number;
	#used = 0;
	/** Chunks filled before the one being written. */
	readonly #full: Columns<L>[] = [];
	readonly #ids = new Map<string, number>();
	readonly #cacheText: (string | undefined)[] = new Array<string | undefined>(SLOTS * CACHE).fill(undefined);
	readonly #cacheId = new Int32Array(SLOTS * CACHE);
	readonly #cacheNext = new Int32Array(SLOTS);
	readonly #cacheLast = Int32Array.from({ length: SLOTS }, (_, slot) => slot * CACHE);
	/** Per free-text column: texts seen while learning, how many were new, and the mode (0 learn, 1 intern, 2 append). */
	readonly #seen = new Int32Array(SLOTS);
	readonly #fresh = new Int32Array(SLOTS);
	readonly #mode = new Uint8Array(SLOTS);
	/** Texts of "distinct" columns, copied out of the parsed text in blocks. */
	readonly #blocks = new TextBlocks();

	constructor(
		private readonly layout: L,
		capacity = 1024
	) {
		this.#capacity = capacity;
		this.columns = allocate(layout, capacity);
	}

	/**
	 * Sizes the first chunk for `rows` rows (the expected row count of a file), when no row is written yet: a
	 * table that fills most of it is finished without copying its columns (see finish). Pages of a column that
	 * are never written are never touched, so an estimate a little too high costs no memory.
	 */
	reserve(rows: number): void {
		if (this.length > 0 || !(rows > this.#capacity)) return;
		this.#capacity = Math.min(Math.ceil(rows), MAX_RESERVE);
		this.columns = allocate(this.layout, this.#capacity);
	}

	/** Index of a new row in `columns`, which may then be a new chunk: read `columns` after calling. */
	next(): number {
		if (this.#used === this.#capacity) {
			this.#full.push(this.columns);
			this.#capacity = Math.min(this.#capacity * 2, CHUNK_ROWS);
			this.columns = allocate(this.layout, this.#capacity);
			this.#used = 0;
		}
		this.length++;
		return this.#used++;
	}

	/**
	 * Index of a text in `strings`. `slot` (one per column) remembers the column's last CACHE texts, as rows
	 * repeat them (a study's fields, its arms' labels): a hit costs one comparison instead of hashing the text.
	 */
	intern(text: string, slot: number): number {
		const cache = this.#cacheText;
		const len = text.length;
		// The column's previous value first (rows of a study repeat it), then the others; lengths before text.
		const last = this.#cacheLast[slot]!;
		const hit = cache[last];
		if (hit !== undefined && hit.length === len && hit === text) return this.#cacheId[last]!;
		const base = slot * CACHE;
		for (let k = base; k < base + CACHE; k++) {
			const c = cache[k];
			if (c !== undefined && c.length === len && c === text) {
				this.#cacheLast[slot] = k;
				return this.#cacheId[k]!;
			}
		}
		let id = this.#ids.get(text);
		if (id === undefined) {
			id = this.strings.length;
			// A copy, so the stored text does not keep the whole parsed chunk it was cut from alive.
			const own = (' ' + text).slice(1);
			this.strings.push(own);
			this.#ids.set(own, id);
		}
		const k = base + (this.#cacheNext[slot] = (this.#cacheNext[slot]! + 1) % CACHE);
		cache[k] = this.strings[id]!;
		this.#cacheId[k] = id;
		this.#cacheLast[slot] = k;
		return id;
	}

	/**
	 * Index of a free text (notes) in `strings`. Like `intern` while the column repeats its texts; once the first
	 * LEARN texts show that most are new (a note per row, as real extraction notes are), each text is stored
	 * without looking it up (no hashing, no map entry): equal notes may then get different indexes, which is why
	 * only columns never compared by index (notes) use it.
	 */
	text(text: string, slot: number): number {
		const mode = this.#mode[slot]!;
		if (mode === 1) return this.intern(text, slot);
		if (mode === 2) {
			if (text === '') return this.intern(text, slot);
			const id = this.strings.length;
			this.strings.push(text);
			this.#blocks.add(this.strings, id, text); // copied with others (see intern for why a copy)
			return id;
		}
		const before = this.strings.length;
		const id = this.intern(text, slot);
		const seen = ++this.#seen[slot]!;
		if (this.strings.length > before) this.#fresh[slot]!++;
		if (seen >= LEARN) this.#mode[slot] = this.#fresh[slot]! >= DISTINCT_SHARE * seen ? 2 : 1;
		return id;
	}

	/**
	 * The rows written, one column each; every text copied. Rows in several chunks are copied into columns of
	 * their own; rows in one chunk are returned as views of it (no copy) when it has little spare room
	 * (SPARE_SHARE), else copied so that the spare room is freed.
	 */
	finish(): Columns<L> {
		this.#blocks.flush(this.strings);
		const one = this.#full.length === 0;
		if (one && this.#capacity - this.#used <= this.#capacity * SPARE_SHARE) {
			const used = this.#used;
			return mapColumns(this.columns, (col) => col.subarray(0, used)) as Columns<L>;
		}
		const out = allocate(this.layout, this.length) as Record<string, TypedColumn>;
		for (const name of Object.keys(this.layout)) {
			const col = out[name]!;
			let at = 0;
			for (const chunk of this.#full) {
				const part = (chunk as Record<string, TypedColumn>)[name]!;
				col.set(part, at);
				at += part.length;
			}
			col.set((this.columns as Record<string, TypedColumn>)[name]!.subarray(0, this.#used), at);
		}
		return out as Columns<L>;
	}
}

/** Zero-filled columns of `size` rows. */
function allocate<L extends Layout>(layout: L, size: number): Columns<L> {
	return Object.fromEntries(
		Object.entries(layout).map(([name, Ctor]) => [name, new Ctor(size)])
	) as Columns<L>;
}

/** Bytes of columns copied between two pauses of copyTables (a few ms of memory copy). */
export const COPY_STEP_BYTES = 8 * 1024 * 1024;

/**
 * The tables, each with its own copy of every column (a native memory copy, several times faster than letting
 * postMessage clone the columns), whose buffers can then be transferred while the originals stay usable. Waits
 * for `pause` after each COPY_STEP_BYTES copied: a million-row table holds ~100 MB of columns, a 30-60 ms copy
 * in one go.
 */
export async function copyTables<T extends AnyTable>(
	tables: readonly T[],
	pause: () => Promise<void>
): Promise<T[]> {
	const out: T[] = [];
	let copied = 0;
	for (const table of tables) {
		const columns: [string, TypedColumn][] = [];
		for (const [name, col] of Object.entries(table.columns as Record<string, TypedColumn>)) {
			columns.push([name, col.slice()]);
			copied += col.byteLength;
			if (copied >= COPY_STEP_BYTES) {
				copied = 0;
				await pause();
			}
		}
		// built at once, as mapColumns does: an object given its columns one by one is a dictionary in V8
		out.push({ ...table, columns: Object.fromEntries(columns) });
	}
	return out;
}

/**
 * Columns with each one replaced, as an object with fast properties: typed columns are read by name on every
 * row, and an object given more than ~16 properties one by one is a dictionary in V8 (a hash lookup per read).
 */
function mapColumns(columns: object, f: (col: TypedColumn) => TypedColumn): Record<string, TypedColumn> {
	return Object.fromEntries(
		Object.entries(columns as Record<string, TypedColumn>).map(([n, c]) => [n, f(c)])
	);
}

/** The ArrayBuffers of a table's columns, to transfer it from the worker without a copy. */
export function transferables(table: AnyTable): ArrayBuffer[] {
	return Object.values(table.columns).map((c: { buffer: ArrayBufferLike }) => c.buffer as ArrayBuffer);
}

/** The studies of a table in file order: each one's text index in `strings` and the line of its first row. */
export interface StudyIndex {
	ids: Uint32Array;
	lines: Int32Array;
}

/** The studies of a table (one pass over the typed study_id column; typed, so it crosses threads for free). */
export function studyIndex(t: AnyTable): StudyIndex {
	const seen = new Uint8Array(t.strings.length);
	const ids: number[] = [];
	const lines: number[] = [];
	const col = t.columns.study_id;
	for (let i = 0; i < t.length; i++) {
		const s = col[i]!;
		if (seen[s] === 1) continue;
		seen[s] = 1;
		ids.push(s);
		lines.push(t.columns.line[i]!);
	}
	return { ids: Uint32Array.from(ids), lines: Int32Array.from(lines) };
}
