/** Options for createDeduper. */
export interface DeduperOptions {
  /** Most keys remembered; the oldest are forgotten first. Slack retries within minutes, so this is plenty. */
  maxKeys?: number;
  /** How long a key is remembered. Slack's last retry comes about 5 minutes after the first delivery. */
  ttlMs?: number;
  now?: () => number;
}

/** A bounded memory of keys seen recently (event ids, thread ids). */
export interface Deduper {
  /** True when `key` was seen within the TTL; otherwise remembers it and returns false. */
  seen(key: string): boolean;
  readonly size: number;
}

/** Creates a bounded LRU-with-TTL set, so memory stays flat however many events arrive. */
export function createDeduper(options: DeduperOptions = {}): Deduper {
  const maxKeys = options.maxKeys ?? 5000;
  const ttlMs = options.ttlMs ?? 60 * 60 * 1000;
  const now = options.now ?? Date.now;
  // A Map keeps insertion order, so the first key is always the oldest.
  const keys = new Map<string, number>();
  const evict = (at: number) => {
    for (const [key, expires] of keys) {
      if (expires > at && keys.size <= maxKeys) break;
      keys.delete(key);
    }
  };
  return {
    seen(key) {
      const at = now();
      const expires = keys.get(key);
      if (expires !== undefined && expires > at) return true;
      keys.delete(key);
      keys.set(key, at + ttlMs);
      evict(at);
      return false;
    },
    get size() {
      return keys.size;
    },
  };
}
