// Web Worker: parse + validate uploaded CSV files off the main thread (docs/ARCHITECTURE.md sections 2, 7 and 10.1).
import { ingestBlob } from './read-blob';
import { transferables } from './table';
import type { IngestMessage, IngestRequest } from './worker-protocol';

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
	const tables = results.flatMap((r) => [r.trials, r.contrasts].filter((t) => t !== null));
	const studies = results.flatMap((r) => [r.studies.ids.buffer, r.studies.lines.buffer]);
	post({ type: 'done', results }, [...tables.flatMap(transferables), ...studies]);
};
