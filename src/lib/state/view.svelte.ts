import { getContext, setContext } from 'svelte';
import { MAX_FUNNEL_POINTS, MAX_TRIAL_ROWS } from '$lib/charts/limits';
import type { DataSource } from '$lib/data/merge';
import type { Dataset } from '$lib/data/types';
import type { Claim } from '$lib/evidence/claims';
import type { ClaimView } from '$lib/evidence/claim-context';
import type { Prerendered } from '$lib/evidence/prerendered';
import type { AnalysisSettings } from '$lib/evidence/types';
import { startAnalysisWorker } from './start-worker';
import { AnalysisSession } from './session.svelte';
import {
	claimViewOf,
	controlsFromSearch,
	controlsToParams,
	DEFAULT_CONTROLS,
	settingsOf,
	type Controls
} from './url-params';

/**
 * The page's shared state: the controls (kept in the URL) and the analysis session, which owns everything
 * derived from them and the loaded data (computed on the page, or for large data by the analysis worker).
 */
export class ViewState {
	controls = $state<Controls>({ ...DEFAULT_CONTROLS });
	readonly claims: Claim[];
	/** Every statistic of the data shown: analyses, claims, network, time courses, bias checks. */
	readonly session: AnalysisSession;

	/**
	 * `data` is read lazily, so replacing the loaded dataset recomputes everything. With `source` (the same
	 * data as typed tables), data larger than WORKER_ROWS are analysed in a worker where workers exist
	 * (`startWorker` starts it; tests pass their own). `prerendered` holds the build-time statistics of the bundled
	 * data under the default controls, shown while `isBundled()` and the controls match (see AnalysisSession).
	 */
	constructor(
		data: () => Dataset,
		claims: Claim[],
		source?: () => DataSource,
		startWorker: () => Worker = startAnalysisWorker,
		prerendered?: { results: Prerendered; isBundled: () => boolean }
	) {
		this.claims = claims;
		this.session = new AnalysisSession({
			data,
			source,
			claims,
			settings: () => this.settings,
			view: () => this.claimView,
			maxTrialMarks: MAX_TRIAL_ROWS,
			// No chart draws one mark per study above the funnel plot's cap; the lists show the first MAX_TRIAL_ROWS.
			pageStudies: { above: MAX_FUNNEL_POINTS, keep: MAX_TRIAL_ROWS },
			startWorker,
			prerendered: prerendered?.results,
			isBundled: prerendered?.isBundled
		});
	}

	settings: AnalysisSettings = $derived(settingsOf(this.controls));
	claimView: ClaimView = $derived(claimViewOf(this.controls));

	/** The session's analyses, claim results and network (see AnalysisSession). */
	get analyses() {
		return this.session.analyses;
	}
	get results() {
		return this.session.results;
	}
	get network() {
		return this.session.network;
	}
	get networks() {
		return this.session.networks;
	}
	/** True when the statistics are computed off the page (large data). */
	get offPage() {
		return this.session.offPage;
	}
	/** True while the worker computes: what is shown is for the settings before the last change. */
	get computing() {
		return this.session.computing;
	}
	/** Why the worker could not compute the analyses, if it could not. */
	get remoteError() {
		return this.session.remoteError;
	}

	/** Sends the data and controls to the analysis worker when the data are large (call in an effect). */
	schedule(): void {
		this.session.schedule();
	}

	/** Stops the analysis worker (when the page goes away). */
	destroy(): void {
		this.session.destroy();
	}

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

	/**
	 * Reads the controls from a query string. Controls equal to the current ones are not replaced: a new object
	 * would make every result, sentence and chart of the page compute again (at hydration: ~25 ms for nothing).
	 */
	fromQuery(search: string): void {
		const next = controlsFromSearch(search);
		if (controlsToParams(next).toString() !== this.query) this.controls = next;
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
