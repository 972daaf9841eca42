/**
 * src/lib/data: CSV text -> typed, validated rows (DESIGN.md 3, 7, 8). No Svelte, no DOM.
 *
 * Main entry points
 * - `parseFile(text, fileName)` -> `{ file, kind: 'trials' | 'contrasts' | null, trials: ArmRow[],
 *   contrasts: ContrastRow[], problems: Problem[], errors, warnings }`. Never throws. The kind comes from the
 *   header; rows with an error are left out; `problems` are sorted by physical line (row 0 = whole file,
 *   1 = header). The command line prints each problem with `formatProblem(p)` -> `file:row:column: message`
 *   and exits 1 when `errors > 0`.
 * - `datasetFromTexts({ trials, contrasts })` -> `{ dataset, problems }` for both files at once.
 * - Streaming, as the Web Worker does it: `createIngest(fileName)` then `push(text)` any number of times and
 *   `end()` -> `IngestResult` with typed columns (`TrialTable` / `ContrastTable`, see table.ts) instead of
 *   objects; `trialRows(table)` / `contrastRows(table)` turn them into rows. `ingestBlob(file)` reads a File in
 *   ~1 MiB slices; worker.ts runs it off the main thread.
 * - Writing: `rowsToCsv(kind, rows)` (reads back to the same rows), `templateCsv(kind)`, and
 *   `problemsToCsv(problems)` whose cells are neutralised for spreadsheets.
 * - Vocabulary and rules: schema.ts (columns, allowed values), scales.ts (known scales, ranges, direction,
 *   `to100`), normalise.ts (orientation, pain on 0-100).
 *
 * Errors stop a file from loading (the data shown stay as they were); warnings do not.
 */
export { parseFile, toParsedFile, type ParsedFile } from './parse-file';
export { createIngest, ingestText, CHUNK_CHARS, type Ingest, type IngestResult, type IngestOptions } from './ingest';
export { ingestBlob, type Progress } from './read-blob';
export { datasetFromTexts, type DatasetTexts } from './dataset';
export { trialRows, contrastRows } from './rows';
export { rowsToCsv } from './write';
export { templateCsv, TEMPLATE_TRIAL_ROW, TEMPLATE_CONTRAST_ROW } from './template';
export { formatProblem, problemsToCsv, sortProblems, neutraliseCell, type ProblemKey } from './problems';
export { checkAddition } from './merge';
export { SCALES, SCALE_IDS, scaleInfo, painTo100Factor, type ScaleInfo } from './scales';
export { normaliseArm, orientation, type NormalisedArm } from './normalise';
export type { TrialTable, ContrastTable, AnyTable } from './table';
export type { ArmRow, ContrastRow, Problem, Severity, Dataset } from './types';
export * from './schema';
