// Web Worker: parse + validate uploaded CSV files off the main thread (docs/ARCHITECTURE.md sections 2, 7 and 10.1).
import { ingestBlob } from './read-blob';
import { transferables } from './table';
import { textChunks } from './text-chunks';
import { textsKey, type IngestMessage, type IngestRequest } from './worker-protocol';

/** The worker's global scope (typed here: the project's TypeScript lib is the DOM's, not WebWorker's). */
const scope = self as unknown as {
	postMessage(message: IngestMessage, transfer: Transferable[]): void;
	onmessage: ((event: MessageEvent<IngestRequest>) => void) | null;
};
const post = (m: IngestMessage, transfer: Transferable[] = []) => scope.postMessage(m, transfer);

scope.onmessage = async (event: MessageEvent<IngestRequest>) => {
	const { files } = event.data;
	const results = [];
	for (const [index, file] of files.entries()) {
		results.push(
			await ingestBlob(file, file.name, (loaded, total) =>
				post({ type: 'progress', index, file: file.name, loaded, total })
			)
		);
	}
	// Texts go first, in pieces: the page reads each message in its own task (a million notes in one is 100+ ms).
	const sent = results.map((r, i) => {
		for (const kind of ['trials', 'contrasts'] as const)
			for (const texts of textChunks(r[kind]?.strings ?? []))
				post({ type: 'texts', key: textsKey(i, kind), texts });
		return {
			...r,
			trials: r.trials && { ...r.trials, strings: [] },
			contrasts: r.contrasts && { ...r.contrasts, strings: [] }
		};
	});
	const tables = sent.flatMap((r) => [r.trials, r.contrasts].filter((t) => t !== null));
	const studies = sent.flatMap((r) => [r.studies.ids.buffer, r.studies.lines.buffer]);
	post({ type: 'done', results: sent }, [...tables.flatMap(transferables), ...studies]);
};
