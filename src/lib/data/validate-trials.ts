import type { HeaderLayout } from './header';
import { RowReader, vocab } from './row-reader';
import { ScaleChecker } from './scale-checks';
import {
	ARMS,
	COMPARATORS,
	DIRECTIONS,
	MEASURES,
	OUTCOMES,
	POPULATIONS,
	ROB_LEVELS,
	SHAM_TYPES,
	TRIAL_COLUMNS,
	type Outcome
} from './schema';
import { TableBuilder, TRIAL_LAYOUT } from './table';
import type { ProblemSink } from './problems';
import { checkComparator, checkFieldCount, checkSource, checkYear } from './row-checks';
import { checkN, checkScaleValue, checkSdFloor } from './plausible';
import { checkCourse } from './course-checks';

const ARM = vocab(ARMS);
const POP = vocab(POPULATIONS);
const SHAM = vocab(SHAM_TYPES);
const COMP = vocab(COMPARATORS);
const OUT = vocab(OUTCOMES);
const DIR = vocab(DIRECTIONS);
const MEA = vocab(MEASURES);
const ROB = vocab(ROB_LEVELS);
const SHAM_CODE = ARMS.indexOf('sham') + 1;
const ACU_CODE = ARMS.indexOf('acupuncture') + 1;
/** Outcome codes 1 and 2 (pain, function) are continuous; 3 and 4 binary. */
const isContinuous = (code: number) => code === 1 || code === 2;

/**
 * Validates trials.csv records one by one (docs/ARCHITECTURE.md section 3.1) and writes the good ones into typed columns.
 * A record with any error is left out; its problems say why.
 */
export class TrialValidator {
	readonly r: RowReader;
	readonly b = new TableBuilder(TRIAL_LAYOUT);
	readonly #scales: ScaleChecker;
	readonly #i: Readonly<Record<string, number>>;
	#lastSource = -1;

	constructor(
		readonly layout: HeaderLayout,
		sink: ProblemSink,
		readonly delimiter: string
	) {
		this.r = new RowReader(sink, delimiter, TRIAL_COLUMNS);
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
		const arm = r.code(I.arm!, 'arm', ARM, true);
		const arm_label = r.text(I.arm_label!, 'arm_label', false);
		const sham_type = r.code(I.sham_type!, 'sham_type', SHAM, false);
		const comparator = r.code(I.comparator ?? -1, 'comparator', COMP, false);
		const course = checkCourse(r, I, arm === ACU_CODE);
		const outcome = r.code(I.outcome!, 'outcome', OUT, true);
		const scale = r.text(I.scale!, 'scale', true);
		const direction = r.code(I.direction!, 'direction', DIR, false);
		const timepoint = r.num(I.timepoint_weeks!, 'timepoint_weeks', true);
		const n = r.count(I.n!, 'n', true, 1);
		if (n === n) checkN(r, I.n!, 'n', n);
		const mean = r.num(I.mean!, 'mean', false);
		const sd = r.num(I.sd!, 'sd', false);
		const measure = r.code(I.measure!, 'measure', MEA, false);
		const events = r.count(I.events!, 'events', false, 0);
		const rob = r.code(I.rob!, 'rob', ROB, false);
		const source = r.text(I.source!, 'source', true);
		const locator = r.text(I.locator!, 'locator', true);
		const notes = r.text(I.notes!, 'notes', false);

		if (timepoint < 0)
			r.error('timepoint_weeks', r.raw(I.timepoint_weeks!), 'timepoint_weeks must be 0 or more', WEEKS);
		const b = this.b;
		const sourceId = source === '' ? -1 : b.intern(source, 4);
		const scaleId = scale === '' ? -1 : b.intern(scale, 3);
		if (sourceId !== -1 && sourceId !== this.#lastSource) {
			this.#lastSource = sourceId;
			checkSource(r, source);
		}
		if (arm === SHAM_CODE && sham_type === 0 && r.raw(I.sham_type!) === '') {
			r.need(I.sham_type!, 'sham_type', 'a sham arm');
		} else if (arm !== 0 && arm !== SHAM_CODE && sham_type !== 0) {
			// arm 0: the arm itself is invalid and already reported; no "a undefined arm" on top of it.
			const name = ARMS[arm - 1]!;
			r.warn(
				'sham_type',
				r.raw(I.sham_type!),
				`sham_type is ignored for ${/^[aeiou]/.test(name) ? 'an' : 'a'} ${name} arm`,
				SHAM_ONLY
			);
		}
		if (outcome !== 0) {
			const o = OUTCOMES[outcome - 1]!;
			if (isContinuous(outcome)) this.#continuous(o, scaleId, scale, direction, mean, sd, measure, events);
			else this.#binary(o, n, events, mean, sd);
		}
		if (r.bad) return;

		const i = b.next();
		const c = b.columns;
		c.line[i] = line;
		c.study_id[i] = b.intern(study_id, 0);
		c.study[i] = b.intern(study, 1);
		c.year[i] = year;
		c.population[i] = population;
		c.arm[i] = arm;
		c.arm_label[i] = b.intern(arm_label, 2);
		c.comparator[i] = checkComparator(r, arm, comparator, I.comparator ?? -1);
		c.sham_type[i] = arm === SHAM_CODE ? sham_type : 0;
		c.sessions[i] = course.sessions;
		c.course_weeks[i] = course.weeks;
		c.outcome[i] = outcome;
		c.scale[i] = scaleId;
		c.direction[i] = isContinuous(outcome) ? direction : 0;
		c.timepoint_weeks[i] = timepoint;
		c.n[i] = n;
		c.mean[i] = isContinuous(outcome) ? mean : NaN;
		c.sd[i] = isContinuous(outcome) ? sd : NaN;
		c.measure[i] = isContinuous(outcome) ? measure : 0;
		c.events[i] = isContinuous(outcome) ? NaN : events;
		c.rob[i] = rob;
		c.source[i] = sourceId;
		c.locator[i] = b.intern(locator, 5);
		c.notes[i] = b.text(notes, 6);
	}

	#continuous(
		outcome: Outcome,
		scaleId: number,
		scale: string,
		direction: number,
		mean: number,
		sd: number,
		measure: number,
		events: number
	): void {
		const r = this.r;
		const I = this.#i;
		if (mean !== mean && r.raw(I.mean!) === '') r.need(I.mean!, 'mean', CONTINUOUS[outcome]!);
		if (mean === mean) checkScaleValue(r, I.mean!, 'mean', mean);
		if (sd !== sd && r.raw(I.sd!) === '') r.need(I.sd!, 'sd', CONTINUOUS[outcome]!);
		else if (sd <= 0)
			r.error('sd', r.raw(I.sd!), `sd must be greater than 0, got "${r.raw(I.sd!)}"`, SD_HINT);
		else if (sd === sd && checkScaleValue(r, I.sd!, 'sd', sd))
			checkSdFloor(r, I.sd!, scale, sd, this.#scales.range(scaleId, scale));
		if (measure === 0 && r.raw(I.measure!) === '') r.need(I.measure!, 'measure', CONTINUOUS[outcome]!);
		if (direction === 0 && r.raw(I.direction!) === '')
			r.need(I.direction!, 'direction', CONTINUOUS[outcome]!);
		if (events === events)
			r.warn('events', r.raw(I.events!), `events is ignored for a continuous outcome (${outcome})`, ONE_KIND);
		if (scale === '') return;
		this.#scales.check(outcome, scaleId, scale, direction === 0 ? null : DIRECTIONS[direction - 1]!);
		this.#scales.checkMean(scaleId, scale, measure === 0 ? null : MEASURES[measure - 1]!, mean);
	}

	#binary(outcome: Outcome, n: number, events: number, mean: number, sd: number): void {
		const r = this.r;
		const I = this.#i;
		if (events !== events && r.raw(I.events!) === '')
			r.need(I.events!, 'events', `a binary outcome (${outcome})`);
		else if (events > n)
			r.error(
				'events',
				r.raw(I.events!),
				`events (${events}) cannot exceed n (${n})`,
				'events counts people among the n of this arm.'
			);
		if (mean === mean)
			r.warn('mean', r.raw(I.mean!), `mean is ignored for a binary outcome (${outcome})`, ONE_KIND);
		if (sd === sd) r.warn('sd', r.raw(I.sd!), `sd is ignored for a binary outcome (${outcome})`, ONE_KIND);
	}
}

const CONTINUOUS: Readonly<Record<string, string>> = {
	pain: 'a continuous outcome (pain)',
	function: 'a continuous outcome (function)'
};
const WEEKS = 'Give weeks since randomisation (3 months = 13, 6 months = 26, 12 months = 52).';
const SD_HINT =
	'A standard deviation is always positive; if only an SE or CI is reported, derive the SD and say how in notes.';
const SHAM_ONLY = 'sham_type describes sham arms only; leave it empty for other arms.';
const ONE_KIND =
	'Continuous outcomes (pain, function) use mean, sd and measure; binary outcomes (responder, adverse_events) use events.';
