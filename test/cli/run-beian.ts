import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root, where `bin/beian.js` lives. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/beian.js', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('../fixtures/knowledge/', import.meta.url));

export interface BeianRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment minus every BEIAN_ and SLACK_ setting and DATABASE_URL, so each test states what it relies on. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('BEIAN_') && !name.startsWith('SLACK_') && name !== 'DATABASE_URL') env[name] = value;
  }
  return { ...env, NO_COLOR: '1', ...extra };
}

/**
 * Runs the real CLI (`node bin/beian.js …`, the entry users run: dist/ when `npm test` or `npm run build` has
 * compiled it since src/ last changed, the sources through tsx otherwise) to completion, with optional stdin.
 */
export function runBeian(
  args: readonly string[],
  options: { stdin?: string; env?: Record<string, string>; cwd?: string; killAfterMs?: number } = {},
): Promise<BeianRun> {
  return runNodeScript(BIN, args, {
    cwd: options.cwd ?? ROOT,
    env: cleanEnv(options.env ?? {}),
    stdin: options.stdin,
    killAfterMs: options.killAfterMs,
  });
}

/** Runs `node SCRIPT ARGS…` to completion (killed after 15 s, or `killAfterMs`), collecting its output. */
export function runNodeScript(
  script: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; stdin?: string | undefined; killAfterMs?: number | undefined },
): Promise<BeianRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: options.cwd, env: options.env ?? process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 15_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.stdin ?? '');
  });
}
