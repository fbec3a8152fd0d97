import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';

type Args<E extends 'app_uninstalled' | 'tokens_revoked'> = AllMiddlewareArgs & SlackEventMiddlewareArgs<E>;

/** `app_uninstalled`: the workspace's (or the organisation's, for an org-wide install) tokens are deleted. */
export function createAppUninstalledListener(deps: SlackDeps) {
  return async ({ context }: Args<'app_uninstalled'>): Promise<void> => {
    await forget(deps, context, 'app_uninstalled');
  };
}

/** `tokens_revoked`: once the bot token is revoked the installation is useless, so it is deleted. */
export function createTokensRevokedListener(deps: SlackDeps) {
  return async ({ event, context }: Args<'tokens_revoked'>): Promise<void> => {
    if ((event.tokens.bot ?? []).length === 0) return;
    await forget(deps, context, 'tokens_revoked');
  };
}

async function forget(deps: SlackDeps, context: AllMiddlewareArgs['context'], why: string): Promise<void> {
  const where = context.isEnterpriseInstall ? `organisation ${context.enterpriseId}` : `workspace ${context.teamId}`;
  if (!deps.installations?.deleteInstallation) {
    deps.logger.info(`${why} for ${where}: single-workspace mode keeps no installations`);
    return;
  }
  const query = {
    teamId: context.teamId,
    enterpriseId: context.enterpriseId,
    isEnterpriseInstall: context.isEnterpriseInstall === true,
  };
  try {
    await deps.installations.deleteInstallation(query);
    deps.logger.info(`${why}: deleted the installation of ${where}`);
  } catch (error) {
    deps.logger.error(`${why}: could not delete the installation of ${where}:`, error);
  }
}
