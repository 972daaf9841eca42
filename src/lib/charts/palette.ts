import {
	symbol,
	symbolCircle,
	symbolCross,
	symbolDiamond,
	symbolSquare,
	symbolTriangle,
	type SymbolType
} from 'd3-shape';
import type { Arm, Rob } from '$lib/data/schema';

/** Okabe-Ito colour of each arm, as a CSS custom property defined in app.css. */
export const ARM_COLOUR: Record<Arm, string> = {
	acupuncture: 'var(--c-acupuncture)',
	sham: 'var(--c-sham)',
	no_treatment: 'var(--c-none)',
	usual_care: 'var(--c-usual)',
	active_drug: 'var(--c-drug)'
};

/** Redundant marker shape of each arm, so colour is never the only cue. */
export const ARM_SHAPE: Record<Arm, 'circle' | 'triangle' | 'square' | 'diamond' | 'cross'> = {
	acupuncture: 'circle',
	sham: 'triangle',
	no_treatment: 'square',
	usual_care: 'diamond',
	active_drug: 'cross'
};

const SYMBOLS: Record<string, SymbolType> = {
	circle: symbolCircle,
	triangle: symbolTriangle,
	square: symbolSquare,
	diamond: symbolDiamond,
	cross: symbolCross
};

/**
 * SVG path of a marker centred on (0, 0) whose area is `area` square pixels (d3-shape `symbol`).
 * @example markerPath('square', 100) // 'M-5,-5L5,-5L5,5L-5,5Z'
 */
export function markerPath(shape: keyof typeof SYMBOLS, area: number): string {
	return symbol(SYMBOLS[shape] ?? symbolCircle, area)() ?? '';
}

export interface RobMarkStyle {
	shape: 'circle' | 'triangle' | 'square';
	letter: string;
	colour: string;
	/** Colour of the letter drawn on the shape. */
	ink: string;
	label: string;
}

/** Risk-of-bias marks: colour, shape and letter, so each level reads without colour. */
export const ROB_MARK: Record<Rob | 'unknown', RobMarkStyle> = {
	low: { shape: 'circle', letter: 'L', colour: 'var(--c-usual)', ink: '#ffffff', label: 'low risk of bias' },
	some: { shape: 'triangle', letter: 'S', colour: 'var(--c-sham)', ink: '#1b1f24', label: 'some concerns' },
	high: { shape: 'square', letter: 'H', colour: 'var(--c-harm)', ink: '#ffffff', label: 'high risk of bias' },
	unknown: {
		shape: 'circle',
		letter: '?',
		colour: '#ffffff',
		ink: '#1b1f24',
		label: 'risk of bias not reported'
	}
};
