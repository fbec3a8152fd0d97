/** Code-point order, so the same folder loads the same way on every machine and locale. */
export function sortFiles<T extends { file: string }>(files: readonly T[]): T[] {
  return [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
