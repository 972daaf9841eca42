// Run before the browser tests (npm run test:e2e): makes sure a Chromium is there, installing Debian's package when
// it is missing, so that `npm test` works on a fresh Debian/Ubuntu machine. `CHROMIUM_PATH` names another binary.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
	if (process.env.CHROMIUM_PATH) {
		console.error(`CHROMIUM_PATH=${path} does not exist.`);
		process.exit(1);
	}
	const root = typeof process.getuid === 'function' && process.getuid() === 0;
	const sudo = root ? '' : 'sudo ';
	console.log(`Chromium is missing: installing Debian's chromium (${sudo}apt-get install -y chromium) ...`);
	try {
		execSync(
			`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`,
			{
				stdio: 'inherit'
			}
		);
	} catch {
		console.error(
			'Could not install chromium: install it yourself (sudo apt-get install -y chromium) or set CHROMIUM_PATH.'
		);
		process.exit(1);
	}
}
