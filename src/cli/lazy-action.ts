/**
 * A command's action that imports its module only when the command runs: `beian --help`, and every other command,
 * then start without that module's dependencies (zod, the matcher, the HTML reader, the database drivers, Bolt).
 * Every command registers this way, e.g. `.action(lazyAction(() => import('./ask-action.js'), 'runAsk'))`; the
 * registering file imports nothing heavier than commander and the light option parsers.
 */
export function lazyAction<K extends string, M extends Record<K, (...args: never[]) => unknown>>(
  load: () => Promise<M>,
  name: K,
): (...args: Parameters<M[K]>) => Promise<void> {
  return async (...args) => {
    const module = await load();
    await module[name](...args);
  };
}
