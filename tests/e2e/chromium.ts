import { existsSync } from 'node:fs';

/**
 * Where the browser tests find Chromium: `$CHROMIUM_PATH` if set, otherwise Debian's `/usr/bin/chromium`.
 * When neither exists the run stops with one sentence that says how to install it.
 */
export function chromiumPath(): string {
	const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
	if (!existsSync(path)) {
		console.error(
			`Chromium was not found at ${path}: install it with "sudo apt-get install -y chromium" or set CHROMIUM_PATH to a Chromium or Chrome executable.`
		);
		process.exit(1);
	}
	return path;
}
