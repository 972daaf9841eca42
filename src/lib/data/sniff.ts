/** How much of the start of a file is looked at to tell binary data. */
export const SNIFF_CHARS = 4096;

/**
 * What a file that is not text looks like, from its first characters (as decoded from UTF-8), or undefined when
 * it looks like text. Signatures: ZIP `PK\x03\x04` (Excel .xlsx, OpenDocument .ods), PDF `%PDF-`, OLE2
 * `\xD0\xCF\x11\xE0` (old Excel .xls, decoded as replacement characters), UTF-16 text decoded as UTF-8 (every
 * other character NUL), and more than a few NUL characters or a high share of undecodable bytes (binary data).
 * @example sniffBinary('PK\u0003\u0004...') // 'an Excel workbook (.xlsx) or another ZIP archive'
 */
export function sniffBinary(text: string): string | undefined {
	const head = text.slice(0, SNIFF_CHARS);
	if (head.startsWith('PK\u0003\u0004')) return 'an Excel workbook (.xlsx) or another ZIP archive';
	if (head.startsWith('%PDF-')) return 'a PDF document';
	if (head.startsWith('{\\rtf')) return 'a rich-text (RTF) document';
	let nul = 0;
	for (let i = head.indexOf('\u0000'); i !== -1; i = head.indexOf('\u0000', i + 1)) nul++;
	// UTF-16 text read as UTF-8 (when the caller did not decode it: decode.ts does): every other character NUL.
	if (nul > 0 && nul >= head.length * 0.3) {
		const odd = [...head.slice(0, 64)].filter((c, i) => c === '\u0000' && i % 2 === 1).length;
		const even = [...head.slice(0, 64)].filter((c, i) => c === '\u0000' && i % 2 === 0).length;
		if (Math.abs(odd - even) >= 8) return 'UTF-16 text (Excel\'s "Unicode text"): save it as "CSV UTF-8"';
	}
	// A few NUL characters in text are reported on their lines by the reader; many are binary data.
	if (nul > 16 || nul > head.length * 0.02)
		return 'binary data (an old Excel .xls workbook, an image or a program)';
	let bad = 0;
	for (let i = 0; i < head.length; i++) if (head.charCodeAt(i) === 0xfffd) bad++;
	if (head.length > 0 && bad / head.length > 0.1)
		return 'binary data (most characters cannot be read as text)';
	return undefined;
}
