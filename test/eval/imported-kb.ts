import { fileURLToPath } from 'node:url';
import { buildKnowledgeBase } from '../../src/core/knowledge/build-knowledge-base.js';
import { readKnowledgeFolder } from '../../src/core/knowledge/load-knowledge-base.js';
import type { KnowledgeBase } from '../../src/core/knowledge/types.js';

/** The bundled knowledge folder. */
export const BUNDLED_DIR = fileURLToPath(new URL('../../knowledge', import.meta.url));
/** The entries imported from provider FAQ pages (see test/fixtures/imported-kb/README.md). */
export const IMPORTED_DIR = fileURLToPath(new URL('../fixtures/imported-kb/entries', import.meta.url));

/** The bundled entries and the imported ones as one knowledge base, as if both folders sat side by side. */
export async function loadBundledAndImported(): Promise<KnowledgeBase> {
  const [bundled, imported] = await Promise.all([readKnowledgeFolder(BUNDLED_DIR), readKnowledgeFolder(IMPORTED_DIR)]);
  return buildKnowledgeBase(
    [
      ...bundled.files.map((f) => ({ ...f, file: `bundled/${f.file}` })),
      ...imported.files.map((f) => ({ ...f, file: `imported/${f.file}` })),
    ],
    {},
    [...bundled.problems, ...imported.problems],
  );
}
