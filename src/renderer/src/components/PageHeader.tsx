// The title bar of a page with its main actions on the right.
import { Group, Title, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function PageHeader({ title, subtitle, children }: { title: ReactNode; subtitle?: ReactNode; children?: ReactNode }) {
  return (
    // The actions go under the title when the window is too narrow for both (no sideways scrolling).
    <Group justify="space-between" align="flex-start" mb="md" wrap="wrap">
      <div style={{ minWidth: 0 }}>
        <Title order={1} size="h2">
          {title}
        </Title>
        {subtitle && (
          <Text c="dimmed" size="sm" mt={2}>
            {subtitle}
          </Text>
        )}
      </div>
      {children && <Group gap="sm">{children}</Group>}
    </Group>
  );
}
