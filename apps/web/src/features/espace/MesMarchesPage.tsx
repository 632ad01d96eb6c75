import { Anchor, SimpleGrid, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import type { EspaceEntrepriseOutput } from "@achat-public/contracts";
import { api } from "../../lib/api";
import { Bloc } from "../../ui/Bloc";
import { Chargement } from "../../ui/Chargement";
import { DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Page } from "../../ui/Page";
import { euros, eurosCentimes, jourFr, ROLES, STATUTS } from "../marches/format";

type Ligne = EspaceEntrepriseOutput["marches"][number];

/** Page « Mes marchés et factures » (company accounts): its contracts with the département and their payments. */
export default function MesMarchesPage() {
  const espace = useQuery({ queryKey: ["espace"], queryFn: () => api<EspaceEntrepriseOutput>("GET", "/api/entreprise/marches") });
  const somme = (f: (l: Ligne) => number) => (espace.data?.marches ?? []).reduce((s, l) => s + f(l), 0);
  return (
    <Page
      title="Mes marchés et factures"
      intro={
        <Text>
          Les marchés que votre établissement (son SIRET) tient avec le département, comme titulaire, mandataire ou cotraitant ; leurs
          factures, le délai de paiement et les intérêts moratoires dus en cas de retard (calculés par le moteur de règles : taux de la BCE
          plus 8 points, et 40 € d'indemnité forfaitaire par paiement en retard).
        </Text>
      }
    >
      {espace.isPending ? (
        <Chargement />
      ) : espace.isError ? (
        <ErrorAlert error={espace.error} title="Liste indisponible" />
      ) : (
        <Stack>
          <Text>
            {espace.data.entreprise.raisonSociale} — SIRET {espace.data.entreprise.siret}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Bloc titre="Marchés">
              <Text size="xl" fw={700}>
                {espace.data.marches.length}
              </Text>
            </Bloc>
            <Bloc titre="Factures en retard">
              <Text size="xl" fw={700}>
                {somme((l) => l.paiements.nombreEnRetard + l.paiements.nombreImpayeesEnRetard)}
              </Text>
            </Bloc>
            <Bloc titre="Intérêts et indemnités dus">
              <Text size="xl" fw={700}>
                {eurosCentimes(somme((l) => Math.round((l.paiements.interetsDus + l.paiements.indemnitesDues) * 100)) / 100)}
              </Text>
            </Bloc>
          </SimpleGrid>
          <DataTable
            caption="Vos marchés avec le département"
            rows={espace.data.marches}
            rowKey={(l) => l.marche.id}
            minWidth={900}
            empty={<Text>Aucun marché au SIRET de votre compte.</Text>}
            columns={[
              {
                key: "marche",
                header: "Marché",
                principale: true,
                render: (l) => (
                  <Anchor component={Link} to={`/mon-entreprise/marches/${l.marche.id}`} underline="always">
                    {l.marche.numero} — {l.marche.objet}
                  </Anchor>
                ),
              },
              { key: "direction", header: "Direction", render: (l) => l.marche.directionSigle },
              { key: "role", header: "Votre rôle", render: (l) => l.marche.roles.map((r) => ROLES[r] ?? r).join(", ") },
              {
                key: "montant",
                header: "Montant HT",
                nowrap: true,
                render: (l) => (l.marche.accordCadre ? `max. ${euros(l.marche.montantMaxHt)}` : euros(l.marche.montantHt)),
              },
              {
                key: "dates",
                header: "Notifié le / fin",
                render: (l) => `${jourFr(l.marche.dateNotification)} → ${jourFr(l.marche.dateFin)}`,
              },
              { key: "statut", header: "Statut", render: (l) => STATUTS[l.statut] ?? l.statut },
              {
                key: "factures",
                header: "Factures",
                render: (l) =>
                  `${l.paiements.nombreFactures} (${l.paiements.nombrePayees} payées${
                    l.paiements.delaiMoyenJours === null ? "" : `, délai moyen ${l.paiements.delaiMoyenJours.toLocaleString("fr-FR")} j`
                  })`,
              },
              { key: "interets", header: "Intérêts dus", nowrap: true, render: (l) => eurosCentimes(l.paiements.interetsDus) },
              { key: "evaluation", header: "Votre évaluation", render: (l) => (l.evaluationDonnee ? "Donnée" : "À donner") },
            ]}
          />
        </Stack>
      )}
    </Page>
  );
}
