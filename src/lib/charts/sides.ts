import { ARM_LABELS } from '$lib/data/schema';
import type { Analysis } from '$lib/evidence/types';
import type { Sides } from './types';

/**
 * Labels of the two sides of the no-effect line (docs/ARCHITECTURE.md section 4.2 (orientation)): continuous outcomes are
 * oriented so that negative favours the treatment; responder ratios above 1 favour the treatment; adverse-event
 * ratios above 1 mean more harm with the treatment.
 * @example defaultSides({ outcome: 'pain', treatment: 'acupuncture', control: 'sham' })
 *   // { left: 'favours real acupuncture', right: 'favours sham acupuncture' }
 */
export function defaultSides(a: Pick<Analysis, 'outcome' | 'treatment' | 'control'>): Sides {
	const t = ARM_LABELS[a.treatment];
	const c = ARM_LABELS[a.control];
	if (a.outcome === 'responder') return { left: `favours ${c}`, right: `favours ${t}` };
	if (a.outcome === 'adverse_events')
		return { left: `fewer adverse events with ${t}`, right: `more adverse events with ${t}` };
	return { left: `favours ${t}`, right: `favours ${c}` };
}
