import { Card, Stack, Title } from "@mantine/core";
import { useId, type ReactNode } from "react";

/** A block of the start page: a titled section (h2) in a card. */
export function Bloc({ titre, children }: { titre: string; children: ReactNode }) {
  const id = useId();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id} h="100%">
      <Stack gap="sm">
        <Title order={2} size="h3" id={id}>
          {titre}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}
