import { readFileSync, statSync } from 'node:fs';
import { decodeBytes } from '../lib/data/decode';
import type { Problem } from '../lib/data/types';

/** How the command line names a file given as an empty string. */
export const EMPTY_PATH = '(empty path)';

/**
 * The text of one input file (UTF-8, or UTF-16 told by its first bytes: decode.ts), or the problem that
 * stops it being read, located at row 0 of the file as given: an empty path, a directory or another thing
 * that is not a regular file (a device or pipe could block forever), a missing or unreadable file.
 */
export function readInput(path: string, name = path): { text: string } | { problem: Problem } {
	const fail = (message: string, hint: string) => ({
		problem: {
			severity: 'error' as const,
			file: name || EMPTY_PATH,
			row: 0,
			column: '',
			value: '',
			message,
			hint
		}
	});
	if (path === '')
		return fail('no file name was given', 'Give the path of a trials.csv or contrasts.csv file.');
	try {
		const stat = statSync(path);
		if (stat.isDirectory())
			return fail('this is a directory, not a CSV file', 'Give the path of a CSV file inside it.');
		if (!stat.isFile())
			return fail(
				'this is not a regular file (a device or a pipe?)',
				'Save the data to a CSV file and give its path.'
			);
		return { text: decodeBytes(readFileSync(path)) };
	} catch (e) {
		const code = (e as NodeJS.ErrnoException)?.code;
		if (code === 'ENOENT' || code === 'ENOTDIR')
			return fail(
				'there is no such file',
				'Check the path (it is relative to the folder you run the command in).'
			);
		if (code === 'EACCES' || code === 'EPERM')
			return fail('permission denied: the file cannot be read', "Check the file's permissions.");
		return fail(
			`the file could not be read (${code ?? (e as Error)?.message ?? e})`,
			'Check that the file is readable.'
		);
	}
}
