import { Anchor, Tabs, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import type { VeilleOutput } from "@achat-public/contracts";
import { api } from "../../lib/api";
import { Chargement } from "../../ui/Chargement";
import { DataTable, type Colonne } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Page } from "../../ui/Page";
import { euros, eurosCentimes, jourFr } from "./format";

type Ligne = VeilleOutput["finSansSuccesseur"][number];

const numero: Colonne<Ligne> = {
  key: "numero",
  header: "Marché",
  principale: true,
  nowrap: true,
  render: (l) => (
    <Anchor component={Link} to={`/marches/${l.marcheId}`} underline="always">
      {l.numero}
    </Anchor>
  ),
};
const objet: Colonne<Ligne> = { key: "objet", header: "Objet", render: (l) => l.objet };
const direction: Colonne<Ligne> = { key: "direction", header: "Direction", render: (l) => l.directionSigle };
const fin: Colonne<Ligne> = { key: "fin", header: "Fin", nowrap: true, render: (l) => jourFr(l.dateFin) };

/** Page "/marches/veille": the portfolio watch, one tab per case. */
export default function VeillePage() {
  const veille = useQuery({ queryKey: ["marches-veille"], queryFn: () => api<VeilleOutput>("GET", "/api/marches/veille") });
  const v = veille.data;
  return (
    <Page
      title="Veille du portefeuille"
      intro="Ce qui finit bientôt sans successeur au programme, les reconductions à décider, les accords-cadres presque consommés, les avenants qui dérivent et les retards de paiement. Chaque direction en reçoit la synthèse chaque matin ouvré."
    >
      <ErrorAlert error={veille.error} title="Chargement impossible" />
      {veille.isPending && <Chargement />}
      {v && (
        <Tabs defaultValue="fins" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="fins">{`Fins sans successeur (${v.finSansSuccesseur.length})`}</Tabs.Tab>
            <Tabs.Tab value="reconductions">{`Reconductions à décider (${v.reconductionsADecider.length})`}</Tabs.Tab>
            <Tabs.Tab value="consommes">{`Accords-cadres consommés (${v.accordsCadresConsommes.length})`}</Tabs.Tab>
            <Tabs.Tab value="derives">{`Dérives d'avenants (${v.derivesAvenants.length})`}</Tabs.Tab>
            <Tabs.Tab value="retards">{`Retards de paiement (${v.retardsPaiement.length})`}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="fins" pt="md">
            <Text mb="sm">
              {`À 3 mois : ${v.finSansSuccesseur.filter((l) => l.horizonMois === 3).length} ; à 6 mois : ${v.finSansSuccesseur.filter((l) => l.horizonMois === 6).length} ; à 12 mois : ${v.finSansSuccesseur.filter((l) => l.horizonMois === 12).length}.`}
            </Text>
            <DataTable
              caption="Marchés finissant dans les 12 mois sans reconduction possible ni ligne successeur au programme"
              rows={v.finSansSuccesseur}
              rowKey={(l) => l.marcheId}
              empty={<Text>Aucun.</Text>}
              columns={[
                numero,
                objet,
                direction,
                fin,
                { key: "horizon", header: "Horizon", render: (l) => `moins de ${l.horizonMois} mois` },
              ]}
            />
          </Tabs.Panel>
          <Tabs.Panel value="reconductions" pt="md">
            <DataTable
              caption="Reconductions à décider dans les 4 mois"
              rows={v.reconductionsADecider}
              rowKey={(l) => l.marcheId}
              empty={<Text>Aucune.</Text>}
              columns={[
                numero,
                objet,
                direction,
                fin,
                { key: "restantes", header: "Reconductions possibles", render: (l) => String(l.reconductionsRestantes) },
              ]}
            />
          </Tabs.Panel>
          <Tabs.Panel value="consommes" pt="md">
            <DataTable
              caption="Accords-cadres consommés à 80 % ou plus de leur maximum"
              rows={v.accordsCadresConsommes}
              rowKey={(l) => l.marcheId}
              empty={<Text>Aucun.</Text>}
              columns={[
                numero,
                objet,
                direction,
                { key: "conso", header: "Consommé / maximum HT", render: (l) => `${euros(l.consommeHt)} / ${euros(l.maximumHt)}` },
                { key: "taux", header: "Taux", nowrap: true, render: (l) => `${(l.tauxConsommation ?? 0).toLocaleString("fr-FR")} %` },
              ]}
            />
          </Tabs.Panel>
          <Tabs.Panel value="derives" pt="md">
            <DataTable
              caption="Marchés dont les avenants dépassent 5 % du montant initial ou ont été passés contre l'avis du moteur"
              rows={v.derivesAvenants}
              rowKey={(l) => l.marcheId}
              empty={<Text>Aucune.</Text>}
              columns={[
                numero,
                objet,
                direction,
                {
                  key: "cumul",
                  header: "Cumul des avenants",
                  render: (l) => `${euros(l.montantModificationsHt)} (${l.pourcentageCumule.toLocaleString("fr-FR")} %)`,
                },
                { key: "hors", header: "Hors moteur", render: (l) => String(l.modificationsHorsMoteur) },
              ]}
            />
          </Tabs.Panel>
          <Tabs.Panel value="retards" pt="md">
            <DataTable
              caption="Factures échues impayées et paiements en retard sur 12 mois"
              rows={v.retardsPaiement}
              rowKey={(l) => l.marcheId}
              empty={<Text>Aucun.</Text>}
              columns={[
                numero,
                objet,
                direction,
                { key: "impayees", header: "Échues impayées", render: (l) => String(l.facturesImpayeesEchues) },
                { key: "retard", header: "Payées en retard", render: (l) => String(l.facturesEnRetard) },
                { key: "interets", header: "Intérêts moratoires", nowrap: true, render: (l) => eurosCentimes(l.interetsMoratoires) },
              ]}
            />
          </Tabs.Panel>
        </Tabs>
      )}
    </Page>
  );
}
