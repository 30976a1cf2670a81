import { ActionIcon, Badge, Box, Group, NavLink, Text, VisuallyHidden } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { TerritoryTree as Tree } from '../../contract/api.ts';
import { plural } from '../lib/format.ts';

interface TerritoryTreeProps {
  tree: Tree;
  activeRegionId?: string | null;
  activeMunicipalityId?: string | null;
  onNavigate?: () => void;
  /** Counts are zero for accounts bound to one organisation (the server counts only what they see). */
  showCounts?: boolean;
}

const schoolsWord = ['школа', 'школы', 'школ'] as const;

/** Regions → municipalities with their school counts; a click opens the organisations of that territory. */
export function TerritoryTree(props: TerritoryTreeProps) {
  const { tree, activeRegionId, activeMunicipalityId, onNavigate, showCounts = true } = props;
  const [expanded, setExpanded] = useState<Record<string, boolean>>({});
  if (tree.length === 0) {
    return (
      <Text size="sm" c="dimmed" px="sm">
        Нет доступных территорий.
      </Text>
    );
  }
  return (
    <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {tree.map((region) => {
        const schools = region.municipalities.reduce((sum, m) => sum + m.schools, 0);
        const isOpen = expanded[region.id] ?? (tree.length === 1 || region.id === activeRegionId);
        const listId = `territory-${region.id}`;
        return (
          <li key={region.id}>
            <Group gap={2} wrap="nowrap" align="center">
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                aria-expanded={isOpen}
                aria-controls={listId}
                aria-label={`${isOpen ? 'Свернуть' : 'Развернуть'}: ${region.shortName}`}
                onClick={() => setExpanded((e) => ({ ...e, [region.id]: !isOpen }))}
                disabled={region.municipalities.length === 0}
              >
                <IconChevronRight
                  size={16}
                  aria-hidden
                  style={{ transform: isOpen ? 'rotate(90deg)' : undefined, transition: 'transform 120ms' }}
                />
              </ActionIcon>
              <NavLink
                component={Link}
                to={`/organisations?regionId=${region.id}`}
                onClick={onNavigate}
                active={region.id === activeRegionId && !activeMunicipalityId}
                label={region.shortName}
                title={region.name}
                rightSection={showCounts ? <CountBadge n={schools} /> : null}
                fw={600}
                style={{ flex: 1, minWidth: 0 }}
                py={6}
              />
            </Group>
            {isOpen && region.municipalities.length > 0 && (
              <Box component="ul" id={listId} m={0} p={0} pl={26} style={{ listStyle: 'none' }}>
                {region.municipalities.map((m) => (
                  <li key={m.id}>
                    <NavLink
                      component={Link}
                      to={`/organisations?regionId=${region.id}&municipalityId=${m.id}`}
                      onClick={onNavigate}
                      active={m.id === activeMunicipalityId}
                      label={m.name}
                      rightSection={showCounts ? <CountBadge n={m.schools} /> : null}
                      py={4}
                    />
                  </li>
                ))}
              </Box>
            )}
          </li>
        );
      })}
    </Box>
  );
}

function CountBadge({ n }: { n: number }) {
  return (
    <Badge size="sm" variant="light" color="gray" c="dark.6" style={{ textTransform: 'none' }}>
      {n}
      <VisuallyHidden> {plural(n, schoolsWord)}</VisuallyHidden>
    </Badge>
  );
}
