import { z } from 'zod';
import { page } from '../../../contract/api.ts';
import { uuidField } from '../../../contract/fields.ts';
import {
  curatorAssignment,
  curatorAssignmentInput,
  curatorAssignmentQuery,
  curatorOption,
  groupKind,
  groupMemberInput,
  organisationNetwork,
  partnership,
  partnershipInput,
  partnershipPatch,
  partnershipQuery,
  supportGroup,
  supportGroupInput,
  supportGroupPatch,
} from '../../../contract/network.ts';
import {
  addGroupMember,
  assignCurator,
  createGroup,
  createPartnership,
  deleteGroup,
  deletePartnership,
  getGroup,
  listCuratorAssignments,
  listCurators,
  listGroups,
  listPartnerships,
  organisationNetwork as networkOf,
  partnershipFile,
  removeGroupMember,
  setPartnershipFile,
  unassignCurator,
  updateGroup,
  updatePartnership,
} from '../../../services/network.ts';
import type { App, RouteDeps } from '../../app.ts';
import { sendAttachment } from '../../download.ts';
import { contextOf } from '../../session.ts';
import { uploadedFile } from '../../upload.ts';

const tags = ['сеть поддержки'];
const idParams = z.object({ id: uuidField });
const versionQuery = z.object({ version: z.coerce.number().int().min(1) });

export async function networkRoutes(app: App, { database }: RouteDeps) {
  const db = database.db;
  app.get(
    '/partnerships',
    {
      schema: {
        tags,
        summary: 'Пары «школа — школа-тьютор» и партнёрские соглашения',
        querystring: partnershipQuery,
        response: { 200: page(partnership) },
      },
    },
    (req) => listPartnerships(contextOf(db, req), req.query),
  );
  app.post(
    '/partnerships',
    {
      schema: { tags, summary: 'Добавить пару или соглашение', body: partnershipInput, response: { 200: partnership } },
    },
    (req) => createPartnership(contextOf(db, req), req.body),
  );
  app.patch(
    '/partnerships/:id',
    {
      schema: {
        tags,
        summary: 'Изменить пару или соглашение (в том числе сопоставить школу из документа со справочником)',
        params: idParams,
        body: partnershipPatch,
        response: { 200: partnership },
      },
    },
    (req) => updatePartnership(contextOf(db, req), req.params.id, req.body),
  );
  app.delete(
    '/partnerships/:id',
    { schema: { tags, summary: 'Удалить пару или соглашение', params: idParams, querystring: versionQuery } },
    async (req, reply) => {
      await deletePartnership(contextOf(db, req), req.params.id, req.query.version);
      return reply.status(204).send();
    },
  );
  app.post(
    '/partnerships/:id/file',
    {
      schema: {
        tags,
        summary: 'Приложить документ соглашения (до 20 МБ), заменив прежний',
        consumes: ['multipart/form-data'],
        params: idParams,
        querystring: versionQuery,
        response: { 200: partnership },
      },
    },
    async (req) => {
      const file = await uploadedFile(req, 'документ соглашения');
      return setPartnershipFile(contextOf(db, req), req.params.id, req.query.version, file);
    },
  );
  app.delete(
    '/partnerships/:id/file',
    {
      schema: {
        tags,
        summary: 'Удалить документ соглашения',
        params: idParams,
        querystring: versionQuery,
        response: { 200: partnership },
      },
    },
    (req) => setPartnershipFile(contextOf(db, req), req.params.id, req.query.version, null),
  );
  app.get(
    '/partnerships/:id/file',
    { schema: { tags, summary: 'Скачать документ соглашения', params: idParams } },
    async (req, reply) => {
      const f = await partnershipFile(contextOf(db, req), req.params.id);
      return sendAttachment(reply, f.bytes, f.name, f.mediaType);
    },
  );
  app.get(
    '/curator-assignments',
    {
      schema: {
        tags,
        summary: 'Закрепление кураторов за школами',
        querystring: curatorAssignmentQuery,
        response: { 200: z.array(curatorAssignment) },
      },
    },
    (req) => listCuratorAssignments(contextOf(db, req), req.query),
  );
  app.get(
    '/regions/:id/curators',
    {
      schema: {
        tags,
        summary: 'Кураторы региона и число закреплённых школ',
        params: idParams,
        response: { 200: z.array(curatorOption) },
      },
    },
    (req) => listCurators(contextOf(db, req), req.params.id),
  );
  app.post(
    '/curator-assignments',
    {
      schema: {
        tags,
        summary: 'Закрепить куратора за школами по приказу',
        body: curatorAssignmentInput,
        response: { 200: z.array(curatorAssignment) },
      },
    },
    (req) => assignCurator(contextOf(db, req), req.body),
  );
  app.delete(
    '/curator-assignments/:userId/:organisationId',
    {
      schema: {
        tags,
        summary: 'Открепить куратора от школы',
        params: z.object({ userId: uuidField, organisationId: uuidField }),
      },
    },
    async (req, reply) => {
      await unassignCurator(contextOf(db, req), req.params.userId, req.params.organisationId);
      return reply.status(204).send();
    },
  );
  app.get(
    '/groups',
    {
      schema: {
        tags,
        summary: 'Мобильные группы, сети школ и методические площадки',
        querystring: z.object({
          kind: groupKind.optional(),
          organisationId: uuidField.optional(),
          regionId: uuidField.optional(),
        }),
        response: { 200: z.array(supportGroup) },
      },
    },
    (req) => listGroups(contextOf(db, req), req.query),
  );
  app.get(
    '/groups/:id',
    { schema: { tags, summary: 'Группа и её участники', params: idParams, response: { 200: supportGroup } } },
    (req) => getGroup(contextOf(db, req), req.params.id),
  );
  app.post(
    '/groups',
    { schema: { tags, summary: 'Создать группу', body: supportGroupInput, response: { 200: supportGroup } } },
    (req) => createGroup(contextOf(db, req), req.body),
  );
  app.patch(
    '/groups/:id',
    {
      schema: {
        tags,
        summary: 'Изменить группу',
        params: idParams,
        body: supportGroupPatch,
        response: { 200: supportGroup },
      },
    },
    (req) => updateGroup(contextOf(db, req), req.params.id, req.body),
  );
  app.delete(
    '/groups/:id',
    { schema: { tags, summary: 'Удалить группу', params: idParams, querystring: versionQuery } },
    async (req, reply) => {
      await deleteGroup(contextOf(db, req), req.params.id, req.query.version);
      return reply.status(204).send();
    },
  );
  app.post(
    '/groups/:id/members',
    {
      schema: {
        tags,
        summary: 'Добавить участника группы',
        params: idParams,
        body: groupMemberInput,
        response: { 200: supportGroup },
      },
    },
    (req) => addGroupMember(contextOf(db, req), req.params.id, req.body),
  );
  app.delete(
    '/groups/:id/members/:memberId',
    {
      schema: {
        tags,
        summary: 'Исключить участника группы',
        params: z.object({ id: uuidField, memberId: uuidField }),
        response: { 200: supportGroup },
      },
    },
    (req) => removeGroupMember(contextOf(db, req), req.params.id, req.params.memberId),
  );
  app.get(
    '/organisations/:id/network',
    {
      schema: {
        tags,
        summary: 'Сеть организации: кто её поддерживает, кого поддерживает она, кураторы, группы',
        params: idParams,
        response: { 200: organisationNetwork },
      },
    },
    (req) => networkOf(contextOf(db, req), req.params.id),
  );
}
