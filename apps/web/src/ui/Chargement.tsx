import { Group, Loader, Text } from "@mantine/core";

/** A loading state, announced politely to screen readers (its text is visible too). */
export function Chargement({ texte = "Chargement…" }: { texte?: string }) {
  return (
    <Group role="status" gap="xs" py="md">
      <Loader size="sm" aria-hidden="true" />
      <Text size="sm">{texte}</Text>
    </Group>
  );
}
