import type { RowReader } from './row-reader';
import { ARMS, COMPARATORS, COMPARATORS_OF } from './schema';

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

/** "an acupuncture", "a sham": the article before an arm name. */
const an = (name: string) => `${/^[aeiou]/.test(name) ? 'an' : 'a'} ${name}`;

/**
 * `comparator` says what a no-treatment, usual-care or active-drug arm really received; it must fit the arm type
 * (a waiting list is a no-treatment arm, a drug an active-drug arm). A mismatch is an error (the arm type or the
 * comparator is wrong); a comparator on an acupuncture or sham arm is ignored with a warning. Returns the code to
 * store (0 when none).
 */
export function checkComparator(r: RowReader, arm: number, comparator: number, column: number): number {
	if (comparator === 0 || arm === 0) return 0;
	const armName = ARMS[arm - 1]!;
	const name = COMPARATORS[comparator - 1]!;
	const allowed = COMPARATORS_OF[armName];
	if (!allowed) {
		r.warn('comparator', r.raw(column), `comparator is ignored for ${an(armName)} arm`, COMPARATOR_HINT);
		return 0;
	}
	if (!allowed.includes(name))
		r.error(
			'comparator',
			r.raw(column),
			`comparator "${name}" does not fit ${an(armName)} arm (use ${allowed.join(', ')})`,
			COMPARATOR_HINT
		);
	return comparator;
}

const COMPARATOR_HINT =
	'waiting_list/no_treatment go with no_treatment arms; routine_care, guideline_care, self_care and exercise with usual_care; drug with active_drug (see the codebook, "Comparators").';
