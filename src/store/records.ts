import { z } from 'zod';

const base = {
  /** ISO timestamp. */
  at: z.string(),
  user: z.string(),
  channel: z.string().nullable(),
};

const feedback = z.object({
  kind: z.literal('feedback'),
  ...base,
  entryId: z.string(),
  value: z.enum(['helpful', 'not-helpful', 'solved', 'need-person']),
});

const unanswered = z.object({
  kind: z.literal('unanswered'),
  ...base,
  question: z.string(),
  bestEntryId: z.string().nullable(),
  confidence: z.number(),
});

const footerCheck = z.object({
  kind: z.literal('footer-check'),
  ...base,
  target: z.string(),
  verdict: z.enum(['pass', 'warn', 'fail', 'inconclusive']),
  icp: z.string().nullable(),
});

/** One line of the feedback store. */
export const storeRecordSchema = z.discriminatedUnion('kind', [feedback, unanswered, footerCheck]);

export type StoreRecord = z.infer<typeof storeRecordSchema>;
export type FeedbackRecord = z.infer<typeof feedback>;
export type FeedbackValue = FeedbackRecord['value'];
export type UnansweredRecord = z.infer<typeof unanswered>;
export type FooterCheckRecord = z.infer<typeof footerCheck>;
