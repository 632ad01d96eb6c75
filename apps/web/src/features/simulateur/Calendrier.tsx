/**
 * "Calendrier des dates légales": a sub-form prefilled from the analysis (procedure family, variants of the
 * receipt time limit, DECP and award-notice duties), sent to POST /api/regles/delais, and the answer as an
 * ordered timeline.
 */
import { Box, Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import type { ReglesAnalyseOutput, ReglesDelaisInput, ReglesDelaisOutput } from "@achat-public/contracts";
import { api } from "../../lib/api";
import { plural } from "../../lib/format";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { errorAt, summarize, type FieldPath } from "./errors";
import { EXEMPTION_STANDSTILL_LABELS, formatDayWithWeekday, isKeyOf, optionsOf, ORIGINE_ETAPE_LABELS } from "./labels";
import { AlertesBloquantes, Details, FondementList, ResultSection, Synthese } from "./ResultParts";

type Analyse = ReglesAnalyseOutput;
type Etape = ReglesDelaisOutput["etapes"][number];

interface CalendrierDraft {
  dateEnvoiAvis: string;
  variante: string;
  dateConvenue: string;
  dateLimiteReception: string;
  dateEnvoiNotificationRejet: string;
  notificationElectronique: boolean;
  /** "" when no exemption applies. */
  exemptionStandstill: string;
  dateSignature: string;
  dateNotification: string;
}

/** The variants of the receipt time limit the analysis returned, once each, in its order. */
function variantesOf(analyse: Analyse): Analyse["delaisMinimauxReception"] {
  const seen = new Set<string>();
  return analyse.delaisMinimauxReception.filter((d) => !seen.has(d.variante) && seen.add(d.variante));
}

/** Open procedure by electronic means when offered, else the adapted procedure, else the first variant. */
function defaultVariante(analyse: Analyse): string {
  const variantes = variantesOf(analyse).map((d) => d.variante);
  return variantes.find((v) => v === "aoo-electronique") ?? variantes.find((v) => v === "mapa") ?? variantes[0] ?? "";
}

function toDelaisInput(draft: CalendrierDraft, analyse: Analyse): ReglesDelaisInput {
  const row = analyse.delaisMinimauxReception.find((d) => d.variante === draft.variante);
  const exemption = isKeyOf(EXEMPTION_STANDSTILL_LABELS, draft.exemptionStandstill) ? draft.exemptionStandstill : undefined;
  const date = (value: string) => value || undefined; // empty: not sent (JSON drops undefined)
  return {
    procedure: analyse.procedure,
    decpObligatoire: analyse.decpObligatoire,
    avisAttributionObligatoire: analyse.avisAttributionObligatoire,
    variante: row?.variante,
    dateEnvoiAvis: date(draft.dateEnvoiAvis),
    dateConvenue: row?.accordPossible ? date(draft.dateConvenue) : undefined,
    dateLimiteReception: row && row.joursMinimum !== null ? date(draft.dateLimiteReception) : undefined,
    dateEnvoiNotificationRejet: date(draft.dateEnvoiNotificationRejet),
    notificationElectronique: draft.dateEnvoiNotificationRejet ? draft.notificationElectronique : undefined,
    exemptionStandstill: analyse.standstillApplicable ? exemption : undefined,
    dateSignature: date(draft.dateSignature),
    dateNotification: date(draft.dateNotification),
  };
}

const FIELD_LABELS: Record<string, string> = {
  procedure: "Procédure",
  dateEnvoiAvis: "Date d'envoi de l'avis",
  variante: "Délai de réception",
  dateConvenue: "Date limite convenue",
  dateLimiteReception: "Date limite de réception fixée",
  dateEnvoiNotificationRejet: "Date d'envoi des notifications de rejet",
  notificationElectronique: "Notifications électroniques",
  exemptionStandstill: "Cas sans délai de suspension",
  dateSignature: "Date de signature",
  dateNotification: "Date de notification",
};
const fieldLabel = (path: FieldPath): string | undefined =>
  path[0] === "datesNotificationModifications"
    ? "Date de notification d'une modification"
    : typeof path[0] === "string"
      ? FIELD_LABELS[path[0]]
      : undefined;

/** One date of the timeline: the date, what it is, whether it was typed or computed, and a non-working day note. */
function EtapeItem({ etape }: { etape: Etape }) {
  return (
    <li style={{ marginBottom: "0.5rem" }}>
      <Text fw={700} component="span">
        <time dateTime={etape.date}>{formatDayWithWeekday(etape.date, etape.jourSemaine)}</time>
      </Text>{" "}
      — {etape.libelle}{" "}
      <Text component="span" size="sm">
        ({ORIGINE_ETAPE_LABELS[etape.origine].toLowerCase()})
      </Text>
      {etape.avertissements.map((warning) => (
        <Text key={warning} size="sm">
          Jour non ouvré : {warning}
        </Text>
      ))}
    </li>
  );
}

/** The legal bases of each dated step, in the details. */
function FondementsParEtape({ etapes }: { etapes: Etape[] }) {
  const withBases = etapes.filter((e) => e.fondements.length > 0);
  return (
    <Stack gap="sm">
      {withBases.map((etape) => (
        <Box key={etape.id}>
          <Text fw={700}>
            {etape.libelle} ({formatDayWithWeekday(etape.date, etape.jourSemaine)})
          </Text>
          <FondementList fondements={etape.fondements} />
        </Box>
      ))}
    </Stack>
  );
}

export function Calendrier({ analyse }: { analyse: Analyse }) {
  const headingId = useId();
  const variantes = variantesOf(analyse);
  const [draft, setDraft] = useState<CalendrierDraft>(() => ({
    dateEnvoiAvis: analyse.dateLancement,
    variante: defaultVariante(analyse),
    dateConvenue: "",
    dateLimiteReception: "",
    dateEnvoiNotificationRejet: "",
    notificationElectronique: true,
    exemptionStandstill: "",
    dateSignature: "",
    dateNotification: "",
  }));
  const mutation = useMutation({
    mutationFn: async (d: CalendrierDraft) => api<ReglesDelaisOutput>("POST", "/api/regles/delais", toDelaisInput(d, analyse)),
  });

  const set = <K extends keyof CalendrierDraft>(name: K, value: CalendrierDraft[K]) => setDraft((d) => ({ ...d, [name]: value }));
  const fieldError = (name: keyof CalendrierDraft) => errorAt(mutation.error, name);
  const selected = variantes.find((d) => d.variante === draft.variante);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(draft);
  };
  const result = mutation.data;

  return (
    <Stack component="section" aria-labelledby={headingId} gap="md">
      <Title order={2} id={headingId}>
        Calendrier des dates légales
      </Title>
      <Text>
        Indiquez les dates déjà connues de la procédure : le calendrier en déduit la date limite de réception au plus tôt, la fin du délai
        de suspension, l'avis d'attribution et la publication des données essentielles.
      </Text>
      <form onSubmit={submit} noValidate aria-labelledby={headingId}>
        <Stack gap="md">
          <ErrorAlert error={summarize(mutation.error, fieldLabel)} title="Le calendrier n'a pas pu être calculé" />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <TextInput
              label="Date d'envoi de l'avis ou de la consultation"
              description="Préremplie avec la date de lancement de l'analyse."
              type="date"
              value={draft.dateEnvoiAvis}
              onChange={(e) => set("dateEnvoiAvis", e.currentTarget.value)}
              error={fieldError("dateEnvoiAvis")}
            />
            {variantes.length > 0 && (
              <NativeSelect
                label="Délai de réception applicable"
                description="Variantes possibles pour la procédure retenue par l'analyse."
                data={variantes.map((d) => ({
                  value: d.variante,
                  label: `${d.libelle} (${d.joursMinimum === null ? "pas de minimum légal" : plural(d.joursMinimum, "jour")})`,
                }))}
                value={draft.variante}
                onChange={(e) => set("variante", e.currentTarget.value)}
                error={fieldError("variante")}
              />
            )}
            {selected && selected.joursMinimum !== null && (
              <TextInput
                label="Date limite de réception fixée (facultatif)"
                description="Comparée au minimum légal : une date trop courte est signalée comme bloquante."
                type="date"
                value={draft.dateLimiteReception}
                onChange={(e) => set("dateLimiteReception", e.currentTarget.value)}
                error={fieldError("dateLimiteReception")}
              />
            )}
            {selected?.accordPossible && (
              <TextInput
                label="Date limite convenue avec les candidats (facultatif)"
                type="date"
                value={draft.dateConvenue}
                onChange={(e) => set("dateConvenue", e.currentTarget.value)}
                error={fieldError("dateConvenue")}
              />
            )}
            <TextInput
              label="Date d'envoi des notifications de rejet (facultatif)"
              type="date"
              value={draft.dateEnvoiNotificationRejet}
              onChange={(e) => set("dateEnvoiNotificationRejet", e.currentTarget.value)}
              error={fieldError("dateEnvoiNotificationRejet")}
            />
            {analyse.standstillApplicable && (
              <NativeSelect
                label="Cas sans délai de suspension"
                data={[{ value: "", label: "Aucun : le délai de suspension s'applique" }, ...optionsOf(EXEMPTION_STANDSTILL_LABELS)]}
                value={draft.exemptionStandstill}
                onChange={(e) => set("exemptionStandstill", e.currentTarget.value)}
                error={fieldError("exemptionStandstill")}
              />
            )}
            <TextInput
              label="Date de signature du marché (facultatif)"
              type="date"
              value={draft.dateSignature}
              onChange={(e) => set("dateSignature", e.currentTarget.value)}
              error={fieldError("dateSignature")}
            />
            <TextInput
              label="Date de notification du marché (facultatif)"
              type="date"
              value={draft.dateNotification}
              onChange={(e) => set("dateNotification", e.currentTarget.value)}
              error={fieldError("dateNotification")}
            />
          </SimpleGrid>
          <Checkbox
            label="Notifications de rejet envoyées par voie électronique"
            description="Le délai de suspension est plus court quand les rejets sont notifiés par voie électronique."
            checked={draft.notificationElectronique}
            onChange={(e) => set("notificationElectronique", e.currentTarget.checked)}
            error={fieldError("notificationElectronique")}
          />
          <Group>
            <Button type="submit" loading={mutation.isPending}>
              Calculer le calendrier
            </Button>
          </Group>
        </Stack>
      </form>
      <ResultSection title="Dates légales de la procédure" order={3} result={result}>
        {result && (
          <>
            <Synthese title="Synthèse du calendrier" order={4}>
              <AlertesBloquantes reponse={result} />
              <Text>{plural(result.etapes.length, "date", "dates")}, dans l'ordre chronologique.</Text>
              <ol style={{ margin: 0, paddingLeft: "1.5rem" }}>
                {result.etapes.map((etape) => (
                  <EtapeItem key={etape.id} etape={etape} />
                ))}
              </ol>
            </Synthese>
            <Details
              reponse={result}
              order={4}
              parts={[
                { value: "fondements-etapes", title: "Fondements de chaque date", content: <FondementsParEtape etapes={result.etapes} /> },
              ]}
            />
          </>
        )}
      </ResultSection>
    </Stack>
  );
}
