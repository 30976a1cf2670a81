// The load generator of bench/deadline-day, run in its own process (forked by it) so that building requests
// and parsing responses never share the event loop of the server under test. It receives a plan over IPC —
// the address, the duration, the number of connections, and per school its cookie, CSRF token, roadmap and
// the units it may write with their current versions — drives autocannon with it and answers with the
// figures. Requests alternate write, read, write, read… over one counter shared by every connection: the
// n-th write goes to the next school in turn and to that school's next unit, so no unit is written twice
// until every unit of the pool has been written once (a second pass sends each unit's next version).
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
  /** Completed 2xx responses per second over the run. */
  perSecond: number;
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

  const result = await autocannon({
    url: plan.url,
    connections: plan.connections,
    duration: plan.seconds,
    pipelining: 1,
    timeout: 30,
    requests: [
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
    ],
  });
  const ok = result['2xx'];
  return {
    seconds: result.duration,
    requests: result.requests.total,
    ok,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    perSecond: ok / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    write: times.write,
    read: times.read,
    writes,
    passes: maxPass + 1,
    failures,
  };
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
