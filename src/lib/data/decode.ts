/** The text encodings a CSV file is read in. */
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** How many bytes at the start of a file tell its encoding. */
export const ENCODING_SNIFF_BYTES = 4096;

/**
 * The encoding of a file from its first bytes: a byte-order mark (EF BB BF, FF FE, FE FF), else UTF-16 without
 * a mark when most characters have a zero byte on the same side (ASCII text saved as "Unicode text" by Excel:
 * `s\0t\0u\0...` is little-endian, `\0s\0t\0u...` big-endian), else UTF-8. Everything else (Latin-1, Windows
 * text) is read as UTF-8, and the reader warns on the lines whose bytes are not UTF-8.
 * @example detectEncoding(new Uint8Array([0xff, 0xfe, 0x73, 0x00])) // 'utf-16le'
 */
export function detectEncoding(head: Uint8Array): CsvEncoding {
	if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
	if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
	if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
	const pairs = Math.min(head.length, ENCODING_SNIFF_BYTES) >> 1;
	if (pairs < 2) return 'utf-8';
	let evenZeros = 0;
	let oddZeros = 0;
	for (let i = 0; i < pairs; i++) {
		if (head[2 * i] === 0) evenZeros++;
		if (head[2 * i + 1] === 0) oddZeros++;
	}
	if (oddZeros >= pairs * 0.4 && evenZeros <= pairs * 0.05) return 'utf-16le';
	if (evenZeros >= pairs * 0.4 && oddZeros <= pairs * 0.05) return 'utf-16be';
	return 'utf-8';
}

/**
 * A streaming decoder for a file whose first bytes are `head` (see detectEncoding). Invalid bytes become
 * U+FFFD, which the CSV reader reports with their line; a byte-order mark is dropped.
 */
export function decoderFor(head: Uint8Array): TextDecoder {
	return new TextDecoder(detectEncoding(head));
}

/** The text of a whole file's bytes, in the encoding its first bytes tell. */
export function decodeBytes(bytes: Uint8Array): string {
	return decoderFor(bytes.subarray(0, ENCODING_SNIFF_BYTES)).decode(bytes);
}
