// The one file a multipart request carries, read whole (the server's size limit applies), or a clear
// Russian error naming what to choose when the request has none.
import type { FastifyRequest } from 'fastify';
import { DomainError, type ErrorCode } from '../domain/errors.ts';
import { safeFileName } from '../services/execution.ts';

export interface Upload {
  /** The name's last path part without control characters, at most 200 characters (safeFileName). */
  name: string;
  bytes: Uint8Array;
  /** The form's other fields, as text. */
  field(name: string): string | undefined;
}

/**
 * A request the multipart parser cannot finish (cut off before its closing boundary, or with no boundary at all)
 * is the upload's fault, not the server's: busboy rejects with a bare Error, which would otherwise answer 500.
 * Errors with an HTTP status (the size limit's 413, a request that is not multipart) keep theirs.
 */
function brokenUpload(e: unknown, code: ErrorCode): unknown {
  const status = (e as { statusCode?: number } | null)?.statusCode;
  if (e instanceof DomainError || (status !== undefined && status >= 400 && status < 500)) return e;
  return new DomainError(
    code,
    'Файл получен не полностью: загрузка прервалась или запрос повреждён. Загрузите файл снова.',
  );
}

export async function uploadedFile(
  req: FastifyRequest,
  choose: string,
  code: ErrorCode = 'validation.failed',
): Promise<Upload> {
  let file: Awaited<ReturnType<FastifyRequest['file']>>;
  let bytes: Buffer;
  try {
    file = await req.file();
    if (!file) throw new DomainError(code, `Файл не передан. Выберите ${choose}.`);
    bytes = await file.toBuffer();
  } catch (e) {
    throw brokenUpload(e, code);
  }
  return {
    // The name is the user's to choose: it reaches the audit, the last import of results and the preview cleaned.
    name: safeFileName(file.filename),
    bytes,
    field: (name) => {
      const value = (file.fields[name] as { value?: unknown } | undefined)?.value;
      return typeof value === 'string' ? value : undefined;
    },
  };
}
