import type { ChartTable } from './types';

/**
 * A text cell made safe for spreadsheets (OWASP "CSV injection"): text starting with = + - @, a tab or a
 * carriage return gets a leading apostrophe so it is never evaluated as a formula. Finite numbers are written
 * as numbers (a number is never a formula, and -5.2 must stay a number).
 * @example neutraliseCell('=HYPERLINK("x")') // "'=HYPERLINK(\"x\")"
 */
export function neutraliseCell(value: string | number | null): string {
	if (value === null) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * RFC 4180 quoting: a field containing a comma, a double quote, CR or LF, or leading/trailing spaces is
 * wrapped in double quotes with inner quotes doubled.
 * @example quoteField('a "b", c') // '"a ""b"", c"'
 */
export function quoteField(field: string): string {
	return /[",\r\n]|^\s|\s$/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** The table as CSV text: a header of column labels, one line per row, CRLF line ends (RFC 4180). */
export function toCsv(table: ChartTable): string {
	const header = table.columns.map((c) => quoteField(neutraliseCell(c.label)));
	const lines = table.rows.map((r) => table.columns.map((c) => quoteField(neutraliseCell(r[c.key] ?? null))));
	return [header, ...lines].map((l) => l.join(',')).join('\r\n') + '\r\n';
}
