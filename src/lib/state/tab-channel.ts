/**
 * Tells the other tabs of this site that the saved data changed. Every tab shares one IndexedDB record, so an
 * upload in one tab silently replaces what another would restore: each save announces its stamp (null after a
 * reset), and a tab that shows other data can say so. A tab never hears its own messages.
 */
export interface TabChannel {
	post(stamp: string | null): void;
	/** Calls `f` with each stamp another tab announces; returns a function that stops listening. */
	listen(f: (stamp: string | null) => void): () => void;
	close(): void;
}

/** The channel between this site's tabs (BroadcastChannel); silent where the browser has none. */
export function broadcastTabs(name = 'acupuncture-back-pain-data'): TabChannel {
	if (typeof BroadcastChannel === 'undefined') return silentTabs();
	const channel = new BroadcastChannel(name);
	return {
		post: (stamp) => channel.postMessage({ stamp }),
		listen: (f) => {
			const on = (e: MessageEvent<{ stamp?: unknown }>) => {
				const stamp = e.data?.stamp;
				if (stamp === null || typeof stamp === 'string') f(stamp);
			};
			channel.addEventListener('message', on);
			return () => channel.removeEventListener('message', on);
		},
		close: () => channel.close()
	};
}

/** A channel that connects nothing (server rendering, old browsers). */
export function silentTabs(): TabChannel {
	return { post: () => {}, listen: () => () => {}, close: () => {} };
}

/** Tabs in memory (tests): every channel made by one hub hears the others, synchronously, never itself. */
export function memoryTabs(): { channel(): TabChannel } {
	const listeners = new Set<{ owner: object; f: (stamp: string | null) => void }>();
	return {
		channel() {
			const owner = {};
			return {
				post: (stamp) => {
					for (const l of [...listeners]) if (l.owner !== owner) l.f(stamp);
				},
				listen: (f) => {
					const l = { owner, f };
					listeners.add(l);
					return () => listeners.delete(l);
				},
				close: () => {
					for (const l of [...listeners]) if (l.owner === owner) listeners.delete(l);
				}
			};
		}
	};
}
