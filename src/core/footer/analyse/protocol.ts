import type { AnalyseInput, AnalyseOptions, PageExamination } from '../analyse-page.js';

/** What the pool posts to a worker: one page to judge. */
export interface AnalysisRequest {
  input: AnalyseInput;
  options: AnalyseOptions;
}

/** What a worker posts back: the examination, or why the analysis threw. */
export type AnalysisResponse = { ok: true; examination: PageExamination } | { ok: false; message: string };
