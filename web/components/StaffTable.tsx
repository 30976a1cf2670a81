// A school's staff on the organisation's page: how many of each category are trained (a course in the last
// three years, 273-FZ art. 47), and each person's subjects, latest course, open deficits and plan.

import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { type OrganisationStaff, useOrganisationStaff } from '../api/staff.ts';
import { isoToRu } from '../lib/deadline-reading.ts';
import { categoryShortLabel, subjectsText } from '../lib/staff-format.ts';
import { type Column, DataTable } from './DataTable.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';

type Member = OrganisationStaff['people'][number];

const columns: Column<Member>[] = [
  {
    key: 'fullName',
    header: 'ФИО',
    render: (p) => (
      <Stack gap={0}>
        <Anchor component={Link} to={`/people/${p.id}`} fw={500}>
          {p.fullName}
        </Anchor>
        {p.position && (
          <Text size="xs" c="dimmed">
            {p.position}
          </Text>
        )}
      </Stack>
    ),
  },
  { key: 'category', header: 'Категория', render: (p) => categoryShortLabel(p.category) },
  { key: 'subjects', header: 'Предметы', render: (p) => subjectsText(p.subjects) || '—' },
  {
    key: 'lastCourse',
    header: 'Последний курс',
    nowrap: true,
    render: (p) =>
      p.lastCourseOn ? (
        <Group gap={6} wrap="nowrap">
          {isoToRu(p.lastCourseOn)}
          {!p.trained && (
            <Badge size="sm" color="orange" variant="light" title="Курс пройден более трёх лет назад">
              более 3 лет
            </Badge>
          )}
        </Group>
      ) : (
        <Text size="sm" c="orange.8">
          нет сведений
        </Text>
      ),
  },
  {
    key: 'deficits',
    header: 'Открытые дефициты',
    render: (p) =>
      p.openDeficits > 0 ? (
        <Badge color="orange" variant="light">
          {p.openDeficits}
        </Badge>
      ) : (
        '—'
      ),
  },
  { key: 'plan', header: 'ИОМ', render: (p) => (p.hasPlan ? 'есть' : '—') },
];

export function StaffTable({ staff }: { staff: OrganisationStaff }) {
  return (
    <Stack gap="sm">
      {staff.categories.length > 0 && (
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm" data-testid="staff-categories">
          {staff.categories.map((c) => (
            <Paper key={c.category} withBorder p="sm" radius="md">
              <Text size="xs" c="dimmed">
                {categoryShortLabel(c.category)}
              </Text>
              <Text fw={600}>
                {c.trained} из {c.total}
              </Text>
              <Text size="xs" c="dimmed">
                прошли курсы с {isoToRu(staff.trainedSince)}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
      )}
      <DataTable
        label="Сотрудники: повышение квалификации"
        testId="staff-table"
        columns={columns}
        rows={staff.people}
        rowKey={(p) => p.id}
        empty="В этой организации сотрудники ещё не указаны."
        minWidth={860}
      />
    </Stack>
  );
}

/** The «Сотрудники» section of an organisation's page (shown to those who read people). */
export function StaffSection({ organisationId, action }: { organisationId: string; action?: ReactNode }) {
  const staff = useOrganisationStaff(organisationId);
  return (
    <section aria-labelledby="organisation-staff">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="organisation-staff">
          Сотрудники: категории и повышение квалификации
        </Title>
        {action}
      </Group>
      {staff.isError ? (
        <ErrorAlert error={staff.error} onRetry={() => staff.refetch()} />
      ) : staff.data ? (
        <StaffTable staff={staff.data} />
      ) : (
        <DataTable
          label="Сотрудники: повышение квалификации"
          columns={columns}
          rows={undefined}
          rowKey={(p) => p.id}
          loading
        />
      )}
    </section>
  );
}
