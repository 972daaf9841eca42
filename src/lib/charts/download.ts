// Files made in the browser and saved through a temporary object URL (nothing is sent anywhere).

/** Save `blob` as `filename` through a temporary object URL. */
export function download(blob: Blob, filename: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadCsv(csv: string, filename: string): void {
	download(new Blob([csv], { type: 'text/csv;charset=utf-8' }), filename);
}
