/** A question the bot saw and what it showed: the answer (if any) and the suggestions offered. */
export interface AskedEvent {
  kind: 'asked';
  /** ISO timestamp. */
  at: string;
  user: string;
  channel: string | null;
  /** The Slack thread (`channel:ts`) the reply went to, when there was one: clicks in it join by it. */
  thread: string | null;
  question: string;
  /** The entry answered with; null when the bot refused. */
  answeredEntryId: string | null;
  confidence: number;
  /** Entries offered as "Did you mean …?", in order. */
  suggestionIds: readonly string[];
}

/** A person chose a suggestion ("Did you mean …?" button, or a number in the console). */
export interface PickedEvent {
  kind: 'picked';
  at: string;
  user: string;
  channel: string | null;
  thread: string | null;
  entryId: string;
}

/** One traffic event. */
export type TrafficEvent = AskedEvent | PickedEvent;

/** Builds the thread key asked and picked events are joined by. */
export function threadKey(channel: string | null | undefined, ts: string | null | undefined): string | null {
  return channel && ts ? `${channel}:${ts}` : null;
}
