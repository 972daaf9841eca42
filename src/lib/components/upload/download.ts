import { download } from '$lib/charts/download';

/**
 * Offers text as a file download, made in the browser (a blob: URL; nothing is sent anywhere). A BOM is added
 * so spreadsheet programs read the CSV as UTF-8.
 */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
	download(new Blob(['\ufeff', text], { type }), fileName);
}
