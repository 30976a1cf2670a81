import { Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled part of a round or dashboard page, named by its heading for assistive technology. */
export function DashboardSection({
  title,
  id,
  children,
  aside,
}: {
  title: string;
  id: string;
  children: ReactNode;
  aside?: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`}>
      <Group justify="space-between" align="baseline" mb="xs">
        <Title order={2} size="h4" id={`${id}-title`}>
          {title}
        </Title>
        {aside}
      </Group>
      {children}
    </section>
  );
}
