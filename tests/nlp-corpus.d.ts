/** nlp-corpus (a dev dependency of tests and bench) ships no types. */
declare module 'nlp-corpus' {
  const corpus: { all(): string[]; some(n: number): string[]; random(n: number): string[] };
  export default corpus;
}
