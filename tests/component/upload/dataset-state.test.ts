import { describe, expect, it } from 'vitest';
import { ingestText } from '$lib/data/ingest';
import { parseFile } from '$lib/data/parse-file';
import { datasetOf } from '$lib/data/merge';
import { memoryStore, SAVED_VERSION, type DatasetStore } from '$lib/data/persist';
import { DatasetState } from '$lib/state/dataset.svelte';
import { memoryTabs } from '$lib/state/tab-channel';
import { contrasts, trials } from '../../unit/data/helpers';

const bundled = { trials: parseFile(trials([{}]), 'trials.csv').trials, contrasts: [] };
const upload = (text: string, name = 'mine.csv') => ingestText(text, name);

describe('DatasetState', () => {
	it('starts with the bundled data', () => {
		const s = new DatasetState(bundled, memoryStore());
		expect(s.dataset).toBe(bundled);
		expect(s.isBundled).toBe(true);
	});

	it('adds files to the data shown and replaces them', async () => {
		const s = new DatasetState(bundled, memoryStore());
		expect(await s.add([upload(trials([{ study_id: 'a2020' }, { study_id: 'a2020' }]))])).toEqual([]);
		expect(s.dataset.trials.map((r) => r.study_id)).toEqual(['brinkhaus2006', 'a2020', 'a2020']);
		expect(s.files).toEqual([{ name: 'mine.csv', kind: 'trials', rows: 2, studies: 1, warnings: 0 }]);
		expect(await s.add([upload(contrasts([{ study_id: 'b2021' }]), 'c.csv')])).toEqual([]);
		expect(s.dataset.contrasts.map((r) => r.study_id)).toEqual(['b2021']);
		expect(await s.replace([upload(trials([{ study_id: 'c2022' }]))])).toEqual([]);
		expect(s.dataset.trials.map((r) => r.study_id)).toEqual(['c2022']);
		expect(s.dataset.contrasts).toEqual([]);
		expect(s.includeBundled).toBe(false);
	});

	it('keeps its data source (what the analysis worker reads) in step with the data shown', async () => {
		const s = new DatasetState(bundled, memoryStore());
		// The study of every row the worker would build from the source, bundled rows first.
		const ids = () => {
			const d = datasetOf(s.source);
			return [d.trials.map((r) => r.study_id), d.contrasts.map((r) => r.study_id)];
		};
		expect(s.source).toMatchObject({ bundled, tables: [], counts: { trials: 1, contrasts: 0 } });
		expect(ids()).toEqual([['brinkhaus2006'], []]);
		await s.add([upload(trials([{ study_id: 'a2020' }, { study_id: 'a2020' }]))]);
		await s.add([upload(contrasts([{ study_id: 'b2021' }]), 'c.csv')]);
		expect(s.source.tables.map((t) => t.kind)).toEqual(['trials', 'contrasts']);
		expect(s.source.counts).toEqual({ trials: 3, contrasts: 1 });
		expect(ids()).toEqual([['brinkhaus2006', 'a2020', 'a2020'], ['b2021']]);
		const before = s.source.version;
		await s.replace([upload(trials([{ study_id: 'c2022' }]))]);
		expect(s.source).toMatchObject({ bundled: null, counts: { trials: 1, contrasts: 0 } });
		expect(s.source.version).toBeGreaterThan(before);
		expect(ids()).toEqual([['c2022'], []]);
		await s.reset();
		expect(s.source).toMatchObject({ bundled, tables: [], counts: { trials: 1, contrasts: 0 } });
		expect(ids()).toEqual([['brinkhaus2006'], []]);
	});

	it('changes nothing for a file with errors', async () => {
		const s = new DatasetState(bundled, memoryStore());
		const problems = await s.replace([upload(trials([{ n: '0' }]))]);
		expect(problems.map((p) => p.message)).toEqual(['n must be a whole number greater than 0, got "0"']);
		expect(s.dataset).toBe(bundled);
	});

	it('survives a reload through its store, and resets', async () => {
		const store = memoryStore();
		const first = new DatasetState(bundled, store);
		await first.add([upload(trials([{ study_id: 'a2020', notes: 'kept' }]))]);
		await first.markAnalysed(first.source.version);
		const again = new DatasetState(bundled, store);
		await again.load();
		expect(again.dataset.trials.map((r) => [r.study_id, r.notes])).toEqual([
			['brinkhaus2006', ''],
			['a2020', 'kept']
		]);
		await again.reset();
		expect(again.dataset).toBe(bundled);
		expect(await store.load()).toBeUndefined();
	});

	it('shows the bundled data and says so when storage fails', async () => {
		const broken: DatasetStore = {
			load: () => Promise.reject(new Error('blocked')),
			save: () => Promise.reject(new Error('quota')),
			clear: () => Promise.resolve(),
			stamp: () => Promise.reject(new Error('blocked')),
			setStatus: () => Promise.reject(new Error('quota'))
		};
		const s = new DatasetState(bundled, broken);
		await s.load();
		expect(s.storageError).toBe('Your saved data could not be restored (blocked).');
		await s.add([upload(trials([{ study_id: 'a2020' }]))]);
		expect(s.dataset.trials).toHaveLength(2);
		expect(s.storageError).toBe('Your data are shown but could not be saved in this browser (quota).');
	});

	it('keeps a large file as a table and builds its rows once, when they are read', async () => {
		const many = Array.from({ length: 45_000 }, (_, i) => ({ study_id: 's', timepoint_weeks: String(i) }));
		const s = new DatasetState(bundled, memoryStore());
		const saved = upload(trials(many));
		expect(saved.errors).toBe(0);
		await s.replace([saved]);
		expect(s.source.tables).toEqual([saved.trials]);
		expect(s.source.counts).toEqual({ trials: 45_000, contrasts: 0 });
		const rows = s.dataset;
		expect(rows.trials).toHaveLength(45_000);
		expect(rows.trials[44_999]!.timepoint_weeks).toBe(44_999);
		expect(s.dataset).toBe(rows);
		await s.add([upload(trials([{ study_id: 't2020' }]), 'more.csv')]);
		expect(s.dataset).not.toBe(rows);
		expect(s.dataset.trials).toHaveLength(45_001);
		expect(SAVED_VERSION).toBe(1);
	});

	it('offers, and does not show, saved data whose analysis did not finish on the last visit', async () => {
		const store = memoryStore();
		const first = new DatasetState(bundled, store);
		await first.add([upload(trials([{ study_id: 'a2020' }]))]);
		expect((await store.load())?.status).toBe('analysing');
		// The page was closed, or hung, before the analyses were done: a new visit must not run them again unasked.
		const again = new DatasetState(bundled, store);
		await again.load();
		expect(again.dataset).toBe(bundled);
		expect(again.unfinished).toMatchObject({ names: ['mine.csv'] });
		await again.retryUnfinished();
		expect(again.unfinished).toBe(null);
		expect(again.dataset.trials.map((r) => r.study_id)).toEqual(['brinkhaus2006', 'a2020']);
		expect((await store.load())?.status).toBe('analysing');
		await again.markAnalysed(again.source.version - 1); // an older version: not these data
		expect((await store.load())?.status).toBe('analysing');
		await again.markAnalysed(again.source.version);
		expect((await store.load())?.status).toBe('ok');

		// Analysed data come back by themselves, marked 'analysing' again until this visit's analyses are done.
		const third = new DatasetState(bundled, store);
		await third.load();
		expect(third.unfinished).toBe(null);
		expect(third.dataset.trials).toHaveLength(2);
		expect((await store.load())?.status).toBe('analysing');

		const fourth = new DatasetState(bundled, store);
		await fourth.load();
		expect(fourth.unfinished).not.toBe(null);
		await fourth.discardUnfinished();
		expect(fourth.unfinished).toBe(null);
		expect(fourth.dataset).toBe(bundled);
		expect(await store.load()).toBeUndefined();
	});

	it('tells a tab when another tab replaced or reset the saved data, and shows them on request', async () => {
		const store = memoryStore();
		const tabs = memoryTabs();
		const a = new DatasetState(bundled, store, tabs.channel());
		const b = new DatasetState(bundled, store, tabs.channel());
		await Promise.all([a.load(), b.load()]);
		await a.add([upload(trials([{ study_id: 'a2020' }]), 'first.csv')]);
		expect(a.replacedElsewhere).toBe(false);
		expect(b.replacedElsewhere).toBe(true);
		expect(b.dataset).toBe(bundled);
		await b.showSaved();
		expect(b.replacedElsewhere).toBe(false);
		expect(b.files.map((f) => f.name)).toEqual(['first.csv']);

		await b.replace([upload(trials([{ study_id: 'b2021' }]), 'second.csv')]);
		expect(a.replacedElsewhere).toBe(true);
		expect(a.files.map((f) => f.name)).toEqual(['first.csv']);
		a.dismissReplaced();
		expect(a.replacedElsewhere).toBe(false);
		await a.reset();
		expect(b.replacedElsewhere).toBe(true);
		a.destroy();
		b.destroy();
	});

	it('finds out from storage that another tab saved other data when no message came', async () => {
		const store = memoryStore();
		const quiet = new DatasetState(bundled, store); // its own store: no channel to the other tabs
		await quiet.load();
		await quiet.checkElsewhere();
		expect(quiet.replacedElsewhere).toBe(false);
		await new DatasetState(bundled, store).add([upload(trials([{ study_id: 'a2020' }]))]);
		expect(quiet.replacedElsewhere).toBe(false);
		await quiet.checkElsewhere();
		expect(quiet.replacedElsewhere).toBe(true);
	});
});
