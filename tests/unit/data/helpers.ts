import { parseFile, type ParsedFile } from '$lib/data/parse-file';
import { formatProblem } from '$lib/data/problems';
import { CONTRAST_COLUMNS, TRIAL_COLUMNS } from '$lib/data/schema';

export const TRIAL_HEADER = TRIAL_COLUMNS.map((c) => c.name);
export const CONTRAST_HEADER = CONTRAST_COLUMNS.map((c) => c.name);

/** A valid trials.csv row (numbers from Brinkhaus 2006, abstract), as text fields. */
export const TRIAL_ROW: Readonly<Record<string, string>> = {
	study_id: 'brinkhaus2006',
	study: 'Brinkhaus 2006',
	year: '2006',
	population: 'chronic',
	arm: 'acupuncture',
	arm_label: 'verum acupuncture',
	sham_type: '',
	outcome: 'pain',
	scale: 'VAS_0_100',
	direction: 'lower_better',
	timepoint_weeks: '8',
	n: '147',
	mean: '-28.7',
	sd: '30.3',
	measure: 'change',
	events: '',
	rob: 'low',
	source: 'pmid:16505266',
	locator: 'abstract',
	notes: ''
};

/** A valid contrasts.csv row (Brinkhaus 2006, acupuncture vs minimal acupuncture), as text fields. */
export const CONTRAST_ROW: Readonly<Record<string, string>> = {
	study_id: 'brinkhaus2006',
	study: 'Brinkhaus 2006',
	year: '2006',
	population: 'chronic',
	treatment: 'acupuncture',
	control: 'sham',
	sham_type: 'penetrating',
	outcome: 'pain',
	scale: 'VAS_0_100',
	direction: 'lower_better',
	timepoint_weeks: '8',
	n_treatment: '147',
	n_control: '75',
	measure: 'MD',
	estimate: '-5.1',
	ci_lower: '-13.9',
	ci_upper: '3.7',
	adjusted: 'false',
	rob: 'low',
	source: 'pmid:16505266',
	locator: 'abstract',
	notes: ''
};

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** CSV text: the header, then one line per row (overrides of `base`), joined by `eol`. */
export function csv(
	header: readonly string[],
	base: Readonly<Record<string, string>>,
	rows: readonly Readonly<Record<string, string>>[],
	eol = '\n'
): string {
	const lines = [
		header.join(','),
		...rows.map((r) => header.map((h) => quote(r[h] ?? base[h] ?? '')).join(','))
	];
	return lines.join(eol) + eol;
}

/** trials.csv text from row overrides; every row gets a distinct arm_label unless it sets one. */
export function trials(rows: readonly Readonly<Record<string, string>>[], eol = '\n'): string {
	return csv(
		TRIAL_HEADER,
		TRIAL_ROW,
		rows.map((r, i) => ({ arm_label: `arm ${i + 1}`, ...r })),
		eol
	);
}

/** contrasts.csv text from row overrides; rows differ by timepoint unless they set one. */
export function contrasts(rows: readonly Readonly<Record<string, string>>[]): string {
	return csv(
		CONTRAST_HEADER,
		CONTRAST_ROW,
		rows.map((r, i) => ({ timepoint_weeks: String(8 + i), ...r }))
	);
}

/** The problems of a text as `file:row:column: message` lines. */
export function lines(text: string, file = 'trials.csv'): string[] {
	return parseFile(text, file).problems.map(formatProblem);
}

export function parse(text: string, file = 'trials.csv'): ParsedFile {
	return parseFile(text, file);
}
