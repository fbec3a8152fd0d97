import type { Generated } from 'kysely';

/** Which database engine a store runs on. */
export type Engine = 'sqlite' | 'postgres';

interface Base {
  id: Generated<number>;
  /** ISO timestamp: sorts the same as text on both engines. */
  at: string;
  user_id: string;
  channel: string | null;
  /** Set for records imported from feedback.jsonl, so a second import skips them. */
  import_key: string | null;
}

/** The tables, as Kysely sees them. */
export interface Tables {
  feedback: Base & { entry_id: string; value: string };
  unanswered_questions: Base & { question: string; best_entry_id: string | null; confidence: number };
  footer_checks: Base & { target: string; verdict: string; icp: string | null };
  claims: { scope: string; key: string; expires_at: number };
  queue_results: {
    batch: string;
    idx: number;
    target: string;
    verdict: string;
    state: string;
    report: string;
    at: string;
  };
  host_leases: { host: string; holder: string; busy_until: number; next_at: number };
  watches: {
    target: string;
    expect: string | null;
    owner: string | null;
    every_ms: number;
    muted_until: number | null;
    created_at: number;
    next_run_at: number;
    lease_holder: string | null;
    lease_until: number | null;
    state: string;
  };
  watch_alert_threads: { target: string; incident_since: number; channel: string; ts: string; posted_at: number };
  watch_runs: {
    id: Generated<number>;
    target: string;
    at: number;
    verdict: string;
    icp: string | null;
    psb: string | null;
    findings: string;
    recheck: number;
    final_url: string | null;
  };
  drafts: {
    id: Generated<number>;
    entry_id: string;
    at: string;
    user_id: string;
    channel: string | null;
    message_ts: string | null;
    title: string;
    questions: string;
    answer: string;
    topic: string;
    tags: string;
    source_title: string;
    source_url: string;
  };
  traffic_events: {
    id: Generated<number>;
    at: string;
    kind: string;
    user_id: string;
    channel: string | null;
    thread: string | null;
    question: string | null;
    entry_id: string | null;
    confidence: number | null;
    suggestion_ids: string | null;
  };
  slack_installations: {
    key: string;
    enterprise_id: string | null;
    team_id: string | null;
    is_enterprise_install: number;
    sealed: string;
    installed_at: string;
  };
}
