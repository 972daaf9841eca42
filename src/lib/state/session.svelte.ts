import { rowCount, type DataSource } from '$lib/data/merge';
import type { Dataset } from '$lib/data/types';
import type { Claim } from '$lib/evidence/claims';
import type { ClaimResult, ClaimView } from '$lib/evidence/claim-context';
import type { NetworkData } from '$lib/evidence/network';
import type { OutcomeNetwork } from '$lib/evidence/network-analysis';
import type { NetworkCertaintyRow } from '$lib/evidence/network-certainty';
import type { NetworkFit } from '$lib/stats/network';
import { prerenderKey, type Prerendered, type StudyShare } from '$lib/evidence/prerendered';
import type { BiasChecks } from '$lib/evidence/sensitivity';
import type { SubgroupSplit } from '$lib/evidence/subgroups';
import { analysedTrials } from '$lib/evidence/study-count';
import { timeCourseStudies } from '$lib/evidence/time-course-count';
import type { PageStudies } from '$lib/evidence/study-summary';
import type { Analysis, AnalysisSettings, Window } from '$lib/evidence/types';
import type * as ClientModule from './analysis-client';
import type { Outcome, Population } from '$lib/data/schema';
import { findNetwork } from '$lib/evidence/network-find';
import type { NetworkNodes } from '$lib/evidence/network-nodes';
import type { Question } from '$lib/evidence/worker-protocol';
import type { AnalysisClient, RemoteBias, RemoteResult } from './analysis-client';
import { startAnalysisWorker } from './start-worker';
import { engineNow, loadEngine, type Engine } from './engine';

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

/** The analysis worker's client module once loaded on this page (every later session gets it at once). */
let clientModule: typeof ClientModule | null = null;

/** Loads the analysis worker's client now (sessions otherwise load it when data first need the worker). */
export async function loadWorkerClient(): Promise<void> {
	clientModule ??= await import('./analysis-client');
}

/** The bias checks of one analysis as the page shows them: still being computed, done, or failed. */
export type BiasState = AskState<BiasChecks>;

/** An answer the page asked the worker for: still being computed, done, or failed. */
export type AskState<T> =
	{ status: 'computing' } | { status: 'ready'; value: T } | { status: 'failed'; message: string };

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
	/**
	 * Analyses with more studies than the page draws (the funnel plot's cap) reach the page from the worker with
	 * only the rows its lists show and a summary (Analysis.summary); none are capped when absent.
	 */
	pageStudies?: PageStudies;
	/** Starts the analysis worker (tests pass their own). */
	startWorker?: () => Worker;
	/**
	 * The statistics computed at build time for the bundled data (see prerendered.ts), and whether only the
	 * bundled data are shown: while they are and the controls match, the session shows them instead of computing.
	 */
	prerendered?: Prerendered;
	isBundled?: () => boolean;
	/** Loads the engine (default: the shared on-demand import of src/lib/evidence/engine.ts). */
	loadEngine?: () => Promise<Engine>;
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
	/** The worker client's module, loaded the first time the data are large enough to need it. */
	#clientModule = $state.raw<typeof ClientModule | null>(clientModule);
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
	// Answers to questions (fromWorker), by answer seq and question; not reactive for the same reason as #remoteBias.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #answers = new Map<string, AskState<unknown>>();
	#answersArrived = $state(0);
	readonly #localSplits = new WeakMap<Analysis, SubgroupSplit | null>();
	/**
	 * The engine, once loaded: it is loaded the first time something must be computed on the page. Until it is
	 * there, the numbers shown before stay on screen (at first the build-time ones).
	 */
	#engine = $state.raw<Engine | null>(null);
	#engineAsked = false;
	/** What the page showed last (kept while the engine loads). */
	#shown: { analyses: Analysis[]; networks: OutcomeNetwork[]; results: ClaimResult[]; network: NetworkData } =
		{
			analyses: [],
			networks: [],
			results: [],
			network: { nodes: [], edges: [] }
		};

	constructor(inputs: SessionInputs) {
		this.#in = inputs;
		this.claims = inputs.claims;
		this.#startWorker = inputs.startWorker ?? startAnalysisWorker;
		// An engine already loaded on this page serves at once (an injected loader is always asked).
		if (!inputs.loadEngine) this.#engine = engineNow();
	}

	/**
	 * The engine if it is loaded; otherwise null, and its loading starts (readers re-run when it arrives). Safe to
	 * call while a template or a derived value is read: the state changes only when the import resolves.
	 */
	engine(): Engine | null {
		const e = this.#engine;
		if (e || this.#engineAsked) return e;
		this.#engineAsked = true;
		(this.#in.loadEngine ?? loadEngine)().then(
			(m) => (this.#engine = m),
			(err: unknown) => {
				this.#engineAsked = false;
				this.remoteError = `The analyses could not be computed (${(err as Error)?.message ?? String(err)}).`;
			}
		);
		return null;
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

	/** The engine when the page must compute (not for the build-time results), else null. */
	#pageEngine(): Engine | null {
		return this.#pre ? null : this.engine();
	}

	analyses: Analysis[] = $derived.by(() => {
		if (this.offPage) return this.#current?.analyses ?? [];
		const e = this.#pageEngine();
		const a = this.#pre?.analyses ?? e?.buildAnalyses(this.#in.data(), this.#in.settings());
		return a ? (this.#shown.analyses = a) : this.#shown.analyses;
	});
	/** Network meta-analyses per outcome x population x window (docs/ARCHITECTURE.md section 4.10). */
	networks: OutcomeNetwork[] = $derived.by(() => {
		if (this.offPage) return this.#current?.networks ?? [];
		const e = this.#pageEngine();
		const n = this.#pre?.networks ?? e?.buildNetworks(this.#in.data(), this.#in.settings());
		return n ? (this.#shown.networks = n) : this.#shown.networks;
	});
	results: ClaimResult[] = $derived.by(() => {
		if (this.offPage) return this.#current?.results ?? [];
		const e = this.#pageEngine();
		const r =
			this.#pre?.results ??
			e?.evaluateClaims(
				this.claims,
				this.analyses,
				this.#in.view(),
				this.networks,
				e.timeCourseData(this.#in.data(), this.#in.settings())
			);
		return r ? (this.#shown.results = r) : this.#shown.results;
	});

	/** Which treatments the trials compared (needs every row, so the worker computes it for large data). */
	network: NetworkData = $derived.by(() => {
		if (this.offPage) return this.#current?.network ?? { nodes: [], edges: [] };
		const n = this.#bundledPre?.network ?? this.engine()?.evidenceNetwork(this.#in.data());
		return n ? (this.#shown.network = n) : this.#shown.network;
	});

	/** True when the worker sent some analysis capped (Analysis.summary): questions about all studies go to it. */
	capped = $derived(this.offPage && this.analyses.some((a) => a.summary !== undefined));

	/** Ids of the trials in at least one pooled analysis (from the worker when it sent the analyses capped). */
	analysedTrials: ReadonlySet<string> = $derived.by(() => {
		const sent = this.offPage ? this.#current?.analysed : undefined;
		// A new set per answer, never mutated: nothing needs to react to its contents.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		return sent ? new Set(sent) : analysedTrials(this.analyses);
	});

	/**
	 * The data version whose statistics are all on screen (null while they are computed, or when they failed):
	 * the page reports it so the saved data are marked analysed.
	 */
	analysedVersion: number | null = $derived.by(() => {
		const version = this.#sourceNow()?.version;
		if (version === undefined) return null;
		if (this.offPage)
			return !this.computing && this.remoteError === null && this.#current ? this.#current.version : null;
		void this.results; // computed on the page: done once read (and once the engine has computed them)
		return this.#pre || this.#engine ? version : null;
	});

	/**
	 * A subgroup claim's analysis split by sham type, with the test for subgroup differences (null when it cannot
	 * be split, and while the engine loads).
	 */
	shamSplit(result: ClaimResult): SubgroupSplit | null {
		const pre = this.#in.prerendered;
		if (pre && pre.results.includes(result)) return pre.splits[result.claim.id] ?? null;
		const a = result.analyses[0];
		if (!a) return null;
		if (this.#localSplits.has(a)) return this.#localSplits.get(a)!;
		const e = this.engine();
		if (!e) return null;
		const split = e.splitByShamType(a);
		this.#localSplits.set(a, split);
		return split;
	}

	/** The build-time certainty of a network the page shows from the build-time results, if it is one. */
	#preCertainty(network: OutcomeNetwork, fit: NetworkFit) {
		const pre = this.#in.prerendered;
		if (!pre || !pre.networks.includes(network) || network.analysis?.components[0] !== fit) return null;
		return pre.networkCertainty[network.id] ?? null;
	}

	/**
	 * CINeMA certainty of each comparison of a network's first fit at `mid` (empty while the engine loads, or
	 * while the worker answers for a network it sent without its trials: `heldCertainty` says how that goes).
	 */
	networkCertainty(network: OutcomeNetwork, fit: NetworkFit, mid: number): NetworkCertaintyRow[] {
		if (network.held) {
			const asked = this.heldCertainty(network, mid);
			return asked?.status === 'ready' ? asked.value : [];
		}
		const pre = this.#preCertainty(network, fit);
		if (pre && pre.mid === mid) return pre.rows;
		return this.engine()?.networkCertainty(network, fit, mid) ?? [];
	}

	/** The worker's CINeMA certainty of a network it sent without its trials (null for any other network). */
	heldCertainty(network: OutcomeNetwork, mid: number): AskState<NetworkCertaintyRow[]> | null {
		if (!network.held) return null;
		const { outcome, population, window, nodeChoices } = network;
		// Every choice off: the default nodes, the network the worker already holds (null, as networkFromWorker).
		const nodes = Object.values(nodeChoices).some(Boolean) ? nodeChoices : null;
		return this.fromWorker<NetworkCertaintyRow[]>({
			kind: 'networkCertainty',
			outcome,
			population,
			window,
			nodes,
			mid
		});
	}

	/** Each study's share of one network estimate (empty while the engine loads, and for a held network). */
	studyShares(network: OutcomeNetwork, fit: NetworkFit, treatment: string, comparator: string): StudyShare[] {
		if (network.held) return [];
		const pre = this.#preCertainty(network, fit)?.shares[`${treatment}|${comparator}`];
		if (pre) return pre;
		return this.engine()?.studyShares(fit, network, treatment, comparator) ?? [];
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
			const e = this.engine();
			if (!e) return { status: 'computing' };
			local = localBias(e, a);
			this.#localBias.set(a, local);
		}
		return local;
	}

	/**
	 * What the worker answers about the analyses shown, when it sent them capped (null otherwise: the page holds
	 * the full analyses and computes the answer itself). Asked once per answer of the worker; safe to
	 * call while a template is read, like biasChecks.
	 */
	fromWorker<T>(question: Question): AskState<T> | null {
		if (!this.capped) return null;
		const current = this.#current;
		const client = this.#client;
		if (!current || !client) return { status: 'computing' };
		void this.#answersArrived; // re-read when an answer arrives
		const key = `${current.seq}:${JSON.stringify(question)}`;
		const known = this.#answers.get(key);
		if (known) return known as AskState<T>;
		const asked: AskState<T> = { status: 'computing' };
		this.#answers.set(key, asked);
		client.ask<T>(current.seq, question).then(
			(value) => this.#answered(key, { status: 'ready', value }),
			(e: unknown) => this.#answered(key, { status: 'failed', message: (e as Error)?.message ?? String(e) })
		);
		return asked;
	}

	/**
	 * A network meta-analysis the worker kept (a large upload: its networks hold every study), asked when shown;
	 * null when the page has the networks (read `networks`, or build other node choices with the engine).
	 * `nodes` null: the default nodes, as in `networks`.
	 */
	networkFromWorker(
		outcome: Outcome,
		population: Population,
		window: Window,
		nodes: NetworkNodes | null
	): AskState<OutcomeNetwork | null> | null {
		if (!this.offPage || !this.#current?.networksHeld) return null;
		return (
			this.fromWorker({ kind: 'network', outcome, population, window, nodes }) ?? { status: 'computing' }
		);
	}

	/**
	 * The network of an outcome x population x window with the default nodes: the one the worker sends for a
	 * large upload (null until it has answered), else the one computed here.
	 */
	defaultNetwork(outcome: Outcome, population: Population, window: Window): OutcomeNetwork | null {
		const fromWorker = this.networkFromWorker(outcome, population, window, null);
		if (fromWorker) return fromWorker.status === 'ready' ? fromWorker.value : null;
		return findNetwork(this.networks, outcome, population, window);
	}

	/** The worker's answer as a promise (for a click: a download), or null when the page computes it itself. */
	askWorker<T>(question: Question): Promise<T> | null {
		const current = this.#current;
		if (!this.capped || !current || !this.#client) return null;
		return this.#client.ask<T>(current.seq, question);
	}

	#answered(key: string, state: AskState<unknown>): void {
		if (!this.#answers.has(key)) return; // a newer answer of the worker cleared them
		this.#answers.set(key, state);
		this.#answersArrived++;
	}

	/**
	 * Sends the data (when changed) and the settings to the analysis worker if the data are large. Call it in an
	 * effect: it re-runs whenever the data or a control changes. Answers that arrive late are kept only if newer.
	 */
	schedule(): void {
		if (!this.offPage) return;
		const mod = this.#clientModule; // read here: the effect runs again once the module is there
		if (!mod) {
			void loadWorkerClient().then(
				() => (this.#clientModule = clientModule),
				() => this.#giveUpWorker() // no client code: compute on the page instead
			);
			return;
		}
		const source = this.#sourceNow()!;
		const settings = $state.snapshot(this.#in.settings());
		const view = $state.snapshot(this.#in.view());
		try {
			this.#client ??= new mod.AnalysisClient(
				{
					onResult: (r) => {
						if (!this.#remote || r.seq > this.#remote.seq) {
							this.#remoteBias.clear();
							this.#answers.clear();
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
			this.#requested = this.#client.request(
				source,
				settings,
				this.claims,
				view,
				this.#in.maxTrialMarks,
				this.#in.pageStudies
			);
		} catch {
			this.#giveUpWorker(); // no worker here (e.g. blocked by the browser): compute on the page instead
		}
	}

	#receiveBias(b: RemoteBias): void {
		if (b.seq !== this.#remote?.seq) return;
		this.#remoteBias.set(
			`${b.seq}:${b.id}`,
			b.checks ? { status: 'ready', value: b.checks } : { status: 'failed', message: b.message ?? '' }
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

function localBias(e: Engine, a: Analysis): BiasState {
	try {
		return { status: 'ready', value: e.biasChecks(a) };
	} catch (e) {
		return { status: 'failed', message: (e as Error)?.message ?? String(e) };
	}
}
