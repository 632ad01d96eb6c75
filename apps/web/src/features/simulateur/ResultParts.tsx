/**
 * Building blocks shared by the simulator's tools. Every answer is laid out the same way: its heading
 * (focused when a new answer arrives, so that keyboard and screen-reader users land on it), a short
 * summary with the blocking alerts, then the details folded in an accordion (all alerts ranked,
 * explanations, rules applied, legal bases).
 */
import { Accordion, Box, List, Paper, Stack, Table, Text, Title, type TitleOrder } from "@mantine/core";
import { useEffect, useId, useRef, type ReactNode } from "react";
import type { AlerteOutput, FondementOutput, ReponseExpliqueeOutput } from "@achat-public/contracts";
import { DANGER } from "../../ui/colors";
import { formatFondement, formatPeriode, NIVEAU_ALERTE_LABELS, STATUT_REGLE_LABELS, type RegleAppliquee } from "./labels";

/** Dark amber of the "attention" marks (decorative: the word says the rank). */
const ATTENTION = "#8a5300";
/** Dark blue-grey of the "information" marks. */
const INFORMATION = "#3d4f63";
const COLOURS: Record<AlerteOutput["niveau"], string> = { bloquant: DANGER, attention: ATTENTION, information: INFORMATION };

/**
 * The section of a tool's answer. When `result` changes to a new answer, focus moves to the heading
 * (tabIndex -1), which brings it into view and makes screen readers read it.
 */
export function ResultSection({
  title,
  order = 2,
  result,
  children,
}: {
  title: string;
  order?: TitleOrder;
  /** The answer shown; a new value moves focus to the heading. */
  result: unknown;
  children: ReactNode;
}) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const element = heading.current;
    if (!result || !element) return;
    // Focus without the browser's minimal scroll, then bring the heading to the top: the summary below it
    // is what the user reads first.
    element.focus({ preventScroll: true });
    element.scrollIntoView({ block: "start" });
  }, [result]);
  if (!result) return null;
  return (
    <Stack component="section" aria-labelledby={headingId} gap="md">
      <Title order={order} id={headingId} ref={heading} tabIndex={-1} style={{ scrollMarginTop: "1rem" }}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** The summary of an answer: a bordered region named by its heading, read first. */
export function Synthese({ title, order, children }: { title: string; order: TitleOrder; children: ReactNode }) {
  const id = useId();
  return (
    <Paper component="section" aria-labelledby={id} withBorder p="md" data-synthese>
      <Stack gap="sm">
        <Title order={order} id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

function AlerteIcon({ niveau }: { niveau: AlerteOutput["niveau"] }) {
  const common = { width: 18, height: 18, viewBox: "0 0 24 24", focusable: false, style: { verticalAlign: "-3px" } } as const;
  const colour = COLOURS[niveau];
  if (niveau === "bloquant") {
    return (
      <svg aria-hidden="true" {...common}>
        <circle cx="12" cy="12" r="10" fill={colour} />
        <rect x="6" y="10.5" width="12" height="3" rx="1" fill="#fff" />
      </svg>
    );
  }
  if (niveau === "attention") {
    return (
      <svg aria-hidden="true" {...common}>
        <path d="M12 2 23 21H1z" fill={colour} />
        <rect x="11" y="8" width="2" height="7" fill="#fff" />
        <rect x="11" y="16.5" width="2" height="2" fill="#fff" />
      </svg>
    );
  }
  return (
    <svg aria-hidden="true" {...common}>
      <circle cx="12" cy="12" r="10" fill={colour} />
      <rect x="11" y="10" width="2" height="8" fill="#fff" />
      <rect x="11" y="6" width="2" height="2" fill="#fff" />
    </svg>
  );
}

/**
 * Ranked alerts (blocking first): each starts with an icon and its rank in words ("Bloquant :"), so that
 * the rank never rests on colour alone; blocking ones are also bold with a thick border.
 */
export function Alertes({ alertes, withFondements = false }: { alertes: AlerteOutput[]; withFondements?: boolean }) {
  if (alertes.length === 0) return null;
  return (
    <Box component="ul" m={0} p={0} style={{ listStyle: "none", display: "grid", gap: "0.5rem" }}>
      {alertes.map((alerte) => (
        <Box
          component="li"
          key={`${alerte.niveau} ${alerte.message}`}
          pl="sm"
          style={{ borderLeft: `${alerte.niveau === "bloquant" ? 6 : 3}px solid ${COLOURS[alerte.niveau]}` }}
        >
          <Text component="p" m={0} fw={alerte.niveau === "bloquant" ? 600 : undefined}>
            <AlerteIcon niveau={alerte.niveau} />{" "}
            <strong style={{ color: COLOURS[alerte.niveau] }}>{NIVEAU_ALERTE_LABELS[alerte.niveau]} :</strong> {alerte.message}
          </Text>
          {withFondements && alerte.fondements.length > 0 && (
            <Text size="sm" c="dimmed">
              {alerte.fondements.map((f) => `${f.texte} ${f.article}`).join(", ")}
            </Text>
          )}
        </Box>
      ))}
    </Box>
  );
}

/** The blocking alerts of an answer, for its summary, with a count of the others (in the details). */
export function AlertesBloquantes({ reponse }: { reponse: ReponseExpliqueeOutput }) {
  const bloquantes = reponse.alertes.filter((a) => a.niveau === "bloquant");
  const autres = reponse.alertes.length - bloquantes.length;
  return (
    <>
      <Alertes alertes={bloquantes} />
      {autres > 0 && (
        <Text size="sm">
          {bloquantes.length > 0 ? "Et " : ""}
          {autres} autre{autres > 1 ? "s" : ""} point{autres > 1 ? "s" : ""} de vigilance dans le détail ci-dessous.
        </Text>
      )}
    </>
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

/** Key facts of a summary, one per line, "Label : valeur" read as one sentence. */
export function Resume({ items }: { items: Fact[] }) {
  return (
    <List spacing={4}>
      {items.map((item) => (
        <List.Item key={item.label}>
          <strong>{item.label} :</strong> {item.value}
        </List.Item>
      ))}
    </List>
  );
}

/** A plain bullet list. */
export function Puces({ items }: { items: ReactNode[] }) {
  return (
    <List spacing="xs">
      {items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a static list rendered once, never reordered
        <List.Item key={i}>{item}</List.Item>
      ))}
    </List>
  );
}

/** "CCP art. R2122-8 — objet" for each legal basis, as a plain list. */
export function FondementList({ fondements }: { fondements: FondementOutput[] }) {
  return (
    <List size="sm" spacing={4}>
      {fondements.map((f) => (
        <List.Item key={`${f.texte}-${f.article}-${f.objet}`}>{formatFondement(f)}</List.Item>
      ))}
    </List>
  );
}

/**
 * A table that may be wider than the screen: its scroll container is reachable with the keyboard
 * (tabIndex 0) and named, so that it can be scrolled without a mouse.
 */
export function ScrollTable({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  return (
    <Table.ScrollContainer minWidth={minWidth} type="native" tabIndex={0} role="region" aria-label={label}>
      {children}
    </Table.ScrollContainer>
  );
}

/** The dated rows of the rule book an answer relied on, with their period and status. */
export function ReglesAppliqueesTable({ regles }: { regles: RegleAppliquee[] }) {
  return (
    <ScrollTable label="Seuils et paramètres appliqués (tableau défilant)" minWidth={640}>
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
    </ScrollTable>
  );
}

/** One folded part of an answer's details. */
export interface Detail {
  value: string;
  title: string;
  content: ReactNode;
}

/**
 * The details of an answer, folded (each part opens on demand): the ranked alerts first, then the parts
 * given by the tool, then the explanations, the rules applied and the legal bases. `order` is the
 * heading level of each part's button.
 */
export function Details({ reponse, order, parts = [] }: { reponse: ReponseExpliqueeOutput; order: 3 | 4 | 5; parts?: Detail[] }) {
  const all: Detail[] = [
    ...(reponse.alertes.length > 0
      ? [
          {
            value: "alertes",
            title: `Points de vigilance (${reponse.alertes.length})`,
            content: <Alertes alertes={reponse.alertes} withFondements />,
          },
        ]
      : []),
    ...parts,
    ...(reponse.explications.length > 0
      ? [{ value: "explications", title: "Explications", content: <Puces items={reponse.explications} /> }]
      : []),
    ...(reponse.reglesAppliquees.length > 0
      ? [{ value: "regles", title: "Seuils et paramètres appliqués", content: <ReglesAppliqueesTable regles={reponse.reglesAppliquees} /> }]
      : []),
    ...(reponse.fondements.length > 0
      ? [{ value: "fondements", title: "Fondements juridiques", content: <FondementList fondements={reponse.fondements} /> }]
      : []),
  ];
  return (
    <Stack gap="xs">
      <Text fw={700}>Détail de la réponse</Text>
      <Accordion multiple order={order} variant="contained">
        {all.map((part) => (
          <Accordion.Item key={part.value} value={part.value}>
            <Accordion.Control>{part.title}</Accordion.Control>
            <Accordion.Panel>{part.content}</Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Stack>
  );
}
