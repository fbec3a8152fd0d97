import { join, relative } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { KnowledgeBaseError } from '../core/errors.js';
import { loadKnowledgeBase } from '../core/knowledge/load-knowledge-base.js';
import type { ParseOptions } from '../core/knowledge/parse-knowledge-file.js';
import type { KnowledgeBase } from '../core/knowledge/types.js';
import { createMatcher } from '../core/match/create-matcher.js';
import type { Matcher } from '../core/match/types.js';
import { chooseStyle, type Style } from './render-markdown.js';

/** The knowledge folder a command uses: `--knowledge`, else $BEIAN_KNOWLEDGE_DIR, else the bundled one. */
export function resolveKnowledgeDir(command: Command): string {
  const { knowledge } = command.optsWithGlobals<{ knowledge?: string }>();
  return knowledge ?? loadConfig(process.env).knowledgeDir;
}

/** Loads and validates the knowledge base a command uses. */
export function loadCommandKnowledgeBase(command: Command): Promise<KnowledgeBase> {
  return loadKnowledgeBaseForTerminal(resolveKnowledgeDir(command));
}

/** The folder as a person would type it from here: relative to the working directory. */
export function displayDir(dir: string): string {
  return relative(process.cwd(), dir) || '.';
}

/** Loads the knowledge base; problems name their files relative to the working directory, ready to open. */
export async function loadKnowledgeBaseForTerminal(dir: string, options: ParseOptions = {}): Promise<KnowledgeBase> {
  try {
    return await loadKnowledgeBase(dir, { reviewEveryDays: loadConfig(process.env).reviewEveryDays, ...options });
  } catch (error) {
    if (!(error instanceof KnowledgeBaseError)) throw error;
    const shown = (file: string) => join(displayDir(dir), file);
    throw new KnowledgeBaseError(
      error.problems.map((p) => ({
        ...p,
        file: shown(p.file),
        message: relocate(p.message, p.refs ?? [], shown),
      })),
    );
  }
}

// Each `file:` the message names (and only where a path starts) gets the same prefix as the problem's own file.
function relocate(message: string, refs: readonly string[], shown: (file: string) => string): string {
  if (refs.length === 0) return message;
  const names = refs.map((r) => r.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return message.replace(new RegExp(`(?<=^|\\s)(${names}):(?=\\d)`, 'g'), (_m, ref: string) => `${shown(ref)}:`);
}

/** The matcher the CLI answers with, honouring $BEIAN_MIN_CONFIDENCE like the bot does. */
export function createCommandMatcher(kb: KnowledgeBase): Matcher {
  const { minConfidence } = loadConfig(process.env);
  return createMatcher(kb, minConfidence === undefined ? {} : { answerThreshold: minConfidence });
}

/** Colour only for a terminal that wants it (https://no-color.org). */
export function chooseOutputStyle(stream: NodeJS.WriteStream): Style {
  return chooseStyle(stream.isTTY === true && !process.env.NO_COLOR);
}

let pipeGuarded = false;

// `beian ask < questions.txt | head` closes the pipe early: that is the reader saying "enough", not a crash.
function guardClosedPipe(): void {
  if (pipeGuarded) return;
  pipeGuarded = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
}

/** Writes to stdout, waiting when the pipe is full so hundreds of answers stream without piling up. */
export async function writeOut(text: string): Promise<void> {
  guardClosedPipe();
  if (!process.stdout.write(text)) await new Promise((resolve) => process.stdout.once('drain', resolve));
}
