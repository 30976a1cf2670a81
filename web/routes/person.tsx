import { Anchor, Modal, Paper, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useDeletePerson, usePerson, useTerritoryTree } from '../api/queries.ts';
import { AccessDenied } from '../components/AccessDenied.tsx';
import { DetailsList } from '../components/DetailsList.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageLoader } from '../components/Loading.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { PersonForm } from '../components/PersonForm.tsx';
import { DeleteDialog, EditDeleteButtons } from '../components/RecordActions.tsx';
import { StaffDevelopment } from '../components/StaffDevelopment.tsx';
import { can, useCurrentUser } from '../lib/session.ts';
import { categoryLabel, subjectsText } from '../lib/staff-format.ts';

const back = { to: '/people', label: 'К списку сотрудников' };

export default function PersonPage() {
  const me = useCurrentUser();
  if (!can(me, 'person.read')) return <AccessDenied title="Сотрудник" />;
  return <PersonCard canWrite={can(me, 'person.write')} canOpenOrganisation={can(me, 'organisation.read')} />;
}

function PersonCard({ canWrite, canOpenOrganisation }: { canWrite: boolean; canOpenOrganisation: boolean }) {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const person = usePerson(id);
  const tree = useTerritoryTree();
  const remove = useDeletePerson();
  const [editing, setEditing] = useState(false);
  // Bumped by «Обновить» after a conflict, so the form starts again from the fresh record.
  const [formKey, setFormKey] = useState(0);
  const [deleting, setDeleting] = useState(false);

  if (person.isPending) return <PageLoader />;
  if (person.isError) {
    return (
      <>
        <PageHeader title="Сотрудник" back={back} />
        <ErrorAlert error={person.error} onRetry={() => person.refetch()} />
      </>
    );
  }
  const p = person.data;
  const region = tree.data?.find((r) => r.id === p.regionId);
  const municipality = region?.municipalities.find((m) => m.id === p.municipalityId);

  const confirmDelete = () =>
    remove.mutate(
      { id: p.id, version: p.version },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: `Сотрудник «${p.fullName}» удалён.` });
          navigate('/people', { replace: true });
        },
      },
    );

  return (
    <>
      <PageHeader
        title={p.fullName}
        description={[p.position, p.organisationName].filter(Boolean).join(', ') || undefined}
        back={back}
        actions={
          canWrite && (
            <EditDeleteButtons onEdit={() => setEditing(true)} onDelete={() => setDeleting(true)} remove={remove} />
          )
        }
      />
      <Stack gap="xl">
        <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
          <DetailsList
            items={[
              { label: 'ФИО', value: p.fullName },
              { label: 'Должность', value: p.position },
              { label: 'Категория', value: categoryLabel(p.category) },
              { label: 'Предметы', value: subjectsText(p.subjects) },
              {
                label: 'Организация',
                value:
                  p.organisationId && canOpenOrganisation ? (
                    <Anchor component={Link} to={`/organisations/${p.organisationId}`}>
                      {p.organisationName ?? 'открыть'}
                    </Anchor>
                  ) : (
                    (p.organisationName ?? '')
                  ),
              },
              { label: 'Муниципалитет', value: municipality?.name ?? '' },
              { label: 'Регион', value: region?.name ?? '' },
              { label: 'Эл. почта', value: p.email ? <Anchor href={`mailto:${p.email}`}>{p.email}</Anchor> : '' },
              { label: 'Телефон', value: p.phone },
            ]}
          />
        </Paper>
        <section aria-label="Профессиональное развитие">
          <StaffDevelopment personId={p.id} />
        </section>
      </Stack>
      <Modal opened={editing} onClose={() => setEditing(false)} title="Изменение данных сотрудника" size="lg">
        {tree.data && (
          <PersonForm
            key={formKey}
            tree={tree.data}
            person={p}
            onSaved={() => setEditing(false)}
            onCancel={() => setEditing(false)}
            onRefresh={() => person.refetch().then(() => setFormKey((k) => k + 1))}
          />
        )}
      </Modal>
      <DeleteDialog
        opened={deleting}
        title="Удалить сотрудника?"
        remove={remove}
        onRefresh={() => person.refetch()}
        onConfirm={confirmDelete}
        onClose={() => setDeleting(false)}
      >
        Сведения о сотруднике «{p.fullName}» будут удалены. Запись об удалении сохранится в журнале изменений.
      </DeleteDialog>
    </>
  );
}
