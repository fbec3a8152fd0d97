// opencc-js ships its dictionaries as modules under `opencc-js/dict/` (package exports "./*") without declarations:
// each default-exports one string of "source target|source target|…" pairs.
declare module 'opencc-js/dict/*' {
  const pairs: string;
  export default pairs;
}
