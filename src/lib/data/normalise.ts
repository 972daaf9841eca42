import { painTo100Factor } from './scales';
import type { Direction } from './schema';
import type { ArmRow } from './types';

/**
 * The sign that orients a continuous outcome so that negative favours the treatment (docs/ARCHITECTURE.md section 4.2): values on a
 * `higher_better` scale are negated, values on a `lower_better` scale kept.
 * @example orientation('higher_better') // -1
 */
export function orientation(direction: Direction | null): 1 | -1 {
	return direction === 'higher_better' ? -1 : 1;
}

/** An arm's mean and SD ready for analysis: oriented, and pain put on the 0-100 scale. */
export interface NormalisedArm {
	mean: number;
	sd: number;
	/** The scale the numbers are now on: `pain_0_100` for converted pain, else the row's scale. */
	scale: string;
}

/**
 * Normalises a continuous arm row: pain scales with a known `to100` factor are multiplied by it (0-10 -> 0-100,
 * docs/ARCHITECTURE.md section 4.3) and every value is oriented by its direction. Null for a binary row or a row without mean or SD.
 * @example normaliseArm({ ...row, scale: 'NRS_0_10', direction: 'lower_better', mean: -2.1, sd: 1.9 })
 * // { mean: -21, sd: 19, scale: 'pain_0_100' }
 */
export function normaliseArm(row: ArmRow): NormalisedArm | null {
	if (row.mean === null || row.sd === null) return null;
	const factor = row.outcome === 'pain' ? painTo100Factor(row.scale) : undefined;
	const sign = orientation(row.direction);
	return factor === undefined
		? { mean: sign * row.mean, sd: row.sd, scale: row.scale }
		: { mean: sign * row.mean * factor, sd: row.sd * factor, scale: 'pain_0_100' };
}
