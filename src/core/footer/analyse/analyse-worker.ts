/**
 * The worker side of the analysis pool: judges each page posted to it and posts the examination back.
 * Runs in a `node:worker_threads` worker started by `createAnalysePool`; never imported otherwise.
 */
import { parentPort } from 'node:worker_threads';
import { examinePage } from '../analyse-page.js';
import type { AnalysisRequest, AnalysisResponse } from './protocol.js';

const port = parentPort;
if (port === null) throw new Error('analyse-worker.ts runs only as a worker thread');

port.on('message', ({ input, options }: AnalysisRequest) => {
  let response: AnalysisResponse;
  try {
    response = { ok: true, examination: examinePage(input, options) };
  } catch (error) {
    response = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(response);
});
