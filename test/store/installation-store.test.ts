import { randomBytes } from 'node:crypto';
import type { Installation } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { BeianError } from '../../src/core/errors.js';
import { createInstallationStore } from '../../src/slack/installation-store.js';
import { ENGINES } from './helpers/databases.js';
import { useTestStore } from './helpers/use-test-store.js';

const key = randomBytes(32);

function teamInstall(team: string, token: string, enterprise?: string): Installation<'v2', false> {
  return {
    team: { id: team, name: team },
    enterprise: enterprise ? { id: enterprise, name: enterprise } : undefined,
    user: { id: 'U0INSTALL', token: undefined, scopes: undefined },
    bot: { id: 'B1', userId: 'UBOT', token, scopes: ['chat:write'] },
    tokenType: 'bot',
    isEnterpriseInstall: false,
    appId: 'A0TEST01',
    authVersion: 'v2',
  };
}

function orgInstall(enterprise: string, token: string): Installation<'v2', true> {
  return {
    team: undefined,
    enterprise: { id: enterprise, name: enterprise },
    user: { id: 'U0ADMIN', token: undefined, scopes: undefined },
    bot: { id: 'B2', userId: 'UBOT2', token, scopes: ['chat:write'] },
    tokenType: 'bot',
    isEnterpriseInstall: true,
    appId: 'A0TEST01',
    authVersion: 'v2',
  };
}

describe.each(ENGINES)('installations on %s', (engine) => {
  const t = useTestStore(engine);

  it('stores an installation sealed, and gives it back whole', async () => {
    const installations = createInstallationStore(t.store.installations, key);
    await installations.storeInstallation(teamInstall('T0AAAA001', 'xoxb-team-a'));
    const row = await t.store.installations.get('team:T0AAAA001');
    expect(row).toMatchObject({ teamId: 'T0AAAA001', enterpriseId: null, isEnterpriseInstall: false });
    expect(row?.sealed).not.toContain('xoxb');
    const back = await installations.fetchInstallation({
      teamId: 'T0AAAA001',
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(back).toEqual(teamInstall('T0AAAA001', 'xoxb-team-a'));
  });

  it('replaces an installation on reinstall (new tokens)', async () => {
    const installations = createInstallationStore(t.store.installations, key);
    await installations.storeInstallation(teamInstall('T0AAAA001', 'xoxb-team-a-new'));
    const back = await installations.fetchInstallation({
      teamId: 'T0AAAA001',
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(back.bot?.token).toBe('xoxb-team-a-new');
  });

  it('keeps an org-wide install under its enterprise id and serves the organisation’s workspaces from it', async () => {
    const installations = createInstallationStore(t.store.installations, key);
    await installations.storeInstallation(orgInstall('E0ORG0001', 'xoxb-org'));
    expect(await t.store.installations.get('enterprise:E0ORG0001')).toMatchObject({ isEnterpriseInstall: true });
    const org = await installations.fetchInstallation({
      teamId: undefined,
      enterpriseId: 'E0ORG0001',
      isEnterpriseInstall: true,
    });
    expect(org.bot?.token).toBe('xoxb-org');
    const workspace = await installations.fetchInstallation({
      teamId: 'T0INORG01',
      enterpriseId: 'E0ORG0001',
      isEnterpriseInstall: false,
    });
    expect(workspace.bot?.token).toBe('xoxb-org');
  });

  it('prefers a workspace’s own install inside an organisation', async () => {
    const installations = createInstallationStore(t.store.installations, key);
    await installations.storeInstallation(teamInstall('T0OWN0001', 'xoxb-own', 'E0ORG0001'));
    const own = await installations.fetchInstallation({
      teamId: 'T0OWN0001',
      enterpriseId: 'E0ORG0001',
      isEnterpriseInstall: false,
    });
    expect(own.bot?.token).toBe('xoxb-own');
  });

  it('deletes one installation and leaves the others', async () => {
    const installations = createInstallationStore(t.store.installations, key);
    await installations.deleteInstallation?.({
      teamId: undefined,
      enterpriseId: 'E0ORG0001',
      isEnterpriseInstall: true,
    });
    expect(await t.store.installations.get('enterprise:E0ORG0001')).toBeUndefined();
    expect(await t.store.installations.get('team:T0OWN0001')).toBeDefined();
    await expect(
      installations.fetchInstallation({ teamId: undefined, enterpriseId: 'E0ORG0001', isEnterpriseInstall: true }),
    ).rejects.toThrow('The app is not installed in organisation E0ORG0001.');
  });

  it('says clearly when the key is not the one the installations were stored with', async () => {
    const other = createInstallationStore(t.store.installations, randomBytes(32));
    const failure = other.fetchInstallation({
      teamId: 'T0AAAA001',
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    await expect(failure).rejects.toBeInstanceOf(BeianError);
    await expect(failure).rejects.toThrow(/BEIAN_TOKEN_KEY/);
  });

  it('an unknown workspace is not installed', async () => {
    const installations = createInstallationStore(t.store.installations, key);
    await expect(
      installations.fetchInstallation({ teamId: 'T0NOPE001', enterpriseId: undefined, isEnterpriseInstall: false }),
    ).rejects.toThrow('The app is not installed in workspace T0NOPE001.');
    expect(await t.store.installations.delete('team:T0NOPE001')).toBe(false);
  });
});
