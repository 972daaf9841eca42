/**
 * A table's texts in pieces (docs/ARCHITECTURE.md sections 7 and 10.3): a file with a note per row has a million
 * texts, whose one structured clone (a message between threads, an IndexedDB record) is a 100+ ms task; in pieces
 * of STRING_CHUNK each clone is its own short task. Used to save uploads and to pass them between the page and the
 * workers.
 */

/** Texts per piece. */
export const STRING_CHUNK = 65_536;

/** The texts in pieces of at most `size` (none for no texts), in order. */
export function textChunks(strings: readonly string[], size = STRING_CHUNK): string[][] {
	const out: string[][] = [];
	for (let from = 0; from < strings.length; from += size) out.push(strings.slice(from, from + size));
	return out;
}

/** Texts that arrive in pieces, by key (which table they belong to), put back together in order. */
export class TextPieces {
	readonly #by = new Map<string, string[]>();

	add(key: string, piece: readonly string[]): void {
		let all = this.#by.get(key);
		if (!all) this.#by.set(key, (all = []));
		for (const text of piece) all.push(text);
	}

	/** Every text received for `key` (none when nothing came), forgotten here. */
	take(key: string): string[] {
		const all = this.#by.get(key) ?? [];
		this.#by.delete(key);
		return all;
	}

	clear(): void {
		this.#by.clear();
	}
}
