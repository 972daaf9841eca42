import type { RowReader } from './row-reader';

/** Publication years accepted. */
export const YEAR_RANGE = { min: 1900, max: 2100 } as const;

/**
 * A record must have as many fields as the header: a missing or an extra delimiter shifts every value after it,
 * so the row is reported once and not read. Returns false (after the error) when the counts differ.
 */
export function checkFieldCount(r: RowReader, width: number, delimiter: string): boolean {
	const len = r.rec.length;
	if (len === width) return true;
	const d = delimiter === '\t' ? 'tab' : delimiter;
	r.error(
		'',
		'',
		`this line has ${len} fields but the header has ${width}`,
		`A value that contains "${d}" must be in double quotes; otherwise look for a missing or an extra "${d}".`
	);
	return false;
}

/** The publication year: a whole number in YEAR_RANGE, or NaN after an error. */
export function checkYear(r: RowReader, i: number): number {
	const year = r.num(i, 'year', true);
	if (year === year && (!Number.isInteger(year) || year < YEAR_RANGE.min || year > YEAR_RANGE.max)) {
		r.error(
			'year',
			r.raw(i),
			`year must be a whole number from ${YEAR_RANGE.min} to ${YEAR_RANGE.max}, got "${r.raw(i)}"`,
			'Give the year of publication, e.g. 2006.'
		);
		return NaN;
	}
	return year;
}

/** The contract asks for `doi:...` or `pmid:...`; anything else is read, with a warning. */
export function checkSource(r: RowReader, source: string): void {
	if (source.startsWith('doi:10.') || /^pmid:\d+$/.test(source)) return;
	r.warn(
		'source',
		source,
		'source should be "doi:10...." or "pmid:<digits>"',
		'Cite the publication the numbers come from by DOI or PubMed ID, so anyone can check them.'
	);
}
