import type { Arm, Outcome } from '$lib/data/schema';
import claimsFile from '$data/claims.json';

export type ClaimKind =
	| 'superiority'
	| 'equivalence'
	| 'both_superior'
	| 'placebo_share'
	| 'time_course'
	| 'safety'
	| 'subgroup'
	| 'residual_pain'
	| 'trial_count'
	| 'minor_harms'
	| 'advice'
	| 'mechanism';

export interface ClaimComparison {
	treatment: Arm;
	control: Arm;
	/** Evidence that stands in for the claim's comparison (e.g. usual care for "no therapy"). */
	indirect?: boolean;
	/** Why it is indirect, when the default wording for the control does not say it. */
	indirect_reason?: string;
}

export interface ClaimTest {
	outcome: Outcome;
	population: 'chronic' | 'acute' | 'any';
	window: 'immediate' | 'short' | 'intermediate' | 'long' | 'all' | 'any';
	comparisons: ClaimComparison[];
	subgroup?: 'sham_type';
	/** trial_count claims: the number of trials that counts as "numerous". */
	min_trials?: number;
}

export interface Claim {
	id: string;
	label: string;
	kind: ClaimKind;
	/** The article's exact words. */
	quote: string;
	/** Line of the article where the quote stands. */
	line: number;
	testable: boolean;
	test?: ClaimTest;
	/** How the claim is read as a testable question. */
	reading?: string;
	/** Why an untestable claim cannot be tested. */
	reason?: string;
}

export interface ClaimsFile {
	article: { title: string; publisher: string; year: number; file: string };
	claims: Claim[];
}

/** The bundled claims of the clinic's article (data/claims.json). */
export const bundledClaims: ClaimsFile = claimsFile as ClaimsFile;
