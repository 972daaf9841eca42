/**
 * The slide deck of the presentation mode: a title slide, one slide per claim, a slide that builds the network of
 * trials, and a closing slide.
 */
import type { ClaimResult } from '$lib/evidence/claim-context';
import { VERDICTS, type Verdict } from '$lib/evidence/verdicts';

export const TITLE_LABEL = 'Checking the claims against the trials';
export const CLOSING_LABEL = 'What this means';
export const NETWORK_LABEL = 'All the trials in one network';

/** Number of slides: title, one per claim, the network, closing. */
export function slideCount(results: readonly ClaimResult[]): number {
	return results.length + 3;
}

/** A slide index from the URL made safe: a whole number from 0 to the last slide. */
export function clampSlide(n: number, count: number): number {
	if (!Number.isFinite(n)) return 0;
	return Math.min(Math.max(0, Math.floor(n)), count - 1);
}

/** What a slide is about, for its accessible name ("Slide 3 of 17: <label>"). */
export function slideLabel(index: number, results: readonly ClaimResult[]): string {
	if (index === 0) return TITLE_LABEL;
	if (index === results.length + 1) return NETWORK_LABEL;
	return results[index - 1]?.claim.label ?? CLOSING_LABEL;
}

/** How many claims got each verdict, in the order of the verdict vocabulary; verdicts no claim got are left out. */
export function verdictTally(results: readonly ClaimResult[]): { verdict: Verdict; count: number }[] {
	return VERDICTS.map((verdict) => ({
		verdict,
		count: results.filter((r) => r.verdict === verdict).length
	})).filter((t) => t.count > 0);
}

/** "5 supported, 2 partly supported and 6 not testable". */
export function tallyText(results: readonly ClaimResult[]): string {
	const parts = verdictTally(results).map((t) => `${t.count} ${t.verdict}`);
	return parts.length < 2 ? (parts[0] ?? 'none') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
