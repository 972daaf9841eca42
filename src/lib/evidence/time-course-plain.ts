import type { TimeCourseClaim } from './time-course';
import { weekText } from './time-course-text';

/** Plain names of the controls for patients (as plain.ts). */
const PLAIN_CONTROL: Record<string, string> = {
	sham: 'sham acupuncture',
	no_treatment: 'no extra treatment',
	usual_care: 'usual care',
	active_drug: 'a painkilling drug'
};

const GROUPS =
	'Trials report averages for groups: they cannot tell whether someone who has not improved by 6-8 weeks would improve later. To know that, trials would have to follow each person over time and report how many who had not improved by then got better later.';

/**
 * The 6-8 weeks claim for patients: when the groups first differed, for how long, and what the trials cannot say,
 * in words and whole weeks (the primary comparison of the time-course model, time-course.ts).
 */
export function plainTimeCourse(tc: TimeCourseClaim | undefined): string {
	const c = tc?.comparisons.find((x) => x.key === tc.primary);
	if (!tc || !c?.course.main)
		return `No group of trials measured often enough to tell how quickly acupuncture works. ${GROUPS}`;
	const fit = c.course.main;
	const other = PLAIN_CONTROL[c.control] ?? c.control;
	const first = weekText(c.course.range[0]);
	const last = weekText(c.course.range[1]);
	const k = c.course.trials;
	const when =
		fit.separatedAt !== null
			? `In ${k} trials, people who had real acupuncture had less pain on average than people who had ${other} by week ${fit.separatedAt} after starting.`
			: fit.separatedAtWald !== null
				? `In ${k} trials, people who had real acupuncture seemed to have less pain on average than people who had ${other} from about week ${fit.separatedAtWald}, but there are too few trials to be sure.`
				: `In ${k} trials, we cannot tell when people who had real acupuncture started to do better than people who had ${other}.`;
	const lasted = c.lasting.filter((l) => l.status === 'lasted').map((l) => l.week);
	const faded = c.lasting.filter((l) => l.status === 'unclear').map((l) => l.week);
	const howLong =
		lasted.length > 0
			? `The difference was still there at week ${lasted.at(-1)} (about ${Math.round(lasted.at(-1)! / 4.35)} months).`
			: faded.length > 0
				? `By week ${faded[0]} the difference was no longer clear.`
				: `The trials measured from week ${first} to week ${last}, so they cannot say whether the difference lasted 6 months or a year.`;
	return `${when} ${howLong} ${GROUPS}`;
}
