// A methodology: its definition in readable Russian, its versions, a copy into the region's own methodology,
// and for the region's own an editor that saves each change as the next version.
import { Alert, Badge, Button, Group, Modal, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCopy, IconEdit, IconInfoCircle, IconPlayerPlay } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { MethodologyDetail } from '../../contract/identification.ts';
import { useCopyMethodology, useMethodology } from '../api/identification.ts';
import { AccessDenied } from '../components/AccessDenied.tsx';
import { DetailsList } from '../components/DetailsList.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { IdentificationDefinition } from '../components/IdentificationDefinition.tsx';
import { IdentificationMethodologyForm } from '../components/IdentificationMethodologyForm.tsx';
import { type IdentificationScope, useIdentificationScope } from '../components/IdentificationNav.tsx';
import { PageLoader } from '../components/Loading.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { formatDateTime } from '../lib/format.ts';
import { can } from '../lib/session.ts';

export default function IdentificationMethodologyPage() {
  const scope = useIdentificationScope();
  const { ref = '' } = useParams();
  if (!can(scope.me, 'identification.read')) return <AccessDenied title="Методика" />;
  // Keyed by the methodology: a copy opens at a new address, with fresh state.
  return <MethodologyCard key={ref} methodologyRef={ref} scope={scope} />;
}

const codePattern = /^[\p{L}\p{N}._-]+$/u;

function MethodologyCard({ methodologyRef: ref, scope }: { methodologyRef: string; scope: IdentificationScope }) {
  const [params, setParams] = useSearchParams();
  const methodology = useMethodology(ref, scope.regionId, scope.ready);
  const [copying, setCopying] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const back = { to: scope.link('/identification/methodologies'), label: 'К списку методик' };
  const editing = params.get('edit') === '1';
  const setEditing = (on: boolean) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (on) next.set('edit', '1');
        else next.delete('edit');
        return next;
      },
      { replace: true },
    );

  if (!scope.ready) {
    return (
      <>
        <PageHeader title="Методика" back={back} />
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
          Выберите регион в списке методик и откройте методику оттуда.
        </Alert>
      </>
    );
  }
  if (methodology.isPending) return <PageLoader />;
  if (methodology.isError) {
    return (
      <>
        <PageHeader title="Методика" back={back} />
        <ErrorAlert error={methodology.error} onRetry={() => methodology.refetch()} />
      </>
    );
  }
  const m = methodology.data;
  const own = !m.preset;
  return (
    <>
      <PageHeader
        title={m.title}
        description={
          <Group gap="xs" component="span">
            <Badge variant="light" color={own ? 'blue' : 'gray'} tt="none" component="span">
              {own ? 'методика региона' : 'поставляемая'}
            </Badge>
            <span>
              код {m.code} · версия {m.version}
            </span>
          </Group>
        }
        back={back}
        actions={
          !editing && (
            <>
              {scope.regionWide && scope.canWrite && (
                <Button
                  component={Link}
                  to={scope.link(`/identification?methodology=${encodeURIComponent(m.id)}`)}
                  variant="default"
                  leftSection={<IconPlayerPlay size={18} aria-hidden />}
                >
                  Выполнить расчёт
                </Button>
              )}
              {scope.canWrite && (
                <Button
                  variant="default"
                  leftSection={<IconCopy size={18} aria-hidden />}
                  onClick={() => setCopying(true)}
                >
                  Создать копию
                </Button>
              )}
              {scope.canWrite && own && (
                <Button leftSection={<IconEdit size={18} aria-hidden />} onClick={() => setEditing(true)}>
                  Изменить
                </Button>
              )}
            </>
          )
        }
      />
      {editing && own && scope.canWrite ? (
        <IdentificationMethodologyForm
          key={`${m.version}-${formKey}`}
          methodology={m}
          onDone={() => setEditing(false)}
          onRefresh={() => void methodology.refetch().then(() => setFormKey((k) => k + 1))}
        />
      ) : (
        <Stack gap="lg">
          <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
            <DetailsList
              items={[
                { label: 'Источник', value: m.source },
                {
                  label: 'Основа',
                  value: m.basedOn ? `копия методики ${m.basedOn}` : own ? '' : 'поставляется с Опорой',
                },
                { label: 'Версия', value: String(m.version) },
                ...(m.updatedAt ? [{ label: 'Изменена', value: formatDateTime(m.updatedAt) }] : []),
              ]}
            />
          </Paper>
          <IdentificationDefinition definition={m.definition} />
          <Versions methodology={m} />
        </Stack>
      )}
      <Modal opened={copying} onClose={() => setCopying(false)} title="Копия методики" size="lg">
        {copying && <CopyForm methodology={m} scope={scope} onClose={() => setCopying(false)} />}
      </Modal>
    </>
  );
}

function Versions({ methodology: m }: { methodology: MethodologyDetail }) {
  return (
    <section aria-labelledby="versions-title">
      <Title order={2} size="h4" id="versions-title" mb="xs">
        История версий
      </Title>
      <Table.ScrollContainer minWidth={560} type="native" tabIndex={0} aria-label="История версий">
        <Table withTableBorder striped fz="sm" data-testid="methodology-versions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>Версия</Table.Th>
              <Table.Th>Название</Table.Th>
              <Table.Th w={150}>Сохранена</Table.Th>
              <Table.Th w={140}>Кто</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...m.versions].reverse().map((v) => (
              <Table.Tr key={v.version}>
                <Table.Td>{v.version}</Table.Td>
                <Table.Td>{v.title}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v.at)}</Table.Td>
                <Table.Td>{v.by}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed" mt={4}>
        Расчёты хранят версию, по которой выполнены: изменение методики не меняет прежние расчёты и перечни.
      </Text>
    </section>
  );
}

function CopyForm(props: { methodology: MethodologyDetail; scope: IdentificationScope; onClose: () => void }) {
  const { methodology: m, scope, onClose } = props;
  const navigate = useNavigate();
  const copy = useCopyMethodology();
  const [code, setCode] = useState(`${m.code}-копия`);
  const [title, setTitle] = useState(`${m.title} (копия)`);
  const [errors, setErrors] = useState<{ code?: string; title?: string }>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: { code?: string; title?: string } = {};
    if (!code.trim()) found.code = 'Укажите код методики.';
    else if (!codePattern.test(code.trim())) found.code = 'Код: буквы, цифры, «.», «_», «-», без пробелов.';
    if (!title.trim()) found.title = 'Укажите название.';
    setErrors(found);
    if (found.code || found.title) return;
    copy.mutate(
      { from: m.id, code: code.trim(), title: title.trim(), regionId: scope.regionId },
      {
        onSuccess: (created) => {
          notifications.show({ color: 'teal', message: 'Копия методики создана. Измените её правила.' });
          onClose();
          navigate(scope.link(`/identification/methodologies/${created.id}?edit=1`));
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">
          Копия станет методикой региона: её правила можно менять, каждое изменение сохраняется как новая версия.
          Исходная методика не изменится.
        </Text>
        <TextInput
          label="Код"
          description="Короткое имя без пробелов, например kuzbass-2023"
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={errors.code}
          required
          data-autofocus
          maw={320}
        />
        <TextInput
          label="Название"
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
          required
        />
        <ErrorAlert error={copy.error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Отмена
          </Button>
          <Button type="submit" loading={copy.isPending}>
            Создать копию
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
