/** Where an entry's facts come from: the FAQ page it restates. */
export interface EntrySource {
  title: string;
  url: string;
}

/** One FAQ entry, validated. */
export interface Entry {
  /** Stable kebab-case id; tools, tests and Slack metadata refer to it. */
  id: string;
  /** The question the entry answers, as a person would ask it. */
  title: string;
  /** Alternate phrasings, Chinese and English, as people really ask. */
  questions: readonly string[];
  topic: string;
  tags: readonly string[];
  /** The answer as markdown. */
  answer: string;
  source: EntrySource;
  /** Last reviewed, ISO date `YYYY-MM-DD`. */
  reviewed: string;
  /** Who keeps it true: a Slack user or user group (`<@U…>`, `<!subteam^S…>`, `@name`). */
  owner?: string;
  /** Days after `reviewed` it is due for review again: its own `review_every`, else the knowledge base's default. */
  reviewEvery?: number;
  /** The file it came from (relative to the knowledge folder) and the line of its front matter. */
  file: string;
  line: number;
}

/** The whole validated knowledge base. */
export interface KnowledgeBase {
  entries: readonly Entry[];
  byId: ReadonlyMap<string, Entry>;
  /** Topic ids in first-seen order. */
  topics: readonly string[];
}
