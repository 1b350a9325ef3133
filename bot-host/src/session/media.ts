// Fetches media for `send_media` commands: size- and time-limited, so one tenant's URL cannot
// stall or exhaust the worker that hosts other tenants.
import path from 'node:path';
import wwebjs from 'whatsapp-web.js';

const { MessageMedia } = wwebjs;
export const MAX_MEDIA_BYTES = 16 * 1024 * 1024; // WhatsApp's limit for images and videos
const TIMEOUT_MS = 30_000;

export class MediaFetchError extends Error {
  override name = 'MediaFetchError';
}

export async function fetchMedia(url: string, filename?: string): Promise<InstanceType<typeof MessageMedia>> {
  const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'follow' });
  if (!response.ok || !response.body) throw new MediaFetchError(`GET ${url} answered ${response.status}`);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_MEDIA_BYTES) throw new MediaFetchError(`media larger than ${MAX_MEDIA_BYTES} bytes`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > MAX_MEDIA_BYTES) throw new MediaFetchError(`media larger than ${MAX_MEDIA_BYTES} bytes`);
    chunks.push(chunk);
  }
  const mimetype = (response.headers.get('content-type') ?? 'application/octet-stream').split(';')[0]?.trim();
  const name = filename ?? (path.basename(new URL(url).pathname) || 'file');
  return new MessageMedia(
    mimetype || 'application/octet-stream',
    Buffer.concat(chunks).toString('base64'),
    name,
    size,
  );
}
