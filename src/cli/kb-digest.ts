import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { UsageError } from '../core/errors.js';
import type { Digest } from '../core/learn/digest.js';
import { loadKnowledgeBaseForTerminal, resolveKnowledgeDir, writeOut } from './context.js';
import { openCommandStore } from './db.js';

interface DigestCommandOptions {
  days?: string;
  post?: boolean;
  json?: boolean;
  dataDir?: string;
}

/** `beian kb digest [--post]`: the weekly knowledge digest, printed or posted. */
export async function runKbDigest(options: DigestCommandOptions, command: Command): Promise<void> {
  const days = parseDays(options.days ?? '7');
  const config = loadConfig(process.env);
  if (options.post && (!config.slack || !config.digestChannel)) {
    throw new UsageError('--post needs SLACK_BOT_TOKEN and BEIAN_DIGEST_CHANNEL (the channel ID to post to)');
  }
  const base = await loadKnowledgeBaseForTerminal(resolveKnowledgeDir(command));
  // Loaded on use: the Slack client is only needed here.
  const { collectDigest, postDigest } = await import('../slack/digest.js');
  const store = await openCommandStore(options);
  const digest = await collectDigest({ store, kb: base }, new Date(), days).finally(() => store.close());
  if (options.post && config.slack && config.digestChannel) {
    const { createBotWebClient } = await import('../slack/web-client.js');
    const client = createBotWebClient(config.slack);
    await postDigest(client, config.digestChannel, digest);
    await writeOut(`Posted the knowledge digest to ${config.digestChannel}.\n`);
    return;
  }
  await writeOut(options.json ? `${JSON.stringify(digest, null, 2)}\n` : formatDigest(digest));
}

function parseDays(value: string): number {
  const days = Number(value);
  if (!/^\d+$/.test(value.trim()) || days < 1) {
    throw new UsageError(`--days expects a whole number of days (1 or more), not "${value}"`);
  }
  return days;
}

/** The digest as terminal text. */
export function formatDigest(digest: Digest): string {
  const lines = [`Knowledge digest, ${digest.since.slice(0, 10)} – ${digest.until.slice(0, 10)}`, ''];
  lines.push('Most asked questions without an answer:');
  if (digest.unanswered.length === 0) lines.push('  (none)');
  for (const u of digest.unanswered)
    lines.push(`  ${String(u.count).padStart(4)}× (${u.people} people)  ${u.question}`);
  lines.push('', 'Entries past due for review:');
  if (digest.stale.length === 0) lines.push('  (none)');
  for (const s of digest.stale) {
    lines.push(`  ${s.entryId} (${s.file})  reviewed ${s.reviewed}, due ${s.due}  ${s.owner ?? 'no owner'}`);
  }
  lines.push('', 'Least helpful entries (👎 not helpful, 🙋 need a person, 👍 helpful):');
  if (digest.leastHelpful.length === 0) lines.push('  (none)');
  for (const e of digest.leastHelpful) {
    lines.push(`  ${e.entryId}  👎 ${e.notHelpful}  🙋 ${e.needPerson}  👍 ${e.helpful}`);
  }
  return `${lines.join('\n')}\n`;
}
