import type { Migration, MigrationProvider } from 'kysely';
import type { Engine } from '../schema.js';
import { initial } from './0001-initial.js';
import { jobs } from './0002-jobs.js';
import { watches } from './0003-watches.js';
import { drafts } from './0004-drafts.js';
import { traffic } from './0005-traffic.js';
import { installations } from './0006-installations.js';
import { alertThreads } from './0007-alert-threads.js';

/**
 * Every migration, by version. Listed here rather than read from the folder so the set is fixed at build
 * time; a new migration is a new file and a new line, never an edit to a shipped one.
 */
export function migrationProvider(engine: Engine): MigrationProvider {
  const migrations: Record<string, Migration> = {
    '0001-initial': initial(engine),
    '0002-jobs': jobs(),
    '0003-watches': watches(engine),
    '0004-drafts': drafts(engine),
    '0005-traffic': traffic(engine),
    '0006-installations': installations(),
    '0007-alert-threads': alertThreads(),
  };
  return { getMigrations: async () => migrations };
}
