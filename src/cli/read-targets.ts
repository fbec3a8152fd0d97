import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { UsageError } from '../core/errors.js';

/** Caps on a target list, each with its reason; the reader stops at the first one crossed. */
export const TARGET_LIST_LIMITS: Readonly<TargetListLimits> = Object.freeze({
  /** Characters a line: far past any homepage URL, and it keeps a file without newlines from being read whole. */
  lineChars: 2_048,
  /** Lines in the list (comments included): far more sites than anyone files for; more is not a list. */
  lines: 100_000,
});

export interface TargetListLimits {
  lineChars: number;
  lines: number;
}

const NEWLINE = 0x0a;
// UTF-8 needs at most 4 bytes a character: a partial line longer than this is too long whatever it holds.
const MAX_BYTES_PER_CHAR = 4;

const OPEN_FAILURES: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory, not a list of targets',
  ELOOP: 'too many symbolic links (a loop?)',
  ENXIO: 'it is a socket or a device that cannot be read, not a list of targets',
};

/**
 * Targets from `--file FILE` (or stdin for `-`), read as a stream: one a line, blank lines and `#` comments
 * skipped. A directory is refused before reading; a FIFO, stdin or a device streams under the caps.
 */
export async function readTargetFile(
  file: string,
  stdin: AsyncIterable<Buffer | string>,
  limits: TargetListLimits = TARGET_LIST_LIMITS,
): Promise<string[]> {
  const name = file === '-' ? '--file - (stdin)' : `--file ${file}`;
  try {
    if (file === '-') return await readTargetLines(stdin, name, limits);
    if ((await stat(file)).isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    return await readTargetLines(createReadStream(file, { highWaterMark: 64 * 1024 }), name, limits);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new UsageError(`cannot read ${name}: ${OPEN_FAILURES[code] ?? (code || String(error))}`);
  }
}

/**
 * Splits a byte stream into targets, refusing it at the first line that is binary (a NUL byte, invalid
 * UTF-8) or too long, or past the line cap: the error names `name` and the line, and nothing more is read.
 */
export async function readTargetLines(
  source: AsyncIterable<Buffer | string>,
  name: string,
  limits: TargetListLimits = TARGET_LIST_LIMITS,
): Promise<string[]> {
  const reader = createLineReader(name, limits);
  for await (const chunk of source) {
    reader.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  }
  return reader.end();
}

function createLineReader(name: string, limits: TargetListLimits) {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const targets: string[] = [];
  let partial: Buffer[] = [];
  let partialBytes = 0;
  let lineNumber = 1;
  const refuse = (problem: string) => new UsageError(`${name}, line ${lineNumber}: ${problem}`);
  const tooMany = () => new UsageError(`${name}: more than ${limits.lines.toLocaleString('en')} lines; split the list`);

  // Every byte is looked at as it arrives, so a binary file is refused within its first chunk.
  const take = (bytes: Buffer) => {
    if (bytes.length > 0 && lineNumber > limits.lines) throw tooMany();
    if (bytes.includes(0)) throw refuse('binary data (a NUL byte); the list must be text, one domain or URL a line');
    partial.push(bytes);
    partialBytes += bytes.length;
    if (partialBytes > limits.lineChars * MAX_BYTES_PER_CHAR) throw tooLong();
  };
  const tooLong = () =>
    refuse(`longer than ${limits.lineChars.toLocaleString('en')} characters; one domain or URL a line`);
  const finishLine = () => {
    let text: string;
    try {
      text = decoder.decode(Buffer.concat(partial, partialBytes));
    } catch {
      throw refuse('not UTF-8 text (a binary file?); the list must be text, one domain or URL a line');
    }
    if (text.length > limits.lineChars) throw tooLong();
    const target = text.replace(/(^|\s)#.*$/, '').trim();
    if (target !== '') targets.push(target);
    partial = [];
    partialBytes = 0;
  };
  // The newline ending the last allowed line is fine; a line after it is not, even an empty one.
  const nextLine = () => {
    if (lineNumber > limits.lines) throw tooMany();
    lineNumber += 1;
  };

  return {
    push(chunk: Buffer) {
      let start = 0;
      for (let end = chunk.indexOf(NEWLINE); end >= 0; end = chunk.indexOf(NEWLINE, start)) {
        take(chunk.subarray(start, end));
        finishLine();
        nextLine();
        start = end + 1;
      }
      take(chunk.subarray(start));
    },
    end(): string[] {
      finishLine();
      return targets;
    },
  };
}
