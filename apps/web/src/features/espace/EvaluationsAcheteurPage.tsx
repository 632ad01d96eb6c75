import { List, Paper, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { SyntheseEvaluationsOutput } from "@achat-public/contracts";
import { api } from "../../lib/api";
import { Chargement } from "../../ui/Chargement";
import { DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Page } from "../../ui/Page";
import { CRITERES, note } from "./format";

type Moyennes = SyntheseEvaluationsOutput["total"];
const colonnesNotes = CRITERES.map((c) => ({ key: c.cle, header: c.libelle, nowrap: true, render: (m: Moyennes) => note(m[c.cle]) }));

/** Page « Évaluations du département » (procurement directorate): how the holders rate the département. */
export default function EvaluationsAcheteurPage() {
  const synthese = useQuery({
    queryKey: ["evaluations-acheteur"],
    queryFn: () => api<SyntheseEvaluationsOutput>("GET", "/api/evaluations-acheteur"),
  });
  return (
    <Page
      title="Évaluations du département"
      intro={
        <Text>
          Les titulaires évaluent le département sur chacun de leurs marchés : paiement, clarté des documents, relation (de 1 à 5). Les
          entreprises ne sont jamais nommées ; une moyenne n'est affichée qu'à partir de 3 évaluations, et les commentaires ne portent que
          l'année de notification du marché.
        </Text>
      }
    >
      {synthese.isPending ? (
        <Chargement />
      ) : synthese.isError ? (
        <ErrorAlert error={synthese.error} title="Synthèse indisponible" />
      ) : (
        <Stack>
          <Paper withBorder p="md" component="section" aria-labelledby="evaluations-ensemble">
            <Title order={2} size="h4" id="evaluations-ensemble">
              Ensemble : {synthese.data.total.nombre} évaluations
            </Title>
            <List size="sm">
              {CRITERES.map((c) => (
                <List.Item key={c.cle}>
                  {c.libelle} : {note(synthese.data.total[c.cle])}
                </List.Item>
              ))}
            </List>
          </Paper>
          <DataTable
            caption="Par direction"
            rows={synthese.data.parDirection}
            rowKey={(d) => d.directionId}
            empty={<Text>Aucune évaluation.</Text>}
            columns={[
              { key: "direction", header: "Direction", principale: true, render: (d) => d.directionSigle },
              { key: "nombre", header: "Évaluations", render: (d) => d.nombre },
              ...colonnesNotes,
            ]}
          />
          <DataTable
            caption="Par année de notification"
            rows={synthese.data.parAnnee}
            rowKey={(a) => String(a.annee)}
            empty={<Text>Aucune évaluation.</Text>}
            columns={[
              { key: "annee", header: "Année", principale: true, render: (a) => a.annee },
              { key: "nombre", header: "Évaluations", render: (a) => a.nombre },
              ...colonnesNotes,
            ]}
          />
          <Paper withBorder p="md" component="section" aria-labelledby="evaluations-commentaires">
            <Title order={2} size="h4" id="evaluations-commentaires">
              Commentaires des titulaires
            </Title>
            {synthese.data.commentaires.length === 0 ? (
              <Text size="sm">Aucun commentaire.</Text>
            ) : (
              <List size="sm" spacing="xs">
                {synthese.data.commentaires.map((c, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: anonymous comments have no identifier, on purpose
                  <List.Item key={i}>
                    ({c.annee}) {c.commentaire}
                  </List.Item>
                ))}
              </List>
            )}
          </Paper>
        </Stack>
      )}
    </Page>
  );
}
