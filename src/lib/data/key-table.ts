/**
 * An open-addressing table of row indexes by key (linear probing over a power-of-two array of at least twice
 * the rows it will hold), for the duplicate check. `clear` empties it in O(1): a slot holds a row only when
 * its stamp is the current one.
 */
export class KeyTable {
	readonly #rows: Int32Array;
	readonly #stamps: Int32Array;
	readonly #mask: number;
	#stamp = 1;

	/** A table for up to `rows` rows. */
	constructor(rows: number) {
		let size = 16;
		while (size < rows * 2) size *= 2;
		this.#rows = new Int32Array(size);
		this.#stamps = new Int32Array(size);
		this.#mask = size - 1;
	}

	/** Forgets every row. */
	clear(): void {
		this.#stamp++;
	}

	/**
	 * The row held with the same key as row `i` (`same(i, j)` tells; `hash` is row i's key hash), or -1 after
	 * adding row `i`: each key keeps the first row added with it.
	 */
	findOrAdd(i: number, hash: number, same: (i: number, j: number) => boolean): number {
		const rows = this.#rows;
		const stamps = this.#stamps;
		const mask = this.#mask;
		for (let s = (hash ^ (hash >>> 15)) & mask; ; s = (s + 1) & mask) {
			if (stamps[s] !== this.#stamp) {
				stamps[s] = this.#stamp;
				rows[s] = i;
				return -1;
			}
			const j = rows[s]!;
			if (same(i, j)) return j;
		}
	}
}
