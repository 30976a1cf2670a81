// The load generator of bench/deadline-day, run in its own process (forked by it) so that building requests
// and parsing responses never share the event loop of the server under test. It receives a plan over IPC —
// the address, the duration, the number of connections, and per school its cookie, CSRF token, roadmap and
// the units it may write with their current versions — drives autocannon with it and answers with the
// figures. Requests alternate write, read, write, read… over one counter shared by every connection: the
// n-th write goes to the next school in turn and to that school's next unit, so no unit is written twice
// until every unit of the pool has been written once (a second pass sends each unit's next version).
//
// Closed loop (no `rate`): one autocannon instance, every connection sending its next request as soon as the
// previous answer arrives. Open model (`rate`, requests per second across all connections): autocannon's
// `overallRate` alone gives each connection a per-second budget refilled by a 1 s timer that all connections of
// an instance start at the same moment, so one instance at 60 requests/s sends its 60 requests as one burst at
// the top of every second (seen on a test server: 60 arrivals within a few ms, then none for a second) — not
// how users arrive. So the open model runs one single-connection instance per connection, each with
// `overallRate` its share of the rate (shares spread evenly: 60 over 50 connections gives 1 or 2 per second,
// the 2s interleaved with the 1s), their starts staggered by 1 s ÷ connections: a request, or two back to back,
// every 20 ms. Latencies are this process's own, from building a request to the end of its answer (autocannon's
// histogram "corrects" for coordinated omission with an expected interval of ⌈1 ÷ rate⌉ = 1 ms per connection,
// which inflates it); the achieved rate (2xx answers ÷ seconds) shows whether the server kept up.
import autocannon from 'autocannon';

export interface LoadSchool {
  cookie: string;
  csrf: string;
  programmeId: string;
  units: { id: string; version: number }[];
}

export interface LoadPlan {
  url: string;
  seconds: number;
  connections: number;
  /** Open model: whole requests per second across all connections (none: closed loop, no pauses). */
  rate?: number;
  schools: LoadSchool[];
  /** Text put into every report's comment, so each write really changes the row. */
  label: string;
}

export interface LoadResult {
  seconds: number;
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Completed 2xx responses per second over the run (open model: the achieved rate). */
  perSecond: number;
  /** Over both kinds of request, from `write` and `read`. */
  p50: number;
  p99: number;
  max: number;
  /** Latencies (ms) by kind of request, measured here from sending to the end of the response. */
  write: number[];
  read: number[];
  writes: number;
  /** Units written more than once in the run (a second pass over the pool). */
  passes: number;
  /** The first few refusals, to show what went wrong. */
  failures: string[];
}

export async function runLoad(plan: LoadPlan): Promise<LoadResult> {
  const { schools } = plan;
  const next = schools.map(() => 0);
  let counter = 0;
  let writes = 0;
  let maxPass = 0;
  const times = { write: [] as number[], read: [] as number[] };
  const failures: string[] = [];
  type Context = { kind?: 'write' | 'read'; t0?: number };

  const requests: autocannon.Request[] = [
    {
      setupRequest: (req, context) => {
        const ctx = context as Context;
        const n = counter++;
        const school = schools[Math.floor(n / 2) % schools.length]!;
        ctx.t0 = performance.now();
        const headers = { cookie: school.cookie, 'x-csrf-token': school.csrf };
        if (n % 2 === 1) {
          ctx.kind = 'read';
          return { ...req, method: 'GET', path: `/api/programmes/${school.programmeId}/dashboard`, headers };
        }
        ctx.kind = 'write';
        const s = Math.floor(n / 2) % schools.length;
        const k = next[s]!++;
        const unit = school.units[k % school.units.length]!;
        const pass = Math.floor(k / school.units.length);
        maxPass = Math.max(maxPass, pass);
        writes++;
        const body = JSON.stringify({
          status: 'in_progress',
          comment: `${plan.label}: отчёт ${n}`,
          version: unit.version + pass,
        });
        return {
          ...req,
          method: 'POST',
          path: `/api/executions/${unit.id}/report`,
          headers: { ...headers, 'content-type': 'application/json' },
          body,
        };
      },
      onResponse: (status, body, context) => {
        const ctx = context as Context;
        if (ctx.kind && ctx.t0 !== undefined) times[ctx.kind].push(performance.now() - ctx.t0);
        if ((status < 200 || status >= 300) && failures.length < 5)
          failures.push(`${ctx.kind} ${status}: ${String(body).slice(0, 300)}`);
      },
    },
  ];
  const common = { url: plan.url, duration: plan.seconds, pipelining: 1, timeout: 30, requests };

  let results: autocannon.Result[];
  if (plan.rate === undefined) results = [await autocannon({ ...common, connections: plan.connections })];
  else {
    const rate = plan.rate;
    const n = Math.max(1, Math.min(plan.connections, Math.floor(rate)));
    // Connection i's share: the rate spread evenly, so the connections sending one more are interleaved.
    const share = (i: number) => Math.floor(((i + 1) * rate) / n) - Math.floor((i * rate) / n);
    results = await Promise.all(
      Array.from(
        { length: n },
        (_, i) =>
          new Promise<autocannon.Result>((resolve, reject) => {
            setTimeout(
              () => autocannon({ ...common, connections: 1, overallRate: share(i) }).then(resolve, reject),
              (i * 1000) / n,
            );
          }),
      ),
    );
  }
  const sum = (f: (r: autocannon.Result) => number) => results.reduce((a, r) => a + f(r), 0);
  const ok = sum((r) => r['2xx']);
  const all = [...times.write, ...times.read].sort((a, b) => a - b);
  return {
    // Every instance runs `seconds` (the open model's are staggered within the first second).
    seconds: plan.rate === undefined ? results[0]!.duration : plan.seconds,
    requests: sum((r) => r.requests.total),
    ok,
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    perSecond: ok / (plan.rate === undefined ? results[0]!.duration : plan.seconds),
    p50: percentile(all, 0.5),
    p99: percentile(all, 0.99),
    max: all.at(-1) ?? 0,
    write: times.write,
    read: times.read,
    writes,
    passes: maxPass + 1,
    failures,
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)]!;
}

// As a forked process: one plan per message, one result per plan.
if (process.send) {
  process.on('message', async (plan: LoadPlan) => {
    try {
      process.send!({ ok: true, result: await runLoad(plan) });
    } catch (err) {
      process.send!({ ok: false, error: String((err as Error).stack ?? err) });
    }
  });
  process.on('disconnect', () => process.exit(0));
}
