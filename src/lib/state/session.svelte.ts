import { rowCount, type DataSource } from '$lib/data/merge';
import type { Dataset } from '$lib/data/types';
import { buildAnalyses } from '$lib/evidence/analyses';
import type { Claim } from '$lib/evidence/claims';
import type { ClaimResult, ClaimView } from '$lib/evidence/claim-context';
import { evaluateClaims } from '$lib/evidence/evaluate';
import { timeCourseData, timeCourseStudies } from '$lib/evidence/time-points';
import { evidenceNetwork, type NetworkData } from '$lib/evidence/network';
import { buildNetworks, type OutcomeNetwork } from '$lib/evidence/network-analysis';
import { prerenderKey, type Prerendered } from '$lib/evidence/prerendered';
import { biasChecks, type BiasChecks } from '$lib/evidence/sensitivity';
import { claimTimeSeries, type TimeSeriesData } from '$lib/evidence/time-series';
import type { Analysis, AnalysisSettings } from '$lib/evidence/types';
import { AnalysisClient, startAnalysisWorker, type RemoteBias, type RemoteResult } from './analysis-client';

/**
 * Rows above which the analyses run in a worker. The page computes up to this many itself, within one 50 ms
 * task (docs/ARCHITECTURE.md sections 7 and 10.2; the bundled data take a few ms); analyses cost ~10 us a row, so 100,000 uploaded rows
 * would hold the page for about a second.
 */
export const WORKER_ROWS = 5000;
/**
 * Trials with a time course above which the analyses run in the worker whatever the row count: each comparison
 * of the time-course claim is fitted at three assumed correlations, ~1 ms per trial per fit when the fit converges
 * quickly, up to ten times that when it does not.
 */
export const WORKER_TIME_COURSE_STUDIES = 40;

/** The bias checks of one analysis as the page shows them: still being computed, done, or failed. */
export type BiasState =
	{ status: 'computing' } | { status: 'ready'; checks: BiasChecks } | { status: 'failed'; message: string };

/** What a session reads from the page: the data (as rows and as typed tables) and the controls. */
export interface SessionInputs {
	data: () => Dataset;
	/** The same data as typed tables, when the page has them (then large data go to the worker). */
	source?: () => DataSource;
	claims: Claim[];
	settings: () => AnalysisSettings;
	view: () => ClaimView;
	/** Trial marks a time course may hold before it keeps its pooled points only. */
	maxTrialMarks: number;
	/** Starts the analysis worker (tests pass their own). */
	startWorker?: () => Worker;
	/**
	 * The statistics computed at build time for the bundled data (see prerendered.ts), and whether only the
	 * bundled data are shown: while they are and the controls match, the session shows them instead of computing.
	 */
	prerendered?: Prerendered;
	isBundled?: () => boolean;
}

/**
 * Owns every statistic derived from the data shown: the analyses, the claim results, the evidence network,
 * each claim's time course and each analysis's bias checks (Egger-type test, trim and fill, leave-one-out,
 * Q-profile intervals). Components ask the session and never learn who computed the answer: the page itself
 * for data up to WORKER_ROWS rows, the analysis worker above (or the page again if no worker can start).
 */
export class AnalysisSession {
	readonly claims: Claim[];
	readonly #in: SessionInputs;
	readonly #startWorker: () => Worker;
	#client: AnalysisClient | null = null;
	/** The newest answer of the analysis worker, and the newest request sent. */
	#remote = $state.raw<RemoteResult | null>(null);
	#requested = $state(0);
	/** Why the worker could not compute the analyses, if it could not. */
	remoteError = $state<string | null>(null);
	/** True when no worker could be started here: the page then computes everything itself. */
	#noWorker = $state(false);
	/** Bias checks: computed on the page (by analysis object), or received from the worker (by seq and id). */
	readonly #localBias = new WeakMap<Analysis, BiasState>();
	// Not reactive on purpose: biasChecks() records a question while a template reads it (a reactive write there
	// is not allowed); #biasArrived tells the readers when an answer came.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #remoteBias = new Map<string, BiasState>();
	#biasArrived = $state(0);
	readonly #localSeries = new WeakMap<ClaimResult, TimeSeriesData[]>();

	constructor(inputs: SessionInputs) {
		this.#in = inputs;
		this.claims = inputs.claims;
		this.#startWorker = inputs.startWorker ?? startAnalysisWorker;
	}

	#sourceNow(): DataSource | null {
		return this.#in.source?.() ?? null;
	}

	/**
	 * True when the statistics are computed off the page: large data, or data whose time course has so many
	 * trials that its model fits (rma.mv at three correlations) would hold the page (WORKER_TIME_COURSE_STUDIES).
	 */
	offPage = $derived.by(() => {
		const source = this.#sourceNow();
		if (typeof Worker === 'undefined' || this.#noWorker || !source) return false;
		if (rowCount(source) > WORKER_ROWS) return true;
		return timeCourseStudies(this.#in.data()) > WORKER_TIME_COURSE_STUDIES;
	});

	/** The worker's answer for the data shown (an answer about other data is never shown). */
	#current = $derived(this.#remote?.version === this.#sourceNow()?.version ? this.#remote : null);

	/** True while the worker computes: what is shown, if anything, is for the settings before the last change. */
	computing = $derived(this.offPage && this.remoteError === null && this.#current?.seq !== this.#requested);

	/** The build-time statistics while only the bundled data are shown (null otherwise). */
	#bundledPre = $derived.by(() =>
		this.#in.prerendered && !this.offPage && (this.#in.isBundled?.() ?? false) ? this.#in.prerendered : null
	);
	/** ... and while the controls are those they were computed for: hydration then computes nothing. */
	#pre = $derived.by(() =>
		this.#bundledPre && this.#bundledPre.key === prerenderKey(this.#in.settings(), this.#in.view())
			? this.#bundledPre
			: null
	);

	analyses: Analysis[] = $derived.by(() =>
		this.offPage
			? (this.#current?.analyses ?? [])
			: (this.#pre?.analyses ?? buildAnalyses(this.#in.data(), this.#in.settings()))
	);
	/** Network meta-analyses per outcome x population x window (docs/ARCHITECTURE.md section 4.10). */
	networks: OutcomeNetwork[] = $derived.by(() =>
		this.offPage
			? (this.#current?.networks ?? [])
			: (this.#pre?.networks ?? buildNetworks(this.#in.data(), this.#in.settings()))
	);
	results: ClaimResult[] = $derived.by(() =>
		this.offPage
			? (this.#current?.results ?? [])
			: (this.#pre?.results ??
				evaluateClaims(
					this.claims,
					this.analyses,
					this.#in.view(),
					this.networks,
					timeCourseData(this.#in.data(), this.#in.settings())
				))
	);

	/** Which treatments the trials compared (needs every row, so the worker computes it for large data). */
	network: NetworkData = $derived.by(() =>
		this.offPage
			? (this.#current?.network ?? { nodes: [], edges: [] })
			: (this.#bundledPre?.network ?? evidenceNetwork(this.#in.data()))
	);

	/**
	 * The data version whose statistics are all on screen (null while they are computed, or when they failed):
	 * the page reports it so the saved data are marked analysed.
	 */
	analysedVersion: number | null = $derived.by(() => {
		const version = this.#sourceNow()?.version;
		if (version === undefined) return null;
		if (this.offPage)
			return !this.computing && this.remoteError === null && this.#current ? this.#current.version : null;
		void this.results; // computed on the page: done once read
		return version;
	});

	/** The time course of a claim about timing (empty for other claims). */
	timeSeries(result: ClaimResult): TimeSeriesData[] {
		if (this.offPage) return this.#current?.series[result.claim.id] ?? [];
		const pre = this.#pre;
		if (pre && pre.results.includes(result)) return pre.series[result.claim.id] ?? [];
		let s = this.#localSeries.get(result);
		if (!s) {
			s = claimTimeSeries(result.claim, this.analyses, this.#in.view(), this.#in.maxTrialMarks);
			this.#localSeries.set(result, s);
		}
		return s;
	}

	/** The bias checks of one of the session's analyses: asked of the worker when it computed the analysis. */
	biasChecks(a: Analysis): BiasState {
		const current = this.#current;
		if (this.offPage && current) {
			void this.#biasArrived; // re-read when an answer arrives
			const key = `${current.seq}:${a.id}`;
			const known = this.#remoteBias.get(key);
			if (known) return known;
			const asked: BiasState = { status: 'computing' };
			this.#remoteBias.set(key, asked);
			this.#client?.requestBias(current.seq, a.id);
			return asked;
		}
		let local = this.#localBias.get(a);
		if (!local) {
			local = localBias(a);
			this.#localBias.set(a, local);
		}
		return local;
	}

	/**
	 * Sends the data (when changed) and the settings to the analysis worker if the data are large. Call it in an
	 * effect: it re-runs whenever the data or a control changes. Answers that arrive late are kept only if newer.
	 */
	schedule(): void {
		if (!this.offPage) return;
		const source = this.#sourceNow()!;
		const settings = $state.snapshot(this.#in.settings());
		const view = $state.snapshot(this.#in.view());
		try {
			this.#client ??= new AnalysisClient(
				{
					onResult: (r) => {
						if (!this.#remote || r.seq > this.#remote.seq) {
							this.#remoteBias.clear();
							this.#remote = r;
						}
					},
					onError: (message, neverStarted) => {
						if (neverStarted) this.#giveUpWorker();
						else this.remoteError = `The analyses could not be computed (${message}).`;
					},
					onBias: (b) => this.#receiveBias(b)
				},
				this.#startWorker
			);
			this.remoteError = null;
			this.#requested = this.#client.request(source, settings, this.claims, view, this.#in.maxTrialMarks);
		} catch {
			this.#giveUpWorker(); // no worker here (e.g. blocked by the browser): compute on the page instead
		}
	}

	#receiveBias(b: RemoteBias): void {
		if (b.seq !== this.#remote?.seq) return;
		this.#remoteBias.set(
			`${b.seq}:${b.id}`,
			b.checks ? { status: 'ready', checks: b.checks } : { status: 'failed', message: b.message ?? '' }
		);
		this.#biasArrived++;
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
}

function localBias(a: Analysis): BiasState {
	try {
		return { status: 'ready', checks: biasChecks(a) };
	} catch (e) {
		return { status: 'failed', message: (e as Error)?.message ?? String(e) };
	}
}
