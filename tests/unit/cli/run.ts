import { spawn } from 'node:child_process';

/** Longest a CLI case may take: a hang fails the case instead of stalling the run. */
export const CASE_TIMEOUT_MS = 60_000;

export interface CliRun {
	/** Exit code, or null when the process was killed (it hung). */
	status: number | null;
	stdout: string;
	stderr: string;
}

/**
 * Runs `npm run summarize` (as `node --import tsx src/cli/summarize.ts`) with these arguments; the process is
 * killed after `timeout` ms, so a hang ends as status null.
 */
export function runCli(args: readonly string[], timeout = CASE_TIMEOUT_MS - 5_000): Promise<CliRun> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/summarize.ts', ...args], {
			stdio: ['ignore', 'pipe', 'pipe']
		});
		const out: Buffer[] = [];
		const err: Buffer[] = [];
		child.stdout.on('data', (b: Buffer) => out.push(b));
		child.stderr.on('data', (b: Buffer) => err.push(b));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({
				status: code,
				stdout: Buffer.concat(out).toString('utf8'),
				stderr: Buffer.concat(err).toString('utf8')
			});
		});
	});
}

/** The lines of stderr, without the final newline. */
export const errLines = (r: CliRun): string[] =>
	r.stderr
		.replace(/\n$/, '')
		.split('\n')
		.filter((l) => l !== '');
