/**
 * Resolves in a new task (a zero-delay timeout): long work that awaits it between steps lets the browser paint and
 * answer input in between (docs/ARCHITECTURE.md section 7).
 */
export function nextTask(): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, 0));
}
