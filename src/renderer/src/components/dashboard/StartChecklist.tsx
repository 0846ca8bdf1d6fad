// The first-run checklist on the start page: what a new school sets up first, each item done or not
// (the core reads it from where it is kept) with a button to the place where it is done.
import { Badge, Button, Group, List, Paper, Progress, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StartChecklist as Checklist } from '@shared/api/obligations';

export function StartChecklist({ c }: { c: Checklist }) {
  const { t } = useTranslation('obligations');
  const gedaan = c.items.filter((i) => i.gedaan).length;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="start-titel" data-testid="start-checklist">
      <Group justify="space-between" align="baseline" mb={4}>
        <Title order={2} size="h4" id="start-titel">
          {t('dashboard.start.titel')}
        </Title>
        <Text size="sm" fw={600}>
          {t('dashboard.start.voortgang', { gedaan, totaal: c.items.length })}
        </Text>
      </Group>
      <Progress value={(gedaan / c.items.length) * 100} size="sm" mb="xs" aria-hidden />
      <Text size="sm" mb="sm">
        {t('dashboard.start.uitleg')}
      </Text>
      <List spacing={6} listStyleType="none" p={0}>
        {c.items.map((i) => (
          <List.Item
            key={i.id}
            data-testid={`start-${i.id}`}
            data-gedaan={i.gedaan}
            icon={
              <ThemeIcon size={22} radius="xl" color={i.gedaan ? 'teal.8' : 'gray.3'} c={i.gedaan ? 'white' : 'gray.8'} aria-hidden>
                {i.gedaan ? '✓' : '○'}
              </ThemeIcon>
            }
            styles={{ itemWrapper: { width: '100%' }, itemLabel: { width: '100%' } }}
          >
            <Group justify="space-between" wrap="nowrap" gap="sm">
              <div>
                <Text size="sm" fw={600}>
                  {t(`dashboard.start.item.${i.id}.titel`)}
                </Text>
                {!i.gedaan && (
                  <Text size="sm" c="gray.7">
                    {i.ontbreekt ? t(`dashboard.start.ontbreekt.${i.ontbreekt}`) : t(`dashboard.start.item.${i.id}.uitleg`)}
                  </Text>
                )}
              </div>
              {i.gedaan ? (
                <Badge color="teal.1" variant="filled" autoContrast style={{ flexShrink: 0 }}>
                  {t('dashboard.start.klaar')}
                </Badge>
              ) : (
                <Button component="a" href={i.link} size="compact-sm" variant="default" style={{ flexShrink: 0 }}>
                  {i.ontbreekt === 'ondertekenaar' ? t('dashboard.start.naarSchool') : t(`dashboard.start.item.${i.id}.knop`)}
                </Button>
              )}
            </Group>
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}
