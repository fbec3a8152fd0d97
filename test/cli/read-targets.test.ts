import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  readTargetFile,
  readTargetLines,
  TARGET_LIST_LIMITS,
  type TargetListLimits,
} from '../../src/cli/read-targets.js';

const NAME = '--file targets.txt';
const read = (chunks: (string | Buffer)[], limits: TargetListLimits = TARGET_LIST_LIMITS) =>
  readTargetLines(fromChunks(chunks), NAME, limits);

async function* fromChunks(chunks: (string | Buffer)[]): AsyncIterable<string | Buffer> {
  yield* chunks;
}
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => new Error('expected the list to be refused'),
    (error: Error) => error,
  );

/** An endless source that counts the chunks taken from it. */
function endless(chunk: Buffer): { source: AsyncIterable<Buffer>; taken: () => number } {
  let taken = 0;
  const source = (async function* () {
    for (;;) {
      taken += 1;
      yield chunk;
    }
  })();
  return { source, taken: () => taken };
}

describe('readTargetLines', () => {
  it.each<[string, (string | Buffer)[], string[]]>([
    ['one target a line', ['a.cn\nb.cn\n'], ['a.cn', 'b.cn']],
    ['no final newline', ['a.cn\nb.cn'], ['a.cn', 'b.cn']],
    [
      'blank lines, # comments and trailing comments',
      ['# ours\n\n a.cn   # blog\n  \n# b.cn\nc.cn\n'],
      ['a.cn', 'c.cn'],
    ],
    ['CRLF line ends and a byte-order mark', ['\ufeffa.cn\r\nb.cn\r\n'], ['a.cn', 'b.cn']],
    ['a line split across chunks', ['https://exam', 'ple.cn/\nb.', 'cn'], ['https://example.cn/', 'b.cn']],
    [
      'a character split across chunks',
      [Buffer.from('例子.中国\n').subarray(0, 2), Buffer.from('例子.中国\n').subarray(2)],
      ['例子.中国'],
    ],
  ])('reads %s', async (_name, chunks, targets) => {
    expect(await read(chunks)).toEqual(targets);
  });

  it.each<[string, (string | Buffer)[], string]>([
    ['a NUL byte', ['a.cn\nb.cn\n', 'c.cn\0\0\n'], 'line 3: binary data \\(a NUL byte\\)'],
    ['a PNG image', [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])], 'line 1: not UTF-8 text'],
    ['invalid UTF-8', ['a.cn\n', Buffer.from([0x62, 0xff, 0xfe, 0x2e, 0x63, 0x6e, 0x0a])], 'line 2: not UTF-8 text'],
    ['a line too long', ['a.cn\n', `${'x'.repeat(2_049)}\n`], 'line 2: longer than 2,048 characters'],
    ['a long line of wide characters', [`${'例'.repeat(2_049)}\n`], 'line 1: longer than 2,048 characters'],
  ])('refuses %s, naming the file and the line', async (_name, chunks, message) => {
    const error = await failure(read(chunks));
    expect(error.message).toMatch(new RegExp(`^--file targets\\.txt, ${message}`));
  });

  it('takes the last allowed line and refuses any line after it, even a blank one', async () => {
    const limits = { ...TARGET_LIST_LIMITS, lines: 3 };
    expect(await read(['a.cn\nb.cn\nc.cn\n'], limits)).toEqual(['a.cn', 'b.cn', 'c.cn']);
    for (const extra of ['d.cn', '\n', '# more\n']) {
      const error = await failure(read(['a.cn\nb.cn\nc.cn\n', extra], limits));
      expect(error.message).toBe('--file targets.txt: more than 3 lines; split the list');
    }
  });

  it.each([
    ['NUL bytes (as /dev/zero)', Buffer.alloc(64 * 1024), 'binary data'],
    ['one endless line', Buffer.alloc(64 * 1024, 'a'), 'longer than'],
  ])('stops reading an endless source of %s at its first chunk', async (_name, chunk, message) => {
    const { source, taken } = endless(chunk);
    expect((await failure(readTargetLines(source, NAME))).message).toContain(message);
    expect(taken()).toBe(1);
  });

  it('stops reading an endless source of empty lines at the line cap', async () => {
    const { source, taken } = endless(Buffer.alloc(1024, '\n'));
    const error = await failure(readTargetLines(source, NAME));
    expect(error.message).toBe('--file targets.txt: more than 100,000 lines; split the list');
    expect(taken()).toBeLessThanOrEqual(100);
  });
});

describe('readTargetFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'beian-targets-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a file', async () => {
    const file = join(dir, 'targets.txt');
    writeFileSync(file, 'a.cn\n# b.cn\nc.cn\n');
    expect(await readTargetFile(file, fromChunks([]))).toEqual(['a.cn', 'c.cn']);
  });

  it('reads stdin for -', async () => {
    expect(await readTargetFile('-', fromChunks(['a.cn\n', 'b.cn\n']))).toEqual(['a.cn', 'b.cn']);
  });

  it('refuses /dev/zero at its first line', async () => {
    const error = await failure(readTargetFile('/dev/zero', fromChunks([])));
    expect(error.message).toMatch(/^--file \/dev\/zero, line 1: binary data/);
  });

  it.each([
    ['a directory', () => dir, 'it is a directory, not a list of targets'],
    ['a missing file', () => join(dir, 'missing.txt'), 'no such file'],
  ])('refuses %s in a sentence', async (_name, path, reason) => {
    const error = await failure(readTargetFile(path(), fromChunks([])));
    expect(error.message).toBe(`cannot read --file ${path()}: ${reason}`);
  });

  it('streams a FIFO', async () => {
    const fifo = join(dir, 'targets.fifo');
    execFileSync('mkfifo', [fifo]);
    // Opening a FIFO waits for the other end: the writer is a child process, so both can open.
    const writer = execFile('sh', ['-c', `printf 'a.cn\\nb.cn\\n' > '${fifo}'`]);
    const written = new Promise((resolve) => writer.on('close', resolve));
    expect(await readTargetFile(fifo, fromChunks([]))).toEqual(['a.cn', 'b.cn']);
    expect(await written).toBe(0);
  });
});
