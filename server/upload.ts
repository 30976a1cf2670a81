// The one file a multipart request carries, read whole (the server's size limit applies), or a clear
// Russian error naming what to choose when the request has none.
import type { FastifyRequest } from 'fastify';
import { DomainError, type ErrorCode } from '../domain/errors.ts';

export interface Upload {
  name: string;
  bytes: Uint8Array;
  /** The form's other fields, as text. */
  field(name: string): string | undefined;
}

export async function uploadedFile(
  req: FastifyRequest,
  choose: string,
  code: ErrorCode = 'validation.failed',
): Promise<Upload> {
  const file = await req.file();
  if (!file) throw new DomainError(code, `Файл не передан. Выберите ${choose}.`);
  const bytes = await file.toBuffer();
  return {
    name: file.filename,
    bytes,
    field: (name) => {
      const value = (file.fields[name] as { value?: unknown } | undefined)?.value;
      return typeof value === 'string' ? value : undefined;
    },
  };
}
