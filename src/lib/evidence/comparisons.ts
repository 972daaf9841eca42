import { ARM_LABELS, type Arm } from '$lib/data/schema';

/** Arms in the order that decides which side of a comparison is the "treatment". */
export const ARM_ORDER: readonly Arm[] = ['acupuncture', 'sham', 'usual_care', 'active_drug', 'no_treatment'];

export interface Comparison {
	treatment: Arm;
	control: Arm;
}

/** Every pair of arms, treatment before control in ARM_ORDER (acupuncture-vs-sham, ..., usual_care-vs-no_treatment). */
export const COMPARISONS: readonly Comparison[] = ARM_ORDER.flatMap((treatment, i) =>
	ARM_ORDER.slice(i + 1).map((control) => ({ treatment, control }))
);

/** True when `treatment` comes after `control` in ARM_ORDER, i.e. a reported contrast must be flipped. */
export function isReversed(treatment: Arm, control: Arm): boolean {
	return ARM_ORDER.indexOf(treatment) > ARM_ORDER.indexOf(control);
}

export function comparisonKey(c: Comparison): string {
	return `${c.treatment}-vs-${c.control}`;
}

export function comparisonLabel(c: Comparison): string {
	return `${ARM_LABELS[c.treatment]} vs ${ARM_LABELS[c.control]}`;
}
