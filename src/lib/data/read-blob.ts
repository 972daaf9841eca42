import { decoderFor, ENCODING_SNIFF_BYTES } from './decode';
import { CHUNK_CHARS, createIngest, type Ingest, type IngestOptions, type IngestResult } from './ingest';

/** Bytes read of one file so far, for a progress bar. */
export interface Progress {
	/** Index of the file in the batch. */
	index: number;
	file: string;
	loaded: number;
	total: number;
}

/**
 * Reads a File or Blob in ~1 MiB slices (docs/ARCHITECTURE.md section 7: PapaParse's 10 MB default stalls a page), decodes it
 * across slice boundaries (UTF-8, or UTF-16 when its first bytes say so: decode.ts), and streams the text
 * through parse + validate, reporting progress after each slice.
 * Stops reading as soon as the file is known to be unusable (e.g. a missing column). Never rejects.
 */
export async function ingestBlob(
	blob: Blob,
	name: string,
	onProgress: (loaded: number, total: number) => void = () => {},
	options: IngestOptions & { chunkBytes?: number } = {}
): Promise<IngestResult> {
	const step = options.chunkBytes ?? CHUNK_CHARS;
	let ingest: Ingest | null = null;
	try {
		const decoder = decoderFor(new Uint8Array(await readBytes(blob.slice(0, ENCODING_SNIFF_BYTES))));
		// Characters expected: a byte each in UTF-8 text (mostly ASCII), two in UTF-16.
		const expectedChars = decoder.encoding === 'utf-8' ? blob.size : blob.size / 2;
		ingest = createIngest(name, { expectedChars, ...options });
		for (let at = 0; at < blob.size && !ingest.stopped; at += step) {
			const bytes = await readBytes(blob.slice(at, at + step));
			ingest.push(decoder.decode(bytes, { stream: true }));
			onProgress(Math.min(at + step, blob.size), blob.size);
		}
		if (!ingest.stopped) ingest.push(decoder.decode());
	} catch (e) {
		ingest ??= createIngest(name, options);
		ingest.push('');
		const result = ingest.end();
		result.problems.unshift({
			severity: 'error',
			file: name,
			row: 0,
			column: '',
			value: '',
			message: `the file could not be read (${(e as Error)?.message ?? e})`,
			hint: 'Check that the file is still there and readable, then load it again.'
		});
		result.errors++;
		return result;
	}
	onProgress(blob.size, blob.size);
	return ingest.end();
}

/** The bytes of a blob: Blob.arrayBuffer where it exists, else FileReader (older browsers, jsdom). */
function readBytes(blob: Blob): Promise<ArrayBuffer> {
	if (typeof blob.arrayBuffer === 'function') return blob.arrayBuffer();
	return new Promise((resolve, reject) => {
		const reader = new FileReader();
		reader.onload = () => resolve(reader.result as ArrayBuffer);
		reader.onerror = () => reject(reader.error);
		reader.readAsArrayBuffer(blob);
	});
}
