/** The lines an exported chart carries under it: data source and settings ("|"-separated, see ChartFrame). */
import type { Controls } from '$lib/state/url-params';
import { settingsText } from './educator/settings-text';

export function exportNote(c: Controls, files: readonly string[] = []): string {
	const source = files.length
		? `Data: your own files (${files.join(', ')}), analysed in the browser`
		: 'Data: the randomised trials bundled with "Acupuncture & low back pain: what the trials show" (data/trials.csv, data/contrasts.csv; each number cited to its trial)';
	const excluded = c.excluded.length ? `Left out by hand: ${c.excluded.join(', ')}` : '';
	return [source, `Settings: ${settingsText(c)}`, excluded].filter(Boolean).join('|');
}
