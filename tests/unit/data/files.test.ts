import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { datasetFromTexts } from '$lib/data/dataset';
import { ingestText } from '$lib/data/ingest';
import { checkAddition } from '$lib/data/merge';
import { parseFile } from '$lib/data/parse-file';
import { memoryStore, SAVED_VERSION } from '$lib/data/persist';
import { formatProblem } from '$lib/data/problems';
import { ingestBlob } from '$lib/data/read-blob';
import { TEMPLATE_CONTRAST_ROW, TEMPLATE_TRIAL_ROW, templateCsv } from '$lib/data/template';
import { contrasts, TRIAL_HEADER, trials } from './helpers';

describe('bundled data', () => {
	it('load without errors', () => {
		const { dataset, problems } = datasetFromTexts({
			trials: readFileSync('data/trials.csv', 'utf8'),
			contrasts: readFileSync('data/contrasts.csv', 'utf8')
		});
		expect(problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
		expect(dataset.trials.length).toBeGreaterThan(0);
		expect(dataset.contrasts.length).toBeGreaterThan(0);
	});

	it('reports a file given in the wrong place', () => {
		const { problems } = datasetFromTexts({ trials: contrasts([{}]), contrasts: '' });
		expect(problems.map(formatProblem)).toEqual([
			'trials.csv:1:: this is a contrasts file, expected trials',
			'contrasts.csv:0:: the file is empty'
		]);
	});
});

describe('templates', () => {
	it('read back as their example row, without any problem', () => {
		const t = parseFile(templateCsv('trials'), 'trials-template.csv');
		expect(t.problems).toEqual([]);
		expect(t.trials).toEqual([TEMPLATE_TRIAL_ROW]);
		const c = parseFile(templateCsv('contrasts'), 'contrasts-template.csv');
		expect(c.problems).toEqual([]);
		expect(c.contrasts).toEqual([TEMPLATE_CONTRAST_ROW]);
	});

	it('have every column of the contract in order', () => {
		expect(templateCsv('trials').split('\n')[0]).toBe(TRIAL_HEADER.join(','));
	});
});

describe('adding files to the data shown', () => {
	const shown = parseFile(trials([{}]), 'trials.csv');

	it('refuses a study that is already shown, on its first line', () => {
		const upload = ingestText(trials([{ study_id: 'new2020' }, {}]), 'mine.csv');
		expect(
			checkAddition({ bundled: { trials: shown.trials, contrasts: [] }, tables: [] }, [upload]).map(
				formatProblem
			)
		).toEqual([
			'mine.csv:3:study_id: study "brinkhaus2006" is already in the bundled data (line 2); adding it would count the trial twice'
		]);
	});

	it('accepts new studies, and the same study in the other kind of file', () => {
		const upload = ingestText(contrasts([{}]), 'mine.csv');
		expect(checkAddition({ bundled: { trials: shown.trials, contrasts: [] }, tables: [] }, [upload])).toEqual(
			[]
		);
	});

	it('refuses a study already shown from an earlier upload (a typed table, not rows)', () => {
		const earlier = ingestText(trials([{ study_id: 'y2021' }, { study_id: 'y2021' }]), 'earlier.csv').trials!;
		const upload = ingestText(trials([{ study_id: 'z2022' }, { study_id: 'y2021' }]), 'mine.csv');
		expect(checkAddition({ bundled: null, tables: [earlier] }, [upload]).map(formatProblem)).toEqual([
			'mine.csv:3:study_id: study "y2021" is already in earlier.csv (line 2); adding it would count the trial twice'
		]);
	});

	it('refuses two new files with the same study', () => {
		const a = ingestText(trials([{ study_id: 'x2020' }]), 'a.csv');
		const b = ingestText(trials([{ study_id: 'x2020' }]), 'b.csv');
		expect(checkAddition({ bundled: null, tables: [] }, [a, b]).map(formatProblem)).toEqual([
			'b.csv:2:study_id: study "x2020" is already in a.csv (line 2); adding it would count the trial twice'
		]);
	});
});

describe('reading a File in slices', () => {
	const text = '\ufeff' + trials([{ notes: 'é ± 中 — ü' }, { arm: 'shame', arm_label: '±±±±' }, {}]);

	it('decodes UTF-8 across slice boundaries and reports progress up to the size', async () => {
		const blob = new Blob([text]);
		const progress: number[] = [];
		const r = await ingestBlob(blob, 'up.csv', (loaded) => progress.push(loaded), { chunkBytes: 7 });
		const whole = ingestText(text, 'up.csv');
		expect(r.problems).toEqual(whole.problems);
		expect(r.trials?.strings).toEqual(whole.trials?.strings);
		expect(progress.at(-1)).toBe(blob.size);
		expect(progress.every((x, i) => i === 0 || x >= progress[i - 1]!)).toBe(true);
	});

	it('stops reading a file as soon as it is known to be unusable', async () => {
		const bad = 'study_id,arm\n' + 'x,acupuncture\n'.repeat(10_000);
		const progress: number[] = [];
		const r = await ingestBlob(new Blob([bad]), 'bad.csv', (loaded) => progress.push(loaded), {
			chunkBytes: 1024
		});
		expect(r.errors).toBeGreaterThan(0);
		expect(progress.length).toBeLessThan(10); // of ~140 slices
	});
});

describe('memory store', () => {
	it('keeps what was saved until cleared', async () => {
		const store = memoryStore();
		expect(await store.load()).toBeUndefined();
		const r = ingestText(trials([{}]), 'mine.csv');
		const saved = {
			version: SAVED_VERSION,
			savedAt: 0,
			stamp: 's',
			status: 'ok' as const,
			includeBundled: true,
			files: []
		};
		await store.save({
			...saved,
			files: [{ name: 'mine.csv', table: r.trials!, warnings: 0, studies: r.studies }]
		});
		expect((await store.load())?.files[0]?.table.length).toBe(1);
		await store.clear();
		expect(await store.load()).toBeUndefined();
	});
});
