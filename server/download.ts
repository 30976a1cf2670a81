import type { FastifyReply } from 'fastify';

const types = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ics: 'text/calendar; charset=utf-8',
} as const;

/** Sends a generated file with a Cyrillic file name (RFC 6266 / RFC 5987) and an ASCII fallback. */
export function sendFile(reply: FastifyReply, bytes: Uint8Array, baseName: string, format: keyof typeof types) {
  return sendAttachment(reply, bytes, `${baseName}.${format}`, types[format]);
}

/** Sends bytes as a download under their own name (an uploaded file keeps the name and type it was kept with). */
export function sendAttachment(reply: FastifyReply, bytes: Uint8Array, name: string, mediaType: string) {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return reply
    .header('content-type', mediaType)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .send(Buffer.from(bytes));
}
