/**
 * Building blocks shared by the three tabs of the simulator: the announced result region, key facts, lists of
 * explanations, vigilance points and legal bases, and the table of the rule rows used.
 */
import { List, Paper, Stack, Table, Text, Title, type TitleOrder } from "@mantine/core";
import { useId, type ReactNode } from "react";
import type { FondementOutput } from "@achat-public/contracts";
import { formatFondement, formatPeriode, STATUT_REGLE_LABELS, type RegleAppliquee } from "./labels";

/** Dark amber border of the vigilance box (decorative: the heading says what the box is). */
const VIGILANCE_BORDER = "#8a5300";

/**
 * Region announced to screen readers when its content changes (aria-live="polite"); when there is a result,
 * it is a section named by its heading.
 */
export function ResultRegion({ title, order = 2, children }: { title: string; order?: TitleOrder; children: ReactNode | null }) {
  const headingId = useId();
  return (
    <div aria-live="polite">
      {children && (
        <Stack component="section" aria-labelledby={headingId} gap="md">
          <Title order={order} id={headingId}>
            {title}
          </Title>
          {children}
        </Stack>
      )}
    </div>
  );
}

export interface Fact {
  label: string;
  value: ReactNode;
}

/** Key facts as a description list: term in bold, then its value. */
export function Facts({ items }: { items: Fact[] }) {
  return (
    <dl style={{ margin: 0, display: "grid", gap: "0.5rem" }}>
      {items.map((item) => (
        <div key={item.label} style={{ display: "flex", flexWrap: "wrap", columnGap: "0.5rem" }}>
          <Text component="dt" fw={700}>
            {item.label} :
          </Text>
          <Text component="dd" m={0}>
            {item.value}
          </Text>
        </div>
      ))}
    </dl>
  );
}

/** A titled bullet list; nothing when the list is empty. */
export function TitledList({ title, order, items }: { title: string; order: TitleOrder; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={order}>{title}</Title>
      <List spacing="xs">
        {items.map((item, i) => (
          <List.Item key={i}>{item}</List.Item>
        ))}
      </List>
    </Stack>
  );
}

/** Points the buyer must check: a bordered box, set apart from the explanations; nothing when empty. */
export function Vigilance({ order, items }: { order: TitleOrder; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <Paper withBorder p="md" style={{ borderLeft: `6px solid ${VIGILANCE_BORDER}` }}>
      <Stack gap="xs">
        <Title order={order}>Points de vigilance</Title>
        <List spacing="xs">
          {items.map((item, i) => (
            <List.Item key={i}>{item}</List.Item>
          ))}
        </List>
      </Stack>
    </Paper>
  );
}

/** "CCP art. R2122-8 — objet" for each legal basis, as a plain list (no heading). */
export function FondementList({ fondements }: { fondements: FondementOutput[] }) {
  return (
    <List size="sm" spacing={4}>
      {fondements.map((f, i) => (
        <List.Item key={`${f.texte}-${f.article}-${i}`}>{formatFondement(f)}</List.Item>
      ))}
    </List>
  );
}

/** The legal bases of an answer under their heading; nothing when there are none. */
export function Fondements({
  order,
  fondements,
  title = "Fondements juridiques",
}: {
  order: TitleOrder;
  fondements: FondementOutput[];
  title?: string;
}) {
  if (fondements.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={order}>{title}</Title>
      <FondementList fondements={fondements} />
    </Stack>
  );
}

/** The dated rows of the rule book an answer relied on, with their period and status. */
export function ReglesAppliquees({ order, regles }: { order: TitleOrder; regles: RegleAppliquee[] }) {
  if (regles.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={order}>Seuils et paramètres appliqués</Title>
      <Table.ScrollContainer minWidth={640}>
        <Table striped verticalSpacing="xs">
          <Table.Caption>Lignes de la table des règles en vigueur à la date retenue</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Règle</Table.Th>
              <Table.Th scope="col">Valeur</Table.Th>
              <Table.Th scope="col">Période d'application</Table.Th>
              <Table.Th scope="col">Statut</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {regles.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.libelle}</Table.Td>
                <Table.Td>{r.valeur}</Table.Td>
                <Table.Td>{formatPeriode(r)}</Table.Td>
                <Table.Td>{STATUT_REGLE_LABELS[r.statut]}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
