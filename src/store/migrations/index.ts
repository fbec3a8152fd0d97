import type { Migration, MigrationProvider } from 'kysely';
import type { Engine } from '../schema.js';
import { initial } from './0001-initial.js';
import { installations } from './0006-installations.js';

/**
 * Every migration, by version. Listed here rather than read from the folder so the set is fixed at build
 * time; a new migration is a new file and a new line, never an edit to a shipped one.
 */
export function migrationProvider(engine: Engine): MigrationProvider {
  const migrations: Record<string, Migration> = {
    '0001-initial': initial(engine),
    '0006-installations': installations(),
  };
  return { getMigrations: async () => migrations };
}
