import { Button, Group, Modal, Paper, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useDeleteOrganisation, useOrganisation, usePeople, useTerritoryTree } from '../api/queries.ts';
import { AccessDenied } from '../components/AccessDenied.tsx';
import { DetailsList } from '../components/DetailsList.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageLoader } from '../components/Loading.tsx';
import { OrganisationForm } from '../components/OrganisationForm.tsx';
import { OrganisationNetwork } from '../components/OrganisationNetwork.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { PeopleTable } from '../components/PeopleTable.tsx';
import { PersonForm } from '../components/PersonForm.tsx';
import { DeleteDialog, EditDeleteButtons } from '../components/RecordActions.tsx';
import { RiskProfileLink } from '../components/RiskProfileLink.tsx';
import { StaffSection } from '../components/StaffTable.tsx';
import { formatDateTime, kindLabels, urbanLabel } from '../lib/format.ts';
import { can, useCurrentUser } from '../lib/session.ts';

const back = { to: '/organisations', label: 'К списку организаций' };

export default function OrganisationPage() {
  const me = useCurrentUser();
  if (!can(me, 'organisation.read')) return <AccessDenied title="Организация" />;
  return (
    <OrganisationCard
      canWrite={can(me, 'organisation.write')}
      canReadPeople={can(me, 'person.read')}
      canWritePeople={can(me, 'person.write')}
    />
  );
}

function OrganisationCard(props: { canWrite: boolean; canReadPeople: boolean; canWritePeople: boolean }) {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const organisation = useOrganisation(id);
  const tree = useTerritoryTree();
  const people = usePeople({ organisationId: id, pageSize: 200 }, props.canReadPeople);
  const remove = useDeleteOrganisation();
  const [editing, setEditing] = useState(false);
  // Bumped by «Обновить» after a conflict, so the form starts again from the fresh record.
  const [formKey, setFormKey] = useState(0);
  const [deleting, setDeleting] = useState(false);
  const [addingPerson, setAddingPerson] = useState(false);

  if (organisation.isPending) return <PageLoader />;
  if (organisation.isError) {
    return (
      <>
        <PageHeader title="Организация" back={back} />
        <ErrorAlert error={organisation.error} onRetry={() => organisation.refetch()} />
      </>
    );
  }
  const o = organisation.data;
  const region = tree.data?.find((r) => r.id === o.regionId);

  const confirmDelete = () =>
    remove.mutate(
      { id: o.id, version: o.version },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: `Организация «${o.shortName || o.name}» удалена.` });
          navigate('/organisations', { replace: true });
        },
      },
    );

  const addPersonButton = props.canWritePeople && (
    <Button
      variant="light"
      size="sm"
      leftSection={<IconPlus size={16} aria-hidden />}
      onClick={() => setAddingPerson(true)}
    >
      Добавить сотрудника
    </Button>
  );
  return (
    <>
      <PageHeader
        title={o.shortName || o.name}
        description={`${kindLabels[o.kind]} · ${o.type}`}
        back={back}
        actions={
          props.canWrite && (
            <EditDeleteButtons onEdit={() => setEditing(true)} onDelete={() => setDeleting(true)} remove={remove} />
          )
        }
      />
      <Stack gap="xl">
        <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
          <DetailsList
            items={[
              { label: 'Полное наименование', value: o.name },
              { label: 'Краткое наименование', value: o.shortName },
              { label: 'Код', value: o.code },
              { label: 'Вид', value: kindLabels[o.kind] },
              { label: 'Тип', value: o.type },
              { label: 'Регион', value: region?.name ?? '' },
              { label: 'Муниципалитет', value: o.municipalityName ?? 'региональный уровень' },
              ...(o.kind === 'school' ? [{ label: 'Местность', value: urbanLabel(o.urban) }] : []),
              { label: 'Адрес', value: o.address },
              { label: 'Изменено', value: formatDateTime(o.updatedAt) },
            ]}
          />
        </Paper>
        <OrganisationNetwork organisationId={o.id} />
        {o.kind === 'school' && <RiskProfileLink organisationId={o.id} />}
        {props.canReadPeople && o.kind === 'school' && (
          // A school's staff with categories, subjects and training: the one list of its people.
          <StaffSection organisationId={o.id} action={addPersonButton} />
        )}
        {props.canReadPeople && o.kind !== 'school' && (
          <section aria-labelledby="organisation-people">
            <Group justify="space-between" mb="sm">
              <Title order={2} size="h4" id="organisation-people">
                Сотрудники организации
              </Title>
              {addPersonButton}
            </Group>
            {people.isError ? (
              <ErrorAlert error={people.error} onRetry={() => people.refetch()} />
            ) : (
              <PeopleTable
                rows={people.data?.items}
                loading={people.isPending}
                withOrganisation={false}
                empty="В этой организации сотрудники ещё не указаны."
              />
            )}
          </section>
        )}
      </Stack>

      <Modal opened={editing} onClose={() => setEditing(false)} title="Изменение организации" size="lg">
        {tree.data && (
          <OrganisationForm
            key={formKey}
            tree={tree.data}
            organisation={o}
            onSaved={() => setEditing(false)}
            onCancel={() => setEditing(false)}
            onRefresh={() => organisation.refetch().then(() => setFormKey((k) => k + 1))}
          />
        )}
      </Modal>
      <Modal opened={addingPerson} onClose={() => setAddingPerson(false)} title="Новый сотрудник" size="lg">
        {tree.data && (
          <PersonForm
            tree={tree.data}
            defaults={{ regionId: o.regionId, municipalityId: o.municipalityId, organisationId: o.id }}
            onSaved={() => setAddingPerson(false)}
            onCancel={() => setAddingPerson(false)}
          />
        )}
      </Modal>
      <DeleteDialog
        opened={deleting}
        title="Удалить организацию?"
        remove={remove}
        onRefresh={() => organisation.refetch()}
        onConfirm={confirmDelete}
        onClose={() => setDeleting(false)}
      >
        Организация «{o.shortName || o.name}» будет удалена из списка. Запись об удалении сохранится в журнале
        изменений.
      </DeleteDialog>
    </>
  );
}
