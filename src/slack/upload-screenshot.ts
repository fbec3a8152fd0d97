import type { Logger, webApi } from '@slack/bolt';
import type { FooterReport } from '../core/footer/types.js';
import type { Catalogue } from './messages/catalogue.js';

/**
 * Uploads a report's footer picture (files upload v2: getUploadURLExternal, the bytes, completeUploadExternal)
 * without sharing it anywhere, so an image block (`slack_file`) can show it in any message, ephemeral ones too.
 * Returns the file id; null when there is no picture or the upload failed (logged: the report goes out without it).
 */
export async function uploadScreenshot(
  client: webApi.WebClient,
  report: Pick<FooterReport, 'target' | 'screenshot'>,
  t: Catalogue,
  logger: Logger,
): Promise<string | null> {
  const shot = report.screenshot;
  if (!shot) return null;
  try {
    const uploaded = await client.filesUploadV2({
      file: Buffer.from(shot.bytes),
      filename: `footer-${safeName(report.target)}.jpg`,
      title: t.screenshotTitle(report.target),
      alt_text: t.screenshotAlt(report.target),
    });
    const id = (uploaded.files as { files?: { id?: string }[] }[] | undefined)?.[0]?.files?.[0]?.id;
    if (!id) throw new Error('files.completeUploadExternal named no file');
    return id;
  } catch (error) {
    logger.warn(`Uploading the footer picture of ${report.target} failed; the report goes without it:`, error);
    return null;
  }
}

function safeName(target: string): string {
  return (
    target
      .replace(/^https?:\/\//i, '')
      .replace(/[^A-Za-z0-9.-]+/g, '_')
      .slice(0, 60) || 'site'
  );
}
