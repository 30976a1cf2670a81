/**
 * Where to go after signing in. Only a path inside this app may be a return address: not another site
 * (`//evil.example`, `https://…`, `/\evil.example`) and not the login page itself.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next === '/login' || next.startsWith('/login?') || next.startsWith('/login/')) return '/';
  return next;
}
