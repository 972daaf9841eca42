import type { RowReader } from './row-reader';
import { SCALE_IDS, scaleInfo, scaleRange, type ScaleInfo } from './scales';
import type { Direction, Measure, Outcome } from './schema';
import { suggest } from './suggest';

const KNOWN = `Known scales: ${SCALE_IDS.join(', ')}.`;

/**
 * Warnings about the scale of continuous rows, against the registry (scales.ts): an unknown scale (once per
 * code), a scale of another outcome (once per code and outcome), a direction that contradicts the scale and a
 * mean outside the scale's range (per row). Warnings never stop a file from loading.
 */
export class ScaleChecker {
	readonly #once = new Set<string>();
	#lastScale = -1;
	#lastInfo: ScaleInfo | undefined;
	#rangeScale = -2;
	#range: { min: number; max: number } | undefined;

	constructor(private readonly r: RowReader) {}

	/** The registry entry, looked up again only when the scale (by its text index) changes. */
	#info(scaleId: number, scale: string): ScaleInfo | undefined {
		if (scaleId !== this.#lastScale) {
			this.#lastScale = scaleId;
			this.#lastInfo = scaleInfo(scale);
		}
		return this.#lastInfo;
	}

	/** scaleRange(scale), looked up again only when the scale (by its text index) changes. */
	range(scaleId: number, scale: string): { min: number; max: number } | undefined {
		if (scaleId !== this.#rangeScale) {
			this.#rangeScale = scaleId;
			this.#range = scaleRange(scale);
		}
		return this.#range;
	}

	check(outcome: Outcome, scaleId: number, scale: string, direction: Direction | null): void {
		const info = this.#info(scaleId, scale);
		if (!info) {
			if (this.#first('u' + scale)) {
				const near = suggest(scale, SCALE_IDS);
				this.r.warn(
					'scale',
					scale,
					near !== undefined
						? `unknown scale "${scale}"; did you mean "${near}"?`
						: `unknown scale "${scale}"`,
					`${KNOWN} Rows on another scale are read but pooled only with rows on the same scale; ` +
						'pain on an unlisted scale cannot be put on the 0-100 scale.'
				);
			}
			return;
		}
		if (info.outcome !== outcome && this.#first(`o${scale}\u0000${outcome}`)) {
			this.r.warn(
				'scale',
				scale,
				`scale "${scale}" measures ${info.outcome}, but outcome is ${outcome}`,
				'Check the outcome or the scale.'
			);
		}
		if (direction !== null && direction !== info.direction) {
			const better = info.direction === 'lower_better' ? 'lower' : 'higher';
			this.r.warn(
				'direction',
				direction,
				`direction "${direction}" contradicts the scale ${scale}, on which ${better} is better`,
				'direction describes the scale as scored, not the sign of a change; check it.'
			);
		}
	}

	/** Warns when a mean lies outside what the scale allows (change: within +/- the range width). */
	checkMean(scaleId: number, scale: string, measure: Measure | null, mean: number): void {
		const info = this.#info(scaleId, scale);
		if (!info || info.min === null || info.max === null || mean !== mean) return;
		const width = info.max - info.min;
		const outside = measure === 'change' ? Math.abs(mean) > width : mean < info.min || mean > info.max;
		if (!outside) return;
		const range = measure === 'change' ? `-${width} to ${width} for a change` : `${info.min} to ${info.max}`;
		this.r.warn(
			'mean',
			String(mean),
			`mean ${mean} is outside the range of ${scale} (${range})`,
			'Check the value, the scale and whether the mean is a change or a final value.'
		);
	}

	#first(key: string): boolean {
		if (this.#once.has(key)) return false;
		this.#once.add(key);
		return true;
	}
}
