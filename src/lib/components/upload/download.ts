/**
 * Offers text as a file download, made in the browser (a blob: URL; nothing is sent anywhere). A BOM is added
 * so spreadsheet programs read the CSV as UTF-8.
 */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
	const url = URL.createObjectURL(new Blob(['\ufeff', text], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = fileName;
	a.rel = 'noopener';
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
