import type { Kysely } from 'kysely';

/** Slack installations (OAuth distribution): one row per workspace or per Enterprise Grid organisation. */
export function installations() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('slack_installations')
        // `team:T…` or, for an org-wide install, `enterprise:E…`.
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('enterprise_id', 'text')
        .addColumn('team_id', 'text')
        // 0 or 1: SQLite has no boolean, and the same column type on both engines keeps one query layer.
        .addColumn('is_enterprise_install', 'integer', (c) => c.notNull())
        // The installation with its tokens, encrypted before it reaches the store (AES-256-GCM).
        .addColumn('sealed', 'text', (c) => c.notNull())
        .addColumn('installed_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('slack_installations_by_enterprise')
        .on('slack_installations')
        .column('enterprise_id')
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('slack_installations').execute();
    },
  };
}
