import type { InstallationStore, webApi } from '@slack/bolt';
import type { SlackOAuthConfig } from '../config.js';

/** The bot scopes the app asks for when installed (slack-app-manifest.yml lists the same; a test ties them). */
export const BOT_SCOPES: readonly string[] = [
  'app_mentions:read',
  'assistant:write',
  'channels:history',
  'chat:write',
  'commands',
  'files:write',
  'groups:history',
  'im:history',
  'reactions:read',
  'users:read',
];

/** Where a person starts an install, and where Slack sends them back with a code. */
export const OAUTH_PATHS = { install: '/slack/install', redirect: '/slack/oauth_redirect' } as const;

/** The receiver options that turn on OAuth distribution: install pages, the redirect, and the installation store. */
export function oauthReceiverOptions(
  oauth: SlackOAuthConfig,
  installationStore: InstallationStore,
  clientOptions: webApi.WebClientOptions,
) {
  return {
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    scopes: [...BOT_SCOPES],
    installationStore,
    installerOptions: {
      installPath: OAUTH_PATHS.install,
      redirectUriPath: OAUTH_PATHS.redirect,
      // Straight to Slack's consent page: there is nothing to choose on a page of our own first.
      directInstall: true,
      // oauth.v2.access and auth.test go to the same (possibly overridden) Web API as everything else.
      clientOptions: { slackApiUrl: clientOptions.slackApiUrl, timeout: clientOptions.timeout },
    },
  };
}
