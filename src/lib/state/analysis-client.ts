import type { DataSource } from '$lib/data/merge';
import { copyTables, transferables } from '$lib/data/table';
import { nextTask as pause } from '$lib/data/next-task';
import { textChunks } from '$lib/data/text-chunks';
import type { Claim } from '$lib/evidence/claims';
import type { ClaimResult, ClaimView } from '$lib/evidence/claim-context';
import type { NetworkData } from '$lib/evidence/network';
import type { OutcomeNetwork } from '$lib/evidence/network-analysis';
import type { BiasChecks } from '$lib/evidence/sensitivity';
import type { Analysis, AnalysisSettings } from '$lib/evidence/types';
import type { PageStudies } from '$lib/evidence/study-summary';
import type {
	AnalysisMessage,
	AnalysisRequest,
	Question,
	WorkerRequest
} from '$lib/evidence/worker-protocol';
import { startAnalysisWorker } from './start-worker';

/** Every analysis and claim result of one request, computed in the analysis worker. */
export interface RemoteResult {
	seq: number;
	/** The data version they were computed from. */
	version: number;
	analyses: Analysis[];
	results: ClaimResult[];
	network: NetworkData;
	/** Network meta-analyses per outcome x population x window. */
	networks: OutcomeNetwork[];
	/** The trials in at least one pooled analysis, when the analyses arrived capped (else read them there). */
	analysed?: string[];
	/** True when the worker kept the networks (`networks` is empty): ask it for the one shown. */
	networksHeld?: boolean;
}

/** The bias checks of one analysis of answer `seq`, or why they could not be computed. */
export interface RemoteBias {
	seq: number;
	id: string;
	checks: BiasChecks | null;
	message: string | null;
}

/** What the page hears from the analysis worker. */
export interface AnalysisHandlers {
	onResult(r: RemoteResult): void;
	/** The message, and whether the worker never started (a script that failed to load: the page can compute). */
	onError(message: string, neverStarted: boolean): void;
	onBias?(b: RemoteBias): void;
}

/**
 * Talks to the analysis worker (src/lib/evidence/worker.ts): sends the data once per version and the settings
 * with every request, and puts the answer together from its pieces, each read in its own short task.
 */
export class AnalysisClient {
	readonly #worker: Worker;
	#seq = 0;
	#sentVersion = -1;
	readonly #versions = new Map<number, number>();
	#building: { seq: number; analyses: Analysis[] } | null = null;
	/** Questions asked and not yet answered, by id. */
	readonly #asked = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
	#askId = 0;
	/** Messages wait here while new data are copied (null when none wait): the worker reads them in order. */
	#waiting: Promise<void> | null = null;
	/** Whether the worker has sent anything: an error before that means it never started. */
	#heard = false;

	constructor(
		private readonly handlers: AnalysisHandlers,
		start: () => Worker = startAnalysisWorker
	) {
		this.#worker = start();
		this.#worker.onmessage = (event: MessageEvent<AnalysisMessage>) => {
			this.#heard = true;
			this.#receive(event.data);
		};
		this.#worker.onerror = (event) => {
			event.preventDefault();
			handlers.onError(event.message || 'the analysis worker failed to start', !this.#heard);
		};
	}

	/** Asks for every analysis and claim; returns the request's number. Arguments must be plain data. */
	request(
		source: DataSource,
		settings: AnalysisSettings,
		claims: Claim[],
		view: ClaimView,
		maxTrialMarks = Infinity,
		pageStudies?: PageStudies
	): number {
		const seq = ++this.#seq;
		const fresh = source.version !== this.#sentVersion;
		this.#sentVersion = source.version;
		this.#versions.set(seq, source.version);
		const m: AnalysisRequest = {
			type: 'analyse',
			seq,
			data: null,
			settings,
			claims,
			view,
			maxTrialMarks,
			pageStudies
		};
		if (!fresh) this.#post(m);
		else {
			// New data go as copies of the tables whose buffers are transferred (the page keeps its own tables), their
			// texts before them in pieces, one per task. This takes a few tasks; messages after it wait (#waiting).
			const copied = copyTables(source.tables, pause);
			this.#queue(async () => {
				const tables = await copied;
				for (const [i, t] of tables.entries())
					for (const texts of textChunks(t.strings)) {
						this.#worker.postMessage({ type: 'texts', key: String(i), texts });
						await pause();
					}
				const data = { ...source, tables: tables.map((t) => ({ ...t, strings: [] })) };
				this.#worker.postMessage({ ...m, data, textsApart: true }, tables.flatMap(transferables));
			});
		}
		return seq;
	}

	/** Asks for the bias checks of analysis `id` of answer `seq` (answered only while that answer is the newest). */
	requestBias(seq: number, id: string): void {
		this.#post({ type: 'bias', seq, id });
	}

	/**
	 * Asks about the full analyses of answer `seq` (the page may hold them capped); rejects with the worker's
	 * message, e.g. when a newer answer replaced them.
	 */
	ask<T>(seq: number, question: Question): Promise<T> {
		const id = ++this.#askId;
		return new Promise<T>((resolve, reject) => {
			this.#asked.set(id, { resolve: resolve as (v: unknown) => void, reject });
			this.#post({ type: 'ask', seq, id, question });
		});
	}

	terminate(): void {
		this.#worker.terminate();
		for (const p of this.#asked.values()) p.reject(new Error('the analysis worker was stopped'));
		this.#asked.clear();
	}

	#post(m: WorkerRequest): void {
		if (this.#waiting) this.#queue(() => this.#worker.postMessage(m));
		else this.#worker.postMessage(m);
	}

	/** Runs `send` after every message queued before it. */
	#queue(send: () => void | Promise<void>): void {
		const done = (this.#waiting ?? Promise.resolve()).then(send).catch((e: unknown) => {
			this.handlers.onError((e as Error)?.message ?? String(e), false);
		});
		this.#waiting = done;
		void done.then(() => {
			if (this.#waiting === done) this.#waiting = null;
		});
	}

	#receive(m: AnalysisMessage): void {
		if (m.type === 'failed') {
			this.handlers.onError(m.message, false);
			return;
		}
		if (m.type === 'bias') {
			this.handlers.onBias?.({ seq: m.seq, id: m.id, checks: m.checks, message: m.message });
			return;
		}
		if (m.type === 'answer') {
			const p = this.#asked.get(m.id);
			this.#asked.delete(m.id);
			if (m.message === null) p?.resolve(m.value);
			else p?.reject(new Error(m.message));
			return;
		}
		if (this.#building?.seq !== m.seq) this.#building = { seq: m.seq, analyses: [] };
		const analyses = this.#building.analyses;
		if (m.type === 'analysis') analyses.push({ ...m.analysis, studies: [] });
		else if (m.type === 'studies') for (const s of m.studies) analyses[m.index]!.studies.push(s);
		else {
			const byId = new Map(analyses.map((a) => [a.id, a]));
			const results = m.results.map((r) => ({ ...r, analyses: r.analyses.map((id) => byId.get(id)!) }));
			this.#building = null;
			this.handlers.onResult({
				seq: m.seq,
				version: this.#versions.get(m.seq) ?? -1,
				analyses,
				results,
				network: m.network,
				networks: m.networks ?? [],
				analysed: m.analysed,
				networksHeld: m.networksHeld
			});
			for (const s of this.#versions.keys()) if (s <= m.seq) this.#versions.delete(s);
		}
	}
}
