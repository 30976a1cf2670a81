import { z } from 'zod';
import { municipality, municipalityInput, region, regionInput, territoryTree } from '../../../contract/api.ts';
import { uuidField, versionField } from '../../../contract/fields.ts';
import {
  createMunicipality,
  createRegion,
  municipalitiesFor,
  territoryTree as tree,
  updateMunicipality,
  updateRegion,
} from '../../../services/territories.ts';
import type { App, RouteDeps } from '../../app.ts';
import { contextOf } from '../../session.ts';

const tags = ['территории'];
const idParams = z.object({ id: uuidField });

export async function territoryRoutes(app: App, { database }: RouteDeps) {
  const db = database.db;
  app.get(
    '/territories/tree',
    { schema: { tags, summary: 'Дерево территорий пользователя', response: { 200: territoryTree } } },
    (req) => tree(contextOf(db, req)),
  );
  app.post(
    '/regions',
    { schema: { tags, summary: 'Создать регион', body: regionInput, response: { 200: region } } },
    (req) => createRegion(contextOf(db, req), req.body),
  );
  app.patch(
    '/regions/:id',
    {
      schema: {
        tags,
        summary: 'Изменить регион',
        params: idParams,
        body: regionInput.partial().extend({ version: versionField }),
        response: { 200: region },
      },
    },
    (req) => updateRegion(contextOf(db, req), req.params.id, req.body),
  );
  app.get(
    '/municipalities',
    {
      schema: {
        tags,
        summary: 'Муниципалитеты',
        querystring: z.object({ regionId: uuidField.optional() }),
        response: { 200: z.array(municipality) },
      },
    },
    (req) => municipalitiesFor(contextOf(db, req), req.query.regionId),
  );
  app.post(
    '/municipalities',
    { schema: { tags, summary: 'Создать муниципалитет', body: municipalityInput, response: { 200: municipality } } },
    (req) => createMunicipality(contextOf(db, req), req.body),
  );
  app.patch(
    '/municipalities/:id',
    {
      schema: {
        tags,
        summary: 'Изменить муниципалитет',
        params: idParams,
        body: municipalityInput.pick({ code: true, name: true }).partial().extend({ version: versionField }),
        response: { 200: municipality },
      },
    },
    (req) => updateMunicipality(contextOf(db, req), req.params.id, req.body),
  );
}
