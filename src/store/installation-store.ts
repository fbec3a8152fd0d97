import type { Kysely } from 'kysely';
import type { Tables } from './schema.js';

/** One stored Slack installation; `sealed` is opaque here (the Slack adapter encrypts and decrypts it). */
export interface InstallationRow {
  /** `team:T…`, or `enterprise:E…` for an org-wide install. */
  key: string;
  enterpriseId: string | null;
  teamId: string | null;
  isEnterpriseInstall: boolean;
  sealed: string;
  /** ISO time of the latest install. */
  installedAt: string;
}

/** The installations of a distributed app (OAuth), keyed by workspace or organisation. */
export interface Installations {
  /** Inserts, or replaces the row with the same key (a reinstall brings new tokens). */
  put(row: InstallationRow): Promise<void>;
  get(key: string): Promise<InstallationRow | undefined>;
  /** Resolves with whether there was a row to delete. */
  delete(key: string): Promise<boolean>;
}

/** The installations table over the store's Kysely `db`. */
export function createInstallations(db: Kysely<Tables>): Installations {
  return {
    async put(row) {
      const fields = {
        enterprise_id: row.enterpriseId,
        team_id: row.teamId,
        is_enterprise_install: row.isEnterpriseInstall ? 1 : 0,
        sealed: row.sealed,
        installed_at: row.installedAt,
      };
      await db
        .insertInto('slack_installations')
        .values({ key: row.key, ...fields })
        .onConflict((oc) => oc.column('key').doUpdateSet(fields))
        .execute();
    },
    async get(key) {
      const row = await db.selectFrom('slack_installations').selectAll().where('key', '=', key).executeTakeFirst();
      if (!row) return undefined;
      return {
        key: row.key,
        enterpriseId: row.enterprise_id,
        teamId: row.team_id,
        isEnterpriseInstall: Number(row.is_enterprise_install) === 1,
        sealed: row.sealed,
        installedAt: row.installed_at,
      };
    },
    async delete(key) {
      const result = await db.deleteFrom('slack_installations').where('key', '=', key).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
