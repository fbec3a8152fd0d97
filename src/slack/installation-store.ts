import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import { BeianError } from '../core/errors.js';
import type { InstallationRow, Installations } from '../store/installation-store.js';
import { seal, unseal } from './seal.js';

type Query = InstallationQuery<boolean>;

/**
 * Bolt's installationStore over the store's installations table. Each installation (tokens included) is sealed
 * with AES-256-GCM under `key`, bound to its row key; an org-wide install (Enterprise Grid) is kept under its
 * enterprise id, any other under its workspace (team) id.
 */
export function createInstallationStore(
  rows: Installations,
  key: Buffer,
  now: () => Date = () => new Date(),
): InstallationStore {
  return {
    async storeInstallation(installation) {
      const row = rowOf(installation as Installation<'v2', boolean>, key, now());
      await rows.put(row);
    },
    async fetchInstallation(query) {
      for (const rowKey of lookupKeys(query)) {
        const row = await rows.get(rowKey);
        if (row) return JSON.parse(unseal(row.sealed, key, row.key)) as Installation<'v2', boolean>;
      }
      throw new BeianError('slack-not-installed', `The app is not installed in ${describeQuery(query)}.`);
    },
    async deleteInstallation(query) {
      await rows.delete(exactKey(query));
    },
  };
}

function rowOf(installation: Installation<'v2', boolean>, key: Buffer, at: Date): InstallationRow {
  const enterpriseId = installation.enterprise?.id ?? null;
  const teamId = installation.team?.id ?? null;
  const isEnterpriseInstall = installation.isEnterpriseInstall === true;
  const rowKey = exactKey({
    enterpriseId: enterpriseId ?? undefined,
    teamId: teamId ?? undefined,
    isEnterpriseInstall,
  });
  return {
    key: rowKey,
    enterpriseId,
    teamId,
    isEnterpriseInstall,
    sealed: seal(JSON.stringify(installation), key, rowKey),
    installedAt: at.toISOString(),
  };
}

/** The row an installation (or an uninstall) is about: the organisation for org-wide installs, else the workspace. */
export function exactKey(query: Pick<Query, 'enterpriseId' | 'teamId' | 'isEnterpriseInstall'>): string {
  if (query.isEnterpriseInstall) {
    if (!query.enterpriseId) throw new BeianError('slack-install', 'An org-wide installation has no enterprise id.');
    return `enterprise:${query.enterpriseId}`;
  }
  if (!query.teamId) throw new BeianError('slack-install', 'An installation has neither a workspace nor an org id.');
  return `team:${query.teamId}`;
}

// A workspace inside an organisation is served by its own install, else by the organisation's org-wide one.
function lookupKeys(query: Query): string[] {
  if (query.isEnterpriseInstall || !query.teamId) return query.enterpriseId ? [`enterprise:${query.enterpriseId}`] : [];
  return query.enterpriseId ? [`team:${query.teamId}`, `enterprise:${query.enterpriseId}`] : [`team:${query.teamId}`];
}

function describeQuery(query: Query): string {
  if (query.isEnterpriseInstall) return `organisation ${query.enterpriseId ?? '(none)'}`;
  return `workspace ${query.teamId ?? '(none)'}${query.enterpriseId ? ` of organisation ${query.enterpriseId}` : ''}`;
}
