import { getContext, setContext } from 'svelte';
import type { Dataset } from '$lib/data/types';
import { buildAnalyses } from '$lib/evidence/analyses';
import type { Claim } from '$lib/evidence/claims';
import type { ClaimView } from '$lib/evidence/claim-context';
import { evaluateClaims } from '$lib/evidence/evaluate';
import type { AnalysisSettings } from '$lib/evidence/types';
import { controlsFromSearch, controlsToParams, DEFAULT_CONTROLS, type Controls } from './url-params';

/**
 * The page's shared state: the controls (kept in the URL) and everything derived from them and the loaded
 * data. Statistics are $derived, never written from an effect.
 */
export class ViewState {
	controls = $state<Controls>({ ...DEFAULT_CONTROLS });

	readonly #data: () => Dataset;
	readonly claims: Claim[];

	/** `data` is read lazily, so replacing the loaded dataset recomputes everything. */
	constructor(data: () => Dataset, claims: Claim[]) {
		this.#data = data;
		this.claims = claims;
	}

	settings: AnalysisSettings = $derived({
		method: this.controls.method,
		test: this.controls.test,
		level: 95,
		painMeasure: this.controls.painMeasure,
		excludeHighRob: this.controls.excludeHighRob,
		excluded: this.controls.excluded,
		usualCareAsNone: this.controls.usualCareAsNone
	});

	claimView: ClaimView = $derived({
		mids: {
			MD: this.controls.midMD,
			SMD: this.controls.midSMD,
			RR: this.controls.midRR,
			OR: this.controls.midRR,
			RD: 0.05
		},
		outcome: this.controls.outcome,
		window: this.controls.window,
		population: this.controls.population,
		usualCareAsNone: this.controls.usualCareAsNone
	});

	analyses = $derived.by(() => buildAnalyses(this.#data(), this.settings));
	results = $derived.by(() => evaluateClaims(this.claims, this.analyses, this.claimView));

	/** The query string of the current view. */
	query = $derived(controlsToParams(this.controls).toString());

	set<K extends keyof Controls>(key: K, value: Controls[K]): void {
		this.controls[key] = value;
	}

	/** Exclude a study from every analysis, or include it again. */
	toggleStudy(studyId: string): void {
		const ex = this.controls.excluded;
		this.controls.excluded = ex.includes(studyId) ? ex.filter((s) => s !== studyId) : [...ex, studyId];
	}

	fromQuery(search: string): void {
		this.controls = controlsFromSearch(search);
	}

	reset(): void {
		this.controls = { ...DEFAULT_CONTROLS, audience: this.controls.audience };
	}
}

const KEY = Symbol('view');
export function setViewContext(v: ViewState): ViewState {
	return setContext(KEY, v);
}
export function getViewContext(): ViewState {
	return getContext<ViewState>(KEY);
}
