import { Alert, Anchor, Group, List, Text, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { ControlePublication } from "@achat-public/contracts";
import { api, query } from "../../lib/api";
import { formatLegalDate, plural } from "../../lib/format";
import { DANGER, SUCCESS } from "../../ui/colors";
import { Chargement } from "../../ui/Chargement";
import { DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Page } from "../../ui/Page";
import { Pagination } from "../../ui/Pagination";

type Probleme = ControlePublication["problemes"][number];
type Retard = ControlePublication["aPublierEnRetard"][number];
type Tardive = ControlePublication["publieesEnRetard"][number];
const PER_PAGE = 50;

/** Page "/publication": the quality gate of the DECP export, every problem with its field, and what is late to publish. */
export default function PublicationPage() {
  const [page, setPage] = useState(1);
  const controle = useQuery({
    queryKey: ["publication-controle", page],
    queryFn: () => api<ControlePublication>("GET", `/api/publication/controle${query({ page, parPage: PER_PAGE })}`),
    placeholderData: keepPreviousData,
  });
  const d = controle.data;

  return (
    <Page
      title="Données essentielles des marchés"
      intro={
        <Text>
          Avant chaque publication, les données essentielles (DECP, format 2.0.3) passent un contrôle qualité : schéma officiel, SIRET,
          codes CPV, procédure plausible pour le montant, lots, montants des modifications et délai légal de publication (deux mois après la
          notification et après chaque modification, article R2196-1 du code de la commande publique). Au moindre problème, l'export est
          refusé. Les données publiées sont ouvertes à tous :{" "}
          <Anchor href="/api/donnees-ouvertes/decp.json" underline="always">
            DECP
          </Anchor>
          ,{" "}
          <Anchor href="/api/donnees-ouvertes/ocds.json" underline="always">
            OCDS
          </Anchor>
          .
        </Text>
      }
    >
      <ErrorAlert error={controle.error} title="Chargement impossible" />
      {controle.isPending && <Chargement />}
      {d && (
        <>
          <Alert
            color={d.conforme ? SUCCESS : DANGER}
            variant="outline"
            title={d.conforme ? "Export possible" : "Export bloqué"}
            aria-live="polite"
          >
            <List size="sm">
              <List.Item>
                Contrôle du {formatLegalDate(d.date)} : {d.marchesExamines}{" "}
                {plural(d.marchesExamines, "marché examiné", "marchés examinés")}, {d.marchesPubliables}{" "}
                {plural(d.marchesPubliables, "publiable", "publiables")}.
              </List.Item>
              <List.Item>
                {d.marchesEnErreur} {plural(d.marchesEnErreur, "marché en faute", "marchés en faute")} ({d.total}{" "}
                {plural(d.total, "problème", "problèmes")}).
              </List.Item>
              <List.Item>
                {d.horsPerimetre} {plural(d.horsPerimetre, "marché", "marchés")} sous le seuil des données essentielles (non publiés).
              </List.Item>
            </List>
          </Alert>

          <Title order={2} size="h3">
            Publications en retard
          </Title>
          <DataTable<Retard>
            caption="Marchés et modifications non publiés dont le délai de deux mois est dépassé, du plus en retard au moins en retard"
            rows={d.aPublierEnRetard}
            rowKey={(r) => `${r.numero}-${r.evenement}`}
            minWidth={700}
            empty={<Text>Aucune publication en retard.</Text>}
            columns={[
              { key: "numero", header: "Marché", principale: true, render: (r) => r.numero },
              { key: "evenement", header: "Événement", render: (r) => `${r.evenement} du ${formatLegalDate(r.dateEvenement)}` },
              { key: "limite", header: "À publier au plus tard le", render: (r) => formatLegalDate(r.dateLimite) },
              { key: "retard", header: "Retard", render: (r) => `${r.joursDeRetard} ${plural(r.joursDeRetard, "jour")}` },
            ]}
          />

          <Title order={2} size="h3">
            Publiées après le délai
          </Title>
          <DataTable<Tardive>
            caption="Données déjà publiées, mais après leur délai de deux mois (pour mémoire : l'export n'est pas bloqué)"
            rows={d.publieesEnRetard}
            rowKey={(r) => `${r.numero}-${r.evenement}`}
            minWidth={700}
            empty={<Text>Aucune donnée publiée après son délai.</Text>}
            columns={[
              { key: "numero", header: "Marché", principale: true, render: (r) => r.numero },
              { key: "evenement", header: "Événement", render: (r) => `${r.evenement} du ${formatLegalDate(r.dateEvenement)}` },
              { key: "limite", header: "Délai", render: (r) => formatLegalDate(r.dateLimite) },
              { key: "publiee", header: "Publiée le", render: (r) => formatLegalDate(r.datePublication) },
              { key: "retard", header: "Retard", render: (r) => `${r.joursDeRetard} ${plural(r.joursDeRetard, "jour")}` },
            ]}
          />

          <Group justify="space-between" align="end">
            <Title order={2} size="h3">
              Problèmes à corriger
            </Title>
          </Group>
          <Pagination
            element={["problème", "problèmes"]}
            total={d.total}
            page={page}
            parPage={PER_PAGE}
            onPage={setPage}
            label="Pages des problèmes"
          />
          <DataTable<Probleme>
            caption="Problèmes du contrôle qualité, par numéro de marché puis par champ"
            rows={d.problemes}
            rowKey={(p) => `${p.numero}-${p.champ}-${p.message}`}
            minWidth={800}
            empty={<Text>Aucun problème : les données essentielles peuvent être publiées.</Text>}
            columns={[
              { key: "numero", header: "Marché", principale: true, render: (p) => p.numero },
              { key: "champ", header: "Champ", render: (p) => <code>{p.champ}</code> },
              { key: "message", header: "Problème", render: (p) => p.message },
            ]}
          />
        </>
      )}
    </Page>
  );
}
