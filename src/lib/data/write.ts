import { neutraliseCell, quoteCsv } from './problems';
import { columnsOf, type FileKind } from './schema';
import type { ArmRow, ContrastRow } from './types';

export interface WriteOptions {
	/** Prefix text cells that begin with = + - @ with `'` for spreadsheets (numbers are left alone). */
	neutralise?: boolean;
}

function cell(v: unknown, neutralise: boolean): string {
	if (v === null || v === undefined) return '';
	if (typeof v === 'number' || typeof v === 'boolean') return String(v);
	const s = String(v);
	return quoteCsv(neutralise ? neutraliseCell(s) : s);
}

/**
 * Rows as the CSV text of their file kind (header in contract order, `\n` line ends, RFC 4180 quoting,
 * numbers in JavaScript's shortest round-trip form): reading it back gives the same rows.
 * @example rowsToCsv('trials', [row]) // 'study_id,study,year,...\nbrinkhaus2006,Brinkhaus 2006,2006,...\n'
 */
export function rowsToCsv(kind: 'trials', rows: readonly ArmRow[], options?: WriteOptions): string;
export function rowsToCsv(kind: 'contrasts', rows: readonly ContrastRow[], options?: WriteOptions): string;
export function rowsToCsv(
	kind: FileKind,
	rows: readonly (ArmRow | ContrastRow)[],
	options: WriteOptions = {}
): string {
	const names = columnsOf(kind).map((c) => c.name);
	const neutralise = options.neutralise ?? false;
	const lines = [names.join(',')];
	for (const row of rows) {
		const r = row as unknown as Record<string, unknown>;
		lines.push(names.map((n) => cell(r[n], neutralise)).join(','));
	}
	return lines.join('\n') + '\n';
}
