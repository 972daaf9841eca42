import { getContext, setContext } from 'svelte';
import { rowCount, type DataSource } from '$lib/data/merge';
import type { Dataset } from '$lib/data/types';
import { buildAnalyses } from '$lib/evidence/analyses';
import type { Claim } from '$lib/evidence/claims';
import type { ClaimView } from '$lib/evidence/claim-context';
import { evaluateClaims } from '$lib/evidence/evaluate';
import { evidenceNetwork, type NetworkData } from '$lib/evidence/network';
import type { AnalysisSettings } from '$lib/evidence/types';
import { AnalysisClient, startAnalysisWorker, type RemoteResult } from './analysis-client';
import {
	claimViewOf,
	controlsFromSearch,
	controlsToParams,
	DEFAULT_CONTROLS,
	settingsOf,
	type Controls
} from './url-params';

/**
 * Rows above which the analyses run in a worker. The page computes up to this many itself, within one 50 ms
 * task (DESIGN.md 7; the bundled data take a few ms); analyses cost ~10 us a row, so 100,000 uploaded rows
 * would hold the page for about a second.
 */
export const WORKER_ROWS = 5000;

/**
 * The page's shared state: the controls (kept in the URL) and everything derived from them and the loaded
 * data. Statistics are $derived on the page, or, for large data, computed by the analysis worker (`schedule`).
 */
export class ViewState {
	controls = $state<Controls>({ ...DEFAULT_CONTROLS });

	readonly #data: () => Dataset;
	readonly #source: (() => DataSource) | null;
	readonly #startWorker: () => Worker;
	readonly claims: Claim[];
	#client: AnalysisClient | null = null;
	/** The newest answer of the analysis worker, and the newest request sent. */
	#remote = $state.raw<RemoteResult | null>(null);
	#requested = $state(0);
	/** Why the worker could not compute the analyses, if it could not. */
	remoteError = $state<string | null>(null);
	/** True when no worker could be started here: the page then computes everything itself. */
	#noWorker = $state(false);

	/**
	 * `data` is read lazily, so replacing the loaded dataset recomputes everything. With `source` (the same
	 * data as typed tables), data larger than WORKER_ROWS are analysed in a worker where workers exist
	 * (`startWorker` starts it; tests pass their own).
	 */
	constructor(
		data: () => Dataset,
		claims: Claim[],
		source?: () => DataSource,
		startWorker: () => Worker = startAnalysisWorker
	) {
		this.#data = data;
		this.claims = claims;
		this.#source = source ?? null;
		this.#startWorker = startWorker;
	}

	/** The data shown as typed tables, when the page was given them. */
	#sourceNow(): DataSource | null {
		return this.#source?.() ?? null;
	}

	/** True when the analyses are computed off the page (large data). */
	offPage = $derived(
		rowCount(this.#sourceNow() ?? { counts: { trials: 0, contrasts: 0 } }) > WORKER_ROWS &&
			typeof Worker !== 'undefined' &&
			!this.#noWorker
	);

	/** The worker's answer for the data shown (an answer about other data is never shown). */
	#current = $derived(this.#remote?.version === this.#sourceNow()?.version ? this.#remote : null);

	/** True while the worker computes: what is shown, if anything, is for the settings before the last change. */
	computing = $derived(this.offPage && this.remoteError === null && this.#current?.seq !== this.#requested);

	settings: AnalysisSettings = $derived(settingsOf(this.controls));
	claimView: ClaimView = $derived(claimViewOf(this.controls));

	analyses = $derived.by(() =>
		this.offPage ? (this.#current?.analyses ?? []) : buildAnalyses(this.#data(), this.settings)
	);
	results = $derived.by(() =>
		this.offPage ? (this.#current?.results ?? []) : evaluateClaims(this.claims, this.analyses, this.claimView)
	);

	/** Which treatments the trials compared (needs every row, so the worker computes it for large data). */
	network: NetworkData = $derived.by(() =>
		this.offPage ? (this.#current?.network ?? { nodes: [], edges: [] }) : evidenceNetwork(this.#data())
	);

	/**
	 * Sends the data (when changed) and the settings to the analysis worker if the data are large. Call it in an
	 * effect: it re-runs whenever the data or a control changes. Answers that arrive late are kept only if newer.
	 */
	schedule(): void {
		if (!this.offPage) return;
		const source = this.#sourceNow()!;
		const settings = $state.snapshot(this.settings);
		const view = $state.snapshot(this.claimView);
		try {
			this.#client ??= new AnalysisClient(
				(r) => {
					if (!this.#remote || r.seq > this.#remote.seq) this.#remote = r;
				},
				(message, neverStarted) => {
					if (neverStarted) this.#giveUpWorker();
					else this.remoteError = `The analyses could not be computed (${message}).`;
				},
				this.#startWorker
			);
			this.remoteError = null;
			this.#requested = this.#client.request(source, settings, this.claims, view);
		} catch {
			this.#giveUpWorker(); // no worker here (e.g. blocked by the browser): compute on the page instead
		}
	}

	#giveUpWorker(): void {
		this.destroy();
		this.#noWorker = true;
	}

	/** Stops the analysis worker (when the page goes away). */
	destroy(): void {
		this.#client?.terminate();
		this.#client = null;
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
