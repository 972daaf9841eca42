import type { RobJudgement } from './rob';
import type {
	Arm,
	Comparator,
	ContrastMeasure,
	Direction,
	Measure,
	Outcome,
	Population,
	Rob,
	ShamType
} from './schema';

/** One validated row of trials.csv (docs/ARCHITECTURE.md section 3.1). `line` is the physical CSV line number (header = 1). */
export interface ArmRow {
	line: number;
	study_id: string;
	study: string;
	year: number;
	population: Population;
	arm: Arm;
	arm_label: string;
	sham_type: ShamType | null;
	/** What a control arm really received (null when not said). */
	comparator: Comparator | null;
	/** Acupuncture arms: planned sessions per participant (null or absent when not said). */
	sessions?: number | null;
	/** Acupuncture arms: weeks of treatment, i.e. when the course ended (null or absent when not said). */
	course_weeks?: number | null;
	outcome: Outcome;
	scale: string;
	direction: Direction | null;
	timepoint_weeks: number;
	n: number;
	mean: number | null;
	sd: number | null;
	measure: Measure | null;
	events: number | null;
	rob: Rob | null;
	source: string;
	locator: string;
	notes: string;
}

/** One validated row of contrasts.csv (docs/ARCHITECTURE.md section 3.2). Ratios are stored as ratios, not logs. */
export interface ContrastRow {
	line: number;
	study_id: string;
	study: string;
	year: number;
	population: Population;
	treatment: Arm;
	control: Arm;
	sham_type: ShamType | null;
	/** What a control arm really received (null when not said). */
	comparator: Comparator | null;
	outcome: Outcome;
	scale: string;
	direction: Direction | null;
	timepoint_weeks: number;
	n_treatment: number | null;
	n_control: number | null;
	measure: ContrastMeasure;
	estimate: number;
	ci_lower: number;
	ci_upper: number;
	adjusted: boolean;
	rob: Rob | null;
	source: string;
	locator: string;
	notes: string;
}

export type Severity = 'error' | 'warning';

/** A located problem in an input file. Never thrown: returned beside the rows. */
export interface Problem {
	severity: Severity;
	file: string;
	/** Physical CSV line number (header = 1); 0 when the problem concerns the whole file. */
	row: number;
	/** Column name, or '' when the problem concerns a whole row or file. */
	column: string;
	value: string;
	message: string;
	/** What to do about it. */
	hint: string;
}

export interface Dataset {
	trials: ArmRow[];
	contrasts: ContrastRow[];
	/** The project's risk-of-bias judgements (data/rob.csv), matched to trials by study_id. */
	rob?: RobJudgement[];
}
