import { sql } from 'drizzle-orm';
import { health } from '../../../contract/api.ts';
import type { App, RouteDeps } from '../../app.ts';

export async function healthRoutes(app: App, { database, options }: RouteDeps) {
  app.get(
    '/health',
    {
      config: { public: true },
      schema: { tags: ['служебное'], summary: 'Состояние сервера', response: { 200: health } },
    },
    async () => {
      await database.db.execute(sql`select 1`);
      return { status: 'ok' as const, engine: database.engine, version: options.version };
    },
  );
}
