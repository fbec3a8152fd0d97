import type { FeedbackEvent, UnansweredQuestion } from '../core/learn/suggest.js';
import type { TrafficEvent } from '../core/learn/traffic.js';
import type { Store } from './ports.js';

/** What the learning loop reads: traffic, feedback and unanswered questions. */
export interface Evidence {
  traffic: TrafficEvent[];
  feedback: FeedbackEvent[];
  unanswered: UnansweredQuestion[];
}

/** Reads the learning loop's evidence at or after `since` (ISO) from the store. */
export async function readEvidence(store: Store, since?: string): Promise<Evidence> {
  const [records, traffic] = await Promise.all([store.records(since), store.traffic.events(since)]);
  const feedback: FeedbackEvent[] = [];
  const unanswered: UnansweredQuestion[] = [];
  for (const r of records) {
    if (r.kind === 'feedback') feedback.push(r);
    else if (r.kind === 'unanswered') unanswered.push(r);
  }
  return { traffic, feedback, unanswered };
}
