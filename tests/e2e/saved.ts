import type { Page } from '@playwright/test';

/** The status of the saved data in IndexedDB ('analysing' or 'ok'), or null when nothing is saved. */
export function savedStatus(page: Page, set?: 'analysing'): Promise<string | null> {
	return page.evaluate(
		(set) =>
			new Promise<string | null>((resolve, reject) => {
				const open = indexedDB.open('acupuncture-back-pain-data', 1);
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const tx = open.result.transaction('dataset', 'readwrite');
					const store = tx.objectStore('dataset');
					const get = store.get('meta');
					get.onsuccess = () => {
						const meta = get.result as { status?: string } | undefined;
						if (meta && set) store.put({ ...meta, status: set }, 'meta');
						tx.oncomplete = () => {
							open.result.close();
							resolve(meta?.status ?? null);
						};
					};
				};
			}),
		set
	);
}
