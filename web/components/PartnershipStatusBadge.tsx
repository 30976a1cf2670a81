// A pair's status as a badge that wraps instead of cutting «школа не найдена в справочнике» short.
import { Badge, Tooltip } from '@mantine/core';
import type { Partnership } from '../api/network.ts';
import { partnershipStatusViews } from '../lib/network-format.ts';

export function PartnershipStatusBadge({ status, size = 'sm' }: { status: Partnership['status']; size?: 'xs' | 'sm' }) {
  const view = partnershipStatusViews[status];
  const badge = (
    <Badge
      color={view.colour}
      variant="light"
      size={size}
      tt="none"
      data-testid="partnership-status"
      data-status={status}
      styles={{ root: { height: 'auto', maxWidth: '100%' }, label: { whiteSpace: 'normal', lineHeight: 1.3 } }}
      py={2}
    >
      {view.label}
    </Badge>
  );
  return view.title ? (
    <Tooltip label={view.title} withArrow multiline maw={300} openDelay={200}>
      {badge}
    </Tooltip>
  ) : (
    badge
  );
}
