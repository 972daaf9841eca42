import type { Direction, Outcome } from './schema';

/** A known measurement instrument. */
export interface ScaleInfo {
	id: string;
	label: string;
	outcome: Extract<Outcome, 'pain' | 'function'>;
	/** Range of possible scores; null for unbounded scores such as T-scores. */
	min: number | null;
	max: number | null;
	/** Which way is better on the instrument as scored. */
	direction: Direction;
	/** Factor to the common 0-100 pain scale (docs/ARCHITECTURE.md section 4.3: 0-10 scales x10); pain scales only. */
	to100?: number;
}

/**
 * The instruments the dashboard knows. A row may use another scale code: it is read, with a warning, and only
 * pooled with rows on the same code. Ranges and directions are those of the instruments as published: VAS/NRS
 * (0 = no pain), Roland-Morris (0 = no disability; the 23-item version is the modified RMDQ), Oswestry (0 = no
 * disability), Chronic Pain Grade pain items (von Korff; 0 = no pain), Hannover Functional Ability Questionnaire (100 = full function), SF-36 bodily pain (100 = no pain),
 * PROMIS pain interference and pain intensity T-scores (population mean 50, SD 10; higher = worse). PROMIS T-scores
 * are not on a 0-100 range, so they enter SMD analyses only.
 */
export const SCALES: Readonly<Record<string, ScaleInfo>> = Object.freeze({
	VAS_0_100: scale('VAS_0_100', 'visual analogue scale 0-100 mm', 'pain', 0, 100, 'lower_better', 1),
	VAS_0_10: scale('VAS_0_10', 'visual analogue scale 0-10 cm', 'pain', 0, 10, 'lower_better', 10),
	NRS_0_10: scale('NRS_0_10', 'numeric rating scale 0-10', 'pain', 0, 10, 'lower_better', 10),
	NRS_0_100: scale('NRS_0_100', 'numeric rating scale 0-100', 'pain', 0, 100, 'lower_better', 1),
	CPGS_pain_0_100: scale(
		'CPGS_pain_0_100',
		'Chronic Pain Grade pain intensity 0-100',
		'pain',
		0,
		100,
		'lower_better',
		1
	),
	// SF-36 bodily pain mixes intensity with interference: not put on the 0-100 pain-intensity scale (SMD only).
	SF36_BP_0_100: scale('SF36_BP_0_100', 'SF-36 bodily pain 0-100', 'pain', 0, 100, 'higher_better'),
	PROMIS_PI_T: scale('PROMIS_PI_T', 'PROMIS pain interference T-score', 'pain', null, null, 'lower_better'),
	PROMIS_intensity_T: scale(
		'PROMIS_intensity_T',
		'PROMIS pain intensity T-score',
		'pain',
		null,
		null,
		'lower_better'
	),
	RMDQ_0_24: scale(
		'RMDQ_0_24',
		'Roland-Morris Disability Questionnaire 0-24',
		'function',
		0,
		24,
		'lower_better'
	),
	RMDQ_0_23: scale('RMDQ_0_23', 'modified Roland-Morris 0-23', 'function', 0, 23, 'lower_better'),
	ODI_0_100: scale('ODI_0_100', 'Oswestry Disability Index 0-100', 'function', 0, 100, 'lower_better'),
	HFAQ_0_100: scale(
		'HFAQ_0_100',
		'Hannover Functional Ability Questionnaire 0-100',
		'function',
		0,
		100,
		'higher_better'
	)
});

function scale(
	id: string,
	label: string,
	outcome: ScaleInfo['outcome'],
	min: number | null,
	max: number | null,
	direction: Direction,
	to100?: number
): ScaleInfo {
	return to100 === undefined
		? { id, label, outcome, min, max, direction }
		: { id, label, outcome, min, max, direction, to100 };
}

/** The registry entry of a scale code, or undefined for an unknown code. */
export function scaleInfo(id: string): ScaleInfo | undefined {
	return Object.hasOwn(SCALES, id) ? SCALES[id] : undefined;
}

/** The known scale codes, for suggestions and the codebook. */
export const SCALE_IDS: readonly string[] = Object.keys(SCALES);

/**
 * The range written at the end of a scale code (`CPGS_pain_0_100` -> 0..100), for codes not in the registry.
 * @example scaleRangeFromCode('VAS_worst_0_100') // { min: 0, max: 100 }
 */
export function scaleRangeFromCode(id: string): { min: number; max: number } | undefined {
	const m = /_(\d+)_(\d+)$/.exec(id);
	if (!m) return undefined;
	const min = Number(m[1]);
	const max = Number(m[2]);
	return min < max ? { min, max } : undefined;
}

/**
 * Factor that puts a pain score on the common 0-100 scale (docs/ARCHITECTURE.md section 4.3), or undefined when the scale cannot be
 * converted (unknown code, T-score, function scale).
 * @example painTo100Factor('NRS_0_10') // 10
 */
export function painTo100Factor(id: string): number | undefined {
	return scaleInfo(id)?.to100;
}

/** The range of a scale: the registry's, else the one its code ends with (`_min_max`), else undefined. */
export function scaleRange(scale: string): { min: number; max: number } | undefined {
	const info = scaleInfo(scale);
	return info && info.min !== null && info.max !== null
		? { min: info.min, max: info.max }
		: scaleRangeFromCode(scale);
}
