import { z } from 'zod';

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The fields an entry's front matter may hold, in the order a problem list names them. */
export const FRONT_MATTER_FIELDS = ['id', 'topic', 'tags', 'source', 'reviewed', 'owner', 'review_every'] as const;

// A Slack user (<@U…>), a user group (<!subteam^S…>, optionally |handle) or a handle as people type it (@name).
const OWNER = /^(?:<@[UW][A-Z0-9]+>|<!subteam\^S[A-Z0-9]+(?:\|@?[\w.-]+)?>|@[\p{L}\p{N}._-]+)$/u;

/** True for `YYYY-MM-DD` strings that name a real calendar day (no 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** The strict front-matter schema; `today` (`YYYY-MM-DD`) is the latest acceptable `reviewed` date. */
export function createFrontMatterSchema(today: string) {
  return z.strictObject({
    id: z.string().regex(KEBAB, 'id must be kebab-case (lowercase letters, digits and single dashes)'),
    topic: z.string().regex(KEBAB, 'topic must be a kebab-case topic id like after-filing'),
    tags: z
      .array(z.string().trim().min(1, 'a tag must not be empty'))
      .min(1, 'tags must list at least one tag, e.g. [有效期, validity]'),
    source: z.strictObject({
      title: z.string().trim().min(1, 'source.title must not be empty'),
      url: z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: 'source.url must be an http(s) URL' }),
    }),
    reviewed: z
      .string()
      .refine(isCalendarDate, 'reviewed must be a real calendar date written YYYY-MM-DD')
      .refine((d) => !isCalendarDate(d) || d <= today, `reviewed must not be in the future (today is ${today})`),
    owner: z
      .string()
      .regex(OWNER, 'owner must be a Slack user or user group: <@U0123ABCD>, <!subteam^S0123ABCD> or @name')
      .optional(),
    review_every: z
      .number()
      .int()
      .min(1, 'review_every must be at least 1 day')
      .max(3650, 'review_every must be at most 3650 days (ten years)')
      .optional(),
  });
}

export type FrontMatterFields = z.infer<ReturnType<typeof createFrontMatterSchema>>;
