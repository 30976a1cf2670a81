// A thin fetch wrapper over the JSON API: same-origin cookies, the CSRF header on writes, and one error type
// carrying the server's stable code and its Russian message.
import type { ErrorBody } from '../../contract/api.ts';

export type Problem = NonNullable<ErrorBody['error']['problems']>[number];

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problems: Problem[];

  constructor(status: number, code: string, message: string, problems: Problem[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.problems = problems;
  }
}

let csrfToken: string | null = null;

/** The token from the current session (GET /api/auth/me or login); sent as x-csrf-token on writes. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

/** Builds `?a=1&b=2`, leaving out empty values so the server sees only real filters. */
export function queryString(params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions {
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
}

const networkMessage = 'Нет связи с сервером. Проверьте подключение к сети и повторите попытку.';

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'message' in error && 'code' in error;
}

function fallbackMessage(status: number): string {
  if (status === 401) return 'Требуется вход в систему.';
  if (status === 403) return 'Недостаточно прав для этого действия.';
  if (status === 404) return 'Запись не найдена.';
  if (status === 413) return 'Файл слишком большой.';
  if (status === 429) return 'Слишком много запросов. Подождите немного и повторите попытку.';
  if (status >= 500) return 'На сервере произошла ошибка. Повторите попытку позже.';
  return `Запрос не выполнен (код ${status}).`;
}

export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body; // the browser sets the multipart boundary
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path + queryString(options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network.unavailable', networkMessage);
  }

  const text = await response.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    if (isErrorBody(data)) {
      const { code, message, problems } = data.error;
      throw new ApiError(response.status, code, message, problems ?? []);
    }
    throw new ApiError(response.status, `http.${response.status}`, fallbackMessage(response.status));
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: QueryParams, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, query?: QueryParams) => request<T>('POST', path, { body, query }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string, query?: QueryParams) => request<T>('DELETE', path, { query }),
};

/** Russian text for anything thrown, for places that show one line. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Произошла непредвиденная ошибка. Обновите страницу и повторите попытку.';
}
