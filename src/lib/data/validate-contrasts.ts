import type { HeaderLayout } from './header';
import type { ProblemSink } from './problems';
import { checkComparator, checkFieldCount, checkSource, checkYear } from './row-checks';
import { checkCiWidth, checkContrastValue, checkN } from './plausible';
import { RowReader, vocab } from './row-reader';
import { ScaleChecker } from './scale-checks';
import {
	ARMS,
	COMPARATORS,
	BOOLEANS,
	CONTRAST_COLUMNS,
	CONTRAST_MEASURES,
	DIRECTIONS,
	OUTCOMES,
	POPULATIONS,
	ROB_LEVELS,
	SHAM_TYPES
} from './schema';
import { CONTRAST_LAYOUT, TableBuilder } from './table';

const ARM = vocab(ARMS);
const POP = vocab(POPULATIONS);
const SHAM = vocab(SHAM_TYPES);
const COMP = vocab(COMPARATORS);
const OUT = vocab(OUTCOMES);
const DIR = vocab(DIRECTIONS);
const MEA = vocab(CONTRAST_MEASURES);
const ROB = vocab(ROB_LEVELS);
const BOOL = vocab(BOOLEANS, true);
const SHAM_CODE = ARMS.indexOf('sham') + 1;
const isContinuous = (outcome: number) => outcome === 1 || outcome === 2;
/** Measure codes: MD 1, SMD 2 (differences of means); RR 3, OR 4 (ratios); RD 5. */
const isMeanMeasure = (m: number) => m === 1 || m === 2;
const isRatio = (m: number) => m === 3 || m === 4;

/** Validates contrasts.csv records one by one (docs/ARCHITECTURE.md section 3.2) and writes the good ones into typed columns. */
export class ContrastValidator {
	readonly r: RowReader;
	readonly b = new TableBuilder(CONTRAST_LAYOUT);
	readonly #scales: ScaleChecker;
	readonly #i: Readonly<Record<string, number>>;
	#lastSource = -1;

	constructor(
		readonly layout: HeaderLayout,
		sink: ProblemSink,
		readonly delimiter: string
	) {
		this.r = new RowReader(sink, delimiter, CONTRAST_COLUMNS);
		this.#scales = new ScaleChecker(this.r);
		this.#i = layout.index;
	}

	row(rec: readonly string[], line: number): void {
		const r = this.r;
		const I = this.#i;
		r.begin(rec, line);
		if (!checkFieldCount(r, this.layout.width, this.delimiter)) return;
		const study_id = r.text(I.study_id!, 'study_id', true);
		const study = r.text(I.study!, 'study', true);
		const year = checkYear(r, I.year!);
		const population = r.code(I.population!, 'population', POP, true);
		const treatment = r.code(I.treatment!, 'treatment', ARM, true);
		const control = r.code(I.control!, 'control', ARM, true);
		const sham_type = r.code(I.sham_type!, 'sham_type', SHAM, false);
		const comparator = r.code(I.comparator ?? -1, 'comparator', COMP, false);
		const outcome = r.code(I.outcome!, 'outcome', OUT, true);
		const scale = r.text(I.scale!, 'scale', true);
		const direction = r.code(I.direction!, 'direction', DIR, false);
		const timepoint = r.num(I.timepoint_weeks!, 'timepoint_weeks', true);
		const n_treatment = r.count(I.n_treatment!, 'n_treatment', false, 1);
		const n_control = r.count(I.n_control!, 'n_control', false, 1);
		if (n_treatment === n_treatment) checkN(r, I.n_treatment!, 'n_treatment', n_treatment);
		if (n_control === n_control) checkN(r, I.n_control!, 'n_control', n_control);
		const measure = r.code(I.measure!, 'measure', MEA, true);
		const estimate = r.num(I.estimate!, 'estimate', true);
		const lower = r.num(I.ci_lower!, 'ci_lower', true);
		const upper = r.num(I.ci_upper!, 'ci_upper', true);
		const adjusted = r.code(I.adjusted!, 'adjusted', BOOL, true);
		const rob = r.code(I.rob!, 'rob', ROB, false);
		const source = r.text(I.source!, 'source', true);
		const locator = r.text(I.locator!, 'locator', true);
		const notes = r.text(I.notes!, 'notes', false);

		if (timepoint < 0)
			r.error('timepoint_weeks', r.raw(I.timepoint_weeks!), 'timepoint_weeks must be 0 or more', '');
		const b = this.b;
		const sourceId = source === '' ? -1 : b.intern(source, 3);
		const scaleId = scale === '' ? -1 : b.intern(scale, 2);
		if (sourceId !== -1 && sourceId !== this.#lastSource) {
			this.#lastSource = sourceId;
			checkSource(r, source);
		}
		if (treatment !== 0 && treatment === control)
			r.error(
				'control',
				ARMS[control - 1]!,
				`treatment and control are both "${ARMS[control - 1]}"`,
				TWO_ARMS
			);
		const withSham = treatment === SHAM_CODE || control === SHAM_CODE;
		if (withSham && sham_type === 0 && r.raw(I.sham_type!) === '')
			r.need(I.sham_type!, 'sham_type', 'a comparison with sham');
		else if (!withSham && sham_type !== 0)
			r.warn('sham_type', r.raw(I.sham_type!), 'sham_type is ignored for a comparison without sham', '');
		this.#interval(measure, estimate, lower, upper);
		if (outcome !== 0 && measure !== 0) this.#outcome(outcome, measure, scaleId, scale, direction);
		if (r.bad) return;

		const i = b.next();
		const c = b.columns;
		c.line[i] = line;
		c.study_id[i] = b.intern(study_id, 0);
		c.study[i] = b.intern(study, 1);
		c.year[i] = year;
		c.population[i] = population;
		c.treatment[i] = treatment;
		c.control[i] = control;
		c.comparator[i] = checkComparator(r, control, comparator, I.comparator ?? -1);
		c.sham_type[i] = withSham ? sham_type : 0;
		c.outcome[i] = outcome;
		c.scale[i] = scaleId;
		c.direction[i] = isContinuous(outcome) ? direction : 0;
		c.timepoint_weeks[i] = timepoint;
		c.n_treatment[i] = n_treatment;
		c.n_control[i] = n_control;
		c.measure[i] = measure;
		c.estimate[i] = estimate;
		c.ci_lower[i] = lower;
		c.ci_upper[i] = upper;
		c.adjusted[i] = adjusted === 1 ? 1 : 0;
		c.rob[i] = rob;
		c.source[i] = sourceId;
		c.locator[i] = b.intern(locator, 4);
		c.notes[i] = b.text(notes, 5);
	}

	/** ci_lower < ci_upper, ci_lower <= estimate <= ci_upper, and ratios positive. */
	#interval(measure: number, estimate: number, lower: number, upper: number): void {
		const r = this.r;
		if (isRatio(measure)) {
			const m = CONTRAST_MEASURES[measure - 1];
			for (const [name, v] of [
				['estimate', estimate],
				['ci_lower', lower],
				['ci_upper', upper]
			] as const) {
				if (v <= 0) r.error(name, String(v), `${name} must be positive for a ratio (${m}), got ${v}`, RATIO);
			}
		}
		const I = this.#i;
		const ratio = isRatio(measure);
		const within = (i: number, name: string, x: number) =>
			x !== x || checkContrastValue(r, i, name, x, ratio);
		within(I.estimate!, 'estimate', estimate);
		const lowerOk = within(I.ci_lower!, 'ci_lower', lower);
		const limitsOk = within(I.ci_upper!, 'ci_upper', upper) && lowerOk;
		if (lower !== lower || upper !== upper) return;
		if (lower >= upper) {
			r.error('ci_lower', String(lower), `ci_lower (${lower}) must be below ci_upper (${upper})`, INTERVAL);
		} else if (estimate === estimate && (estimate < lower || estimate > upper)) {
			r.error(
				'estimate',
				String(estimate),
				`estimate (${estimate}) lies outside its confidence interval (${lower} to ${upper})`,
				INTERVAL
			);
		} else if (limitsOk && (!ratio || lower > 0)) checkCiWidth(r, I.ci_upper!, lower, upper, ratio);
	}

	#outcome(outcome: number, measure: number, scaleId: number, scale: string, direction: number): void {
		const r = this.r;
		const o = OUTCOMES[outcome - 1]!;
		const m = CONTRAST_MEASURES[measure - 1]!;
		if (isContinuous(outcome) !== isMeanMeasure(measure))
			r.warn('measure', m, `measure ${m} is unusual for outcome ${o}`, MEASURE_HINT);
		if (!isContinuous(outcome)) return;
		if (direction === 0 && r.raw(this.#i.direction!) === '')
			r.need(this.#i.direction!, 'direction', `a continuous outcome (${o})`);
		if (scale !== '')
			this.#scales.check(o, scaleId, scale, direction === 0 ? null : DIRECTIONS[direction - 1]!);
	}
}

const TWO_ARMS = 'A contrast compares two different arm types; check treatment and control.';
const RATIO = 'Enter ratios as ratios, not logs: a risk ratio of 0.8 is 0.8, not -0.22.';
const INTERVAL =
	'Check the order of ci_lower and ci_upper, and that the estimate has the sign of treatment minus control.';
const MEASURE_HINT =
	'MD and SMD compare means (pain, function); RR, OR and RD compare proportions (responder, adverse_events).';
