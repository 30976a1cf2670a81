// A tutor pair or a partnership agreement: the supporting school and the supported one, chosen from the
// register, with the agreement's number, date, validity and obligations. A pair read from a programme document
// whose school was not found is matched here («Сопоставить»): the names as written are shown next to the selects.
import { Button, Group, Input, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { partnershipInput, partnershipPatch } from '../../contract/network.ts';
import { type Partnership, useCreatePartnership, useUpdatePartnership, useUploadAgreement } from '../api/network.ts';
import { useTerritoryTree } from '../api/queries.ts';
import {
  evidenceAccept,
  evidenceFileLimit,
  evidenceLimitText,
  evidenceTypesText,
  formatFileSize,
} from '../lib/execution-format.ts';
import { serverFieldErrors, useForm } from '../lib/form.ts';
import { type PartnershipKind, partnershipKindViews } from '../lib/network-format.ts';
import { DateTextInput } from './DateTextInput.tsx';
import { ExecutionError } from './ExecutionError.tsx';
import { OrganisationSelect } from './OrganisationSelect.tsx';
import { RegionSelect } from './TerritorySelects.tsx';

interface FormValues extends Record<string, unknown> {
  kind: PartnershipKind;
  supporterId: string | null;
  schoolId: string | null;
  agreementNumber: string;
  agreementDate: string | null;
  validFrom: string | null;
  validTo: string | null;
  obligations: string;
}

interface PartnershipFormProps {
  partnership?: Partnership;
  /** Only the sides, for a pair whose school is not matched to the register. */
  matching?: boolean;
  regionId: string | null;
  onDone: () => void;
  onRefresh: () => void;
}

const shownFields = ['supporterId', 'schoolId', 'agreementNumber', 'agreementDate', 'validFrom', 'validTo'];

export function PartnershipForm({
  partnership: initial,
  matching = false,
  onDone,
  onRefresh,
  ...props
}: PartnershipFormProps) {
  // Once saved, the pair is edited: a document refused after the pair was saved does not add the pair twice.
  const [p, setP] = useState(initial);
  const tree = useTerritoryTree();
  const [regionId, setRegionId] = useState(props.regionId);
  const form = useForm<FormValues>({
    kind: p?.kind ?? 'tutor',
    supporterId: p?.supporter.id ?? null,
    schoolId: p?.school.id ?? null,
    agreementNumber: p?.agreementNumber ?? '',
    agreementDate: p?.agreementDate ?? null,
    validFrom: p?.validFrom ?? null,
    validTo: p?.validTo ?? null,
    obligations: p?.obligations ?? '',
  });
  const { values, set, errors } = form;
  const create = useCreatePartnership();
  const update = useUpdatePartnership();
  const upload = useUploadAgreement();
  const mutation = p ? update : create;
  const [file, setFile] = useState<File | null>(null);
  const tooLarge = file !== null && file.size > evidenceFileLimit;
  const error = upload.error ?? mutation.error;
  const supporterLabel = values.kind === 'tutor' ? 'Школа-тьютор' : 'Школа-лидер (партнёр)';

  const save = async (): Promise<Partnership | null> => {
    if (!p) {
      const input = form.validate(partnershipInput, values);
      return input ? create.mutateAsync(input) : null;
    }
    const before: Record<string, unknown> = {
      supporterId: p.supporter.id,
      schoolId: p.school.id,
      agreementNumber: p.agreementNumber,
      agreementDate: p.agreementDate,
      validFrom: p.validFrom,
      validTo: p.validTo,
      obligations: p.obligations,
    };
    const changes: Record<string, unknown> = {};
    for (const key of Object.keys(before)) if (values[key] !== before[key]) changes[key] = values[key];
    if (Object.keys(changes).length === 0) return p;
    const patch = form.validate(partnershipPatch, { ...changes, version: p.version });
    return patch ? update.mutateAsync({ id: p.id, ...patch }) : null;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = {
      supporterId: values.supporterId ? undefined : 'Выберите школу из справочника.',
      schoolId: values.schoolId ? undefined : 'Выберите школу из справочника.',
    };
    if (missing.supporterId || missing.schoolId) {
      form.setErrors(missing);
      return;
    }
    if (tooLarge) return;
    upload.reset();
    try {
      const saved = await save();
      if (!saved) return;
      setP(saved);
      if (file) await upload.mutateAsync({ id: saved.id, version: saved.version, file });
      notifications.show({
        color: 'teal',
        message: !initial ? 'Пара добавлена.' : matching ? 'Школы сопоставлены.' : 'Изменения сохранены.',
      });
      onDone();
    } catch (e) {
      form.setErrors(serverFieldErrors(e));
    }
  };

  const fileInputId = `agreement-file-${p?.id ?? 'new'}`;
  const written = (side: Partnership['school']) =>
    p && !side.id ? `В документе программы: «${side.name}». Найдите эту школу в справочнике.` : undefined;

  return (
    <form onSubmit={submit} noValidate data-testid="partnership-form">
      <Stack gap="sm">
        {!p && (
          <SegmentedControl
            aria-label="Вид"
            value={values.kind}
            onChange={(v) => set('kind', v as PartnershipKind)}
            data={[
              { value: 'tutor', label: partnershipKindViews.tutor },
              { value: 'partnership', label: partnershipKindViews.partnership },
            ]}
          />
        )}
        {matching && (
          <Text size="sm">
            Пара прочитана из документа программы{p?.programme ? ` «${p.programme.title}»` : ''}, но школа не найдена в
            справочнике организаций по названию. Выберите её вручную — пара появится в карточках обеих школ.
          </Text>
        )}
        {!props.regionId && (tree.data?.length ?? 0) > 1 && (
          <RegionSelect tree={tree.data ?? []} value={regionId} onChange={setRegionId} required />
        )}
        {(!matching || !p?.supporter.id) && (
          <OrganisationSelect
            label={supporterLabel}
            regionId={regionId}
            kind="school"
            value={values.supporterId}
            onChange={(id) => set('supporterId', id)}
            error={errors.supporterId}
            description={written(p?.supporter ?? { id: '', name: '', municipalityName: '' })}
            required
          />
        )}
        {(!matching || !p?.school.id) && (
          <OrganisationSelect
            label="Поддерживаемая школа"
            regionId={regionId}
            kind="school"
            value={values.schoolId}
            onChange={(id) => set('schoolId', id)}
            error={errors.schoolId}
            description={written(p?.school ?? { id: '', name: '', municipalityName: '' })}
            required
          />
        )}
        {!matching && (
          <>
            <Group gap="sm" align="flex-start" wrap="wrap">
              <TextInput label="Номер соглашения" {...form.text('agreementNumber')} maxLength={100} w={200} />
              <DateTextInput
                label="Дата соглашения"
                value={values.agreementDate}
                onChange={(v) => set('agreementDate', v)}
                allowEmpty
                error={errors.agreementDate}
              />
              <DateTextInput
                label="Действует с"
                value={values.validFrom}
                onChange={(v) => set('validFrom', v)}
                allowEmpty
                error={errors.validFrom}
              />
              <DateTextInput
                label="Действует по"
                value={values.validTo}
                onChange={(v) => set('validTo', v)}
                allowEmpty
                error={errors.validTo}
              />
            </Group>
            <Textarea
              label="Обязательства сторон"
              {...form.text('obligations')}
              autosize
              minRows={2}
              maxRows={8}
              maxLength={10_000}
            />
            <Input.Wrapper
              label={p?.file ? 'Заменить документ соглашения' : 'Документ соглашения'}
              description={`Необязательно: подписанное соглашение или его скан. До ${evidenceLimitText}: ${evidenceTypesText}`}
              labelProps={{ htmlFor: fileInputId }}
              id={`${fileInputId}-wrapper`}
              error={
                tooLarge
                  ? `Файл больше ${evidenceLimitText} (${formatFileSize(file.size)}): отсканируйте его с меньшим разрешением.`
                  : undefined
              }
            >
              <input
                id={fileInputId}
                className="file-input"
                type="file"
                accept={evidenceAccept}
                aria-describedby={`${fileInputId}-wrapper-description`}
                onChange={(e) => {
                  setFile(e.currentTarget.files?.[0] ?? null);
                  upload.reset();
                }}
              />
            </Input.Wrapper>
            {p?.file && !file && (
              <Text size="xs" c="dimmed">
                Приложен файл «{p.file.name}».
              </Text>
            )}
          </>
        )}
        <ExecutionError
          error={error}
          shownFields={shownFields}
          onReload={() => {
            mutation.reset();
            upload.reset();
            onRefresh();
            onDone();
          }}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Отмена
          </Button>
          <Button type="submit" loading={mutation.isPending || upload.isPending} disabled={tooLarge}>
            {p ? (matching ? 'Сопоставить' : 'Сохранить') : 'Добавить'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
