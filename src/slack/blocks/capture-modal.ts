import type { types } from '@slack/bolt';
import { z } from 'zod';
import type { CapturedDraft, DraftField, DraftProblem } from '../../core/knowledge/capture-draft.js';
import { labelTopic } from '../../core/knowledge/topics.js';
import type { Catalogue } from '../messages/catalogue.js';

/** The capture form's ids: its view callback, the button that opens it, and the block of each field. */
export const CAPTURE = {
  callbackId: 'capture_submit',
  openAction: 'capture_open',
  blocks: {
    title: 'draft_title',
    questions: 'draft_questions',
    answer: 'draft_answer',
    id: 'draft_id',
    topic: 'draft_topic',
    tags: 'draft_tags',
    sourceTitle: 'draft_source_title',
    sourceUrl: 'draft_source_url',
  },
} as const;

// Each block holds one element, always under this action id.
const VALUE = 'value';
// Slack's longest plain_text_input.
const MAX_INPUT = 3000;
// Slack's longest option label.
const MAX_OPTION = 75;

/** What the form opens with. */
export interface CapturePrefill {
  title: string;
  answer: string;
  id: string;
  topic: string | null;
  tags: readonly string[];
  sourceUrl: string;
}

const originSchema = z.object({ channel: z.string().min(1), ts: z.string().min(1) });

/** Where the captured message is: the 📖 offer's button and the form (private_metadata) carry it as JSON. */
export type CaptureOrigin = z.infer<typeof originSchema>;

/** The origin as a button value or private_metadata. */
export function encodeCaptureOrigin(origin: CaptureOrigin): string {
  return JSON.stringify({ channel: origin.channel, ts: origin.ts });
}

/** Reads an origin back; null for anything else (a forged or truncated value). */
export function readCaptureOrigin(text: string | undefined): CaptureOrigin | null {
  try {
    const parsed = originSchema.safeParse(JSON.parse(text ?? ''));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The capture modal: the question, other phrasings, answer, id, topic picker, tags and source, prefilled. */
export function buildCaptureModal(
  prefill: CapturePrefill,
  topics: readonly string[],
  origin: CaptureOrigin,
  t: Catalogue,
): types.ModalView {
  const b = CAPTURE.blocks;
  return {
    type: 'modal',
    callback_id: CAPTURE.callbackId,
    private_metadata: encodeCaptureOrigin(origin),
    title: plain(t.captureTitle),
    submit: plain(t.captureSave),
    close: plain(t.captureCancel),
    blocks: [
      { type: 'context', elements: [{ type: 'mrkdwn', text: t.captureIntro }] },
      textInput(b.title, t.captureQuestion, prefill.title),
      textInput(b.questions, t.captureQuestions, '', { multiline: true, optional: true }),
      textInput(b.answer, t.captureAnswer, prefill.answer, { multiline: true }),
      textInput(b.id, t.captureId, prefill.id),
      topicInput(topics, prefill.topic, t),
      textInput(b.tags, t.captureTags, prefill.tags.join(', ')),
      textInput(b.sourceTitle, t.captureSourceTitle, t.captureDefaultSourceTitle),
      textInput(b.sourceUrl, t.captureSourceUrl, prefill.sourceUrl),
    ],
  };
}

/** The submitted state of the form's inputs, as Slack sends it (`view.state.values`). */
export type FormValues = Record<
  string,
  Record<string, { value?: string | null; selected_option?: { value: string } | null } | undefined>
>;

/** Reads a submitted capture form back into a draft: blank lines dropped, tags split at commas (, ， 、). */
export function readCaptureForm(values: FormValues): CapturedDraft {
  const b = CAPTURE.blocks;
  const text = (block: string) => {
    const field = values[block]?.[VALUE];
    return (field?.selected_option?.value ?? field?.value ?? '').trim();
  };
  return {
    id: text(b.id),
    title: text(b.title),
    questions: splitList(text(b.questions), /\n/),
    answer: text(b.answer),
    topic: text(b.topic),
    tags: splitList(text(b.tags), /[,，、]/),
    source: { title: text(b.sourceTitle), url: text(b.sourceUrl) },
  };
}

/** The problems as Slack's `response_action: errors` wants them: one message per block, several joined. */
export function formErrors(problems: readonly DraftProblem[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const p of problems) {
    const block = blockOf(p);
    errors[block] = errors[block] ? `${errors[block]}; ${p.message}` : p.message;
  }
  return errors;
}

function blockOf(problem: DraftProblem): string {
  const b = CAPTURE.blocks;
  if (problem.field === 'source') return /source\.title/.test(problem.message) ? b.sourceTitle : b.sourceUrl;
  const blocks: Record<Exclude<DraftField, 'source'>, string> = {
    id: b.id,
    title: b.title,
    questions: b.questions,
    answer: b.answer,
    topic: b.topic,
    tags: b.tags,
  };
  return blocks[problem.field];
}

function splitList(text: string, separator: RegExp): string[] {
  return text
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function plain(text: string): types.PlainTextElement {
  return { type: 'plain_text', text };
}

function textInput(
  block: string,
  label: string,
  initial: string,
  options: { multiline?: boolean; optional?: boolean } = {},
): types.InputBlock {
  return {
    type: 'input',
    block_id: block,
    label: plain(label),
    optional: options.optional ?? false,
    element: {
      type: 'plain_text_input',
      action_id: VALUE,
      multiline: options.multiline ?? false,
      max_length: MAX_INPUT,
      ...(initial === '' ? {} : { initial_value: initial.slice(0, MAX_INPUT) }),
    },
  };
}

// A picker of the knowledge base's topics; with none yet, a text field for the first one.
function topicInput(topics: readonly string[], initial: string | null, t: Catalogue): types.InputBlock {
  if (topics.length === 0) return textInput(CAPTURE.blocks.topic, t.captureTopic, initial ?? '');
  const option = (topic: string) => ({ text: plain(labelTopic(topic).slice(0, MAX_OPTION)), value: topic });
  return {
    type: 'input',
    block_id: CAPTURE.blocks.topic,
    label: plain(t.captureTopic),
    element: {
      type: 'static_select',
      action_id: VALUE,
      // Slack shows at most 100 options.
      options: topics.slice(0, 100).map(option),
      ...(initial !== null && topics.includes(initial) ? { initial_option: option(initial) } : {}),
    },
  };
}
