/**
 * Characters of free text gathered before they are copied into one block: 2^17 one-byte characters (128 KiB) is
 * V8's largest regular heap object, so each block is allocated once in the large-object space and never moved
 * by the young-generation collector.
 */
export const BLOCK_CHARS = 1 << 17;

/**
 * Copies distinct free texts (a note per row) out of the parsed text, many at a time. A text cut from a parsed
 * chunk keeps the whole chunk alive, so a stored text must be a copy; copied one by one, a million notes are a
 * million young strings that the collector copies again until they are old (measured on 1,000,000 rows with a
 * unique note per row). Here the texts wait in `strings` as they are until about BLOCK_CHARS characters have
 * gathered; then they are joined into one block string and each entry is replaced by its slice of the block
 * (same characters, so every reader of `strings` sees the same values before and after).
 */
export class TextBlocks {
	#texts: string[] = [];
	#ids: number[] = [];
	#chars = 0;

	/** Remembers that `strings[id]` (already holding `text`) is to be copied into a block. */
	add(strings: string[], id: number, text: string): void {
		this.#texts.push(text);
		this.#ids.push(id);
		this.#chars += text.length;
		if (this.#chars >= BLOCK_CHARS) this.flush(strings);
	}

	/** Copies the texts gathered so far into one block; `strings` then holds slices of it. */
	flush(strings: string[]): void {
		const texts = this.#texts;
		if (texts.length === 0) return;
		// join returns a lone text itself (no copy): prefix a character and cut it off again to copy it.
		const block = texts.length === 1 ? (' ' + texts[0]!).slice(1) : texts.join('');
		const ids = this.#ids;
		let at = 0;
		for (let k = 0; k < texts.length; k++) {
			const end = at + texts[k]!.length;
			strings[ids[k]!] = block.slice(at, end);
			at = end;
		}
		this.#texts = [];
		this.#ids = [];
		this.#chars = 0;
	}
}
