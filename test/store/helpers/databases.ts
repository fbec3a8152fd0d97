import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const SCRIPT = fileURLToPath(new URL('../../../.ci/postgres.sh', import.meta.url));

let cached: string | undefined;

/**
 * The PostgreSQL server the tests use: $BEIAN_TEST_DATABASE_URL. In CI it must be set (the tests fail, not
 * skip, without it); on a developer's machine the cluster is started with .ci/postgres.sh when it is not.
 */
export function testServerUrl(): string {
  if (cached) return cached;
  const fromEnv = process.env.BEIAN_TEST_DATABASE_URL?.trim();
  if (fromEnv) {
    cached = fromEnv;
    return fromEnv;
  }
  if (process.env.CI === 'true') {
    throw new Error('BEIAN_TEST_DATABASE_URL is not set: run `eval "$(.ci/postgres.sh)"` before the tests in CI');
  }
  const output = execFileSync('bash', [SCRIPT], {
    encoding: 'utf8',
    timeout: 240_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = /BEIAN_TEST_DATABASE_URL=(\S+)/.exec(output)?.[1];
  if (!url) throw new Error(`.ci/postgres.sh printed no BEIAN_TEST_DATABASE_URL:\n${output}`);
  cached = url;
  return url;
}

/** A database made for one test file, so files run in parallel without seeing each other's rows. */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Creates a fresh, empty PostgreSQL database on the test server. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const server = testServerUrl();
  const name = `beian_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await admin(server, `create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin(server, `drop database if exists ${name} with (force)`),
  };
}

async function admin(server: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Where a store under test lives: a fresh SQLite folder, or a fresh PostgreSQL database. */
export interface TestPlace {
  dataDir: string;
  databaseUrl: string | undefined;
  dispose(): Promise<void>;
}

/** The two engines every storage test runs against. */
export const ENGINES = ['sqlite', 'postgres'] as const;

/** Makes an empty place for `engine`. */
export async function createTestPlace(engine: (typeof ENGINES)[number]): Promise<TestPlace> {
  const dataDir = await mkdtemp(join(tmpdir(), `beian-${engine}-`));
  const database = engine === 'postgres' ? await createTestDatabase() : undefined;
  return {
    dataDir,
    databaseUrl: database?.url,
    async dispose() {
      await database?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
