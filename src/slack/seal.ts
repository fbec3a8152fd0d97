import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { BeianError } from '../core/errors.js';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Encrypts `plain` with AES-256-GCM under `key` (32 bytes); `context` is bound to it (it must match to open). */
export function seal(plain: string, key: Buffer, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
}

/**
 * Decrypts what seal made. Throws a BeianError (`token-key`) when the key is not the one it was sealed with, the
 * context differs, or the text was altered; the error never includes the text.
 */
export function unseal(sealed: string, key: Buffer, context: string): string {
  const [version, iv, tag, body] = sealed.split(':');
  if (version !== VERSION || !iv || !tag || body === undefined) {
    throw new BeianError('token-key', 'A stored Slack installation is not in a format this version can read.');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  } catch (error) {
    throw new BeianError(
      'token-key',
      'A stored Slack installation could not be decrypted: BEIAN_TOKEN_KEY is not the key it was stored with.',
      { cause: error },
    );
  }
}
