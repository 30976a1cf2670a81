// The identification section: its tabs (results and runs, methodologies, approved lists) and the region an
// administrator works in. Others work in their own region; the server refuses anything else.
import { Group, Tabs } from '@mantine/core';
import { useNavigate, useSearchParams } from 'react-router';
import type { Me } from '../../contract/api.ts';
import { useTerritoryTree } from '../api/queries.ts';
import { regionWide } from '../lib/identification-format.ts';
import { can, useCurrentUser } from '../lib/session.ts';
import { RegionSelect } from './TerritorySelects.tsx';

export interface IdentificationScope {
  me: Me;
  /** Sees runs and the results summary (the region's working material). */
  regionWide: boolean;
  /** Loads results, runs methodologies, edits them, approves lists. */
  canWrite: boolean;
  /** The region to send as `regionId` (an administrator's choice; undefined for everyone else). */
  regionId: string | undefined;
  /** False while an administrator has not chosen a region. */
  ready: boolean;
  /** `path` with the administrator's region kept in the address. */
  link: (path: string) => string;
}

export function useIdentificationScope(): IdentificationScope {
  const me = useCurrentUser();
  const [params] = useSearchParams();
  const admin = me.regionId === null;
  const tree = useTerritoryTree(admin);
  const only = tree.data?.length === 1 ? tree.data[0]?.id : undefined;
  const regionId = admin ? (params.get('regionId') ?? only) : undefined;
  const link = (path: string) => {
    if (!admin || !regionId) return path;
    return `${path}${path.includes('?') ? '&' : '?'}regionId=${encodeURIComponent(regionId)}`;
  };
  return {
    me,
    regionWide: regionWide(me),
    canWrite: can(me, 'identification.write'),
    regionId,
    ready: !admin || regionId !== undefined,
    link,
  };
}

type Section = 'results' | 'methodologies' | 'lists';
const sections: { value: Section; label: string; path: string; regionWideOnly: boolean }[] = [
  { value: 'results', label: 'Результаты и расчёты', path: '/identification', regionWideOnly: true },
  { value: 'methodologies', label: 'Методики', path: '/identification/methodologies', regionWideOnly: false },
  { value: 'lists', label: 'Утверждённые перечни', path: '/identification/lists', regionWideOnly: false },
];

/** The tabs of the section's list screens, and the region select of an administrator with several regions. */
export function IdentificationNav({ active, scope }: { active: Section; scope: IdentificationScope }) {
  const navigate = useNavigate();
  const [, setParams] = useSearchParams();
  const admin = scope.me.regionId === null;
  const tree = useTerritoryTree(admin);
  const visible = sections.filter((s) => scope.regionWide || !s.regionWideOnly);
  return (
    <Group justify="space-between" align="flex-end" gap="sm" mb="lg" wrap="wrap">
      <Tabs
        value={active}
        onChange={(value) => {
          const target = visible.find((s) => s.value === value);
          if (target) navigate(scope.link(target.path));
        }}
        style={{ flex: '1 1 24rem' }}
      >
        <Tabs.List>
          {visible.map((s) => (
            <Tabs.Tab key={s.value} value={s.value}>
              {s.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {admin && (tree.data?.length ?? 0) > 1 && (
        <RegionSelect
          tree={tree.data ?? []}
          value={scope.regionId ?? null}
          onChange={(v) =>
            setParams(
              (prev) => {
                const next = new URLSearchParams(prev);
                if (v) next.set('regionId', v);
                else next.delete('regionId');
                return next;
              },
              { replace: true },
            )
          }
        />
      )}
    </Group>
  );
}
