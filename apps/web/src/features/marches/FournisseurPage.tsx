import { Anchor, List, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import type { Fiche360Output } from "@achat-public/contracts";
import { api } from "../../lib/api";
import { Chargement } from "../../ui/Chargement";
import { DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Page } from "../../ui/Page";
import { CATEGORIES, LOCALISATIONS } from "./FournisseursPage";
import { euros, eurosCentimes, jourFr, ROLES } from "./format";

/** Page "/fournisseurs/:id": the supplier's 360 page. */
export default function FournisseurPage() {
  const { id = "" } = useParams();
  const fiche = useQuery({ queryKey: ["fournisseur", id], queryFn: () => api<Fiche360Output>("GET", `/api/fournisseurs/${id}`) });
  if (fiche.isPending)
    return (
      <Page title="Fiche fournisseur">
        <Chargement />
      </Page>
    );
  if (!fiche.data)
    return (
      <Page title="Fiche fournisseur">
        <ErrorAlert error={fiche.error} title="Chargement impossible" />
      </Page>
    );
  const f = fiche.data;
  const p = f.paiements;
  return (
    <Page title={f.fournisseur.nom} intro={`SIRET ${f.fournisseur.siret} — SIREN ${f.fournisseur.siren}`}>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Text>{`Implantation : ${LOCALISATIONS[f.fournisseur.localisation]}${f.fournisseur.codeCommune ? ` (commune ${f.fournisseur.codeCommune})` : ""}`}</Text>
        <Text>{`Catégorie : ${f.fournisseur.categorie ? CATEGORIES[f.fournisseur.categorie] : "non renseignée"}`}</Text>
        <Text>{`Statut inclusif : ${f.fournisseur.statutInclusif?.toUpperCase() ?? "aucun"}`}</Text>
      </SimpleGrid>
      <Stack gap="xs">
        <Title order={2} size="h3">
          Délais de paiement subis
        </Title>
        <List>
          <List.Item>{`${p.nombrePayees} facture(s) payée(s) sur ${p.nombreFactures} ; délai moyen ${p.delaiMoyenJours === null ? "—" : `${p.delaiMoyenJours.toLocaleString("fr-FR")} jours`}`}</List.Item>
          <List.Item>{`${p.nombreEnRetard} paiement(s) en retard ; intérêts moratoires ${eurosCentimes(p.interetsMoratoires)}, indemnités forfaitaires ${eurosCentimes(p.indemnitesForfaitaires)}`}</List.Item>
        </List>
      </Stack>
      <DataTable
        caption="Montants par année : notifiés (HT) et payés (TTC)"
        rows={f.montantsParAnnee}
        rowKey={(a) => String(a.annee)}
        empty={<Text>Aucun montant.</Text>}
        columns={[
          { key: "annee", header: "Année", principale: true, render: (a) => String(a.annee) },
          { key: "notifie", header: "Notifié HT", render: (a) => euros(a.notifieHt) },
          { key: "paye", header: "Payé TTC", render: (a) => euros(a.payeTtc) },
        ]}
      />
      <DataTable
        caption="Marchés tenus"
        rows={f.marches}
        rowKey={(m) => `${m.id}-${m.role}`}
        empty={<Text>Aucun marché.</Text>}
        columns={[
          {
            key: "numero",
            header: "Marché",
            principale: true,
            render: (m) => (
              <Anchor component={Link} to={`/marches/${m.id}`} underline="always">
                {m.numero}
              </Anchor>
            ),
          },
          { key: "objet", header: "Objet", render: (m) => m.objet },
          { key: "role", header: "Rôle", render: (m) => ROLES[m.role] ?? m.role },
          { key: "notification", header: "Notifié le", nowrap: true, render: (m) => jourFr(m.dateNotification) },
          {
            key: "montant",
            header: "Montant HT",
            nowrap: true,
            render: (m) => (m.montantHt === null ? `max. ${euros(m.montantMaxHt)}` : euros(m.montantHt)),
          },
        ]}
      />
      <Stack gap="xs">
        <Title order={2} size="h3">
          Offres déposées et gagnées
        </Title>
        <DataTable
          caption={`Offres déposées et gagnées : ${f.offres.gagnees} lot(s) gagné(s) sur ${f.offres.deposees} offre(s) déposée(s)`}
          rows={f.offres.dernieres}
          rowKey={(o) => `${o.procedureId}-${o.lotNumero}`}
          empty={<Text>Aucune offre déposée sur les procédures du département.</Text>}
          columns={[
            { key: "reference", header: "Procédure", principale: true, render: (o) => o.reference },
            { key: "objet", header: "Objet", render: (o) => o.objet },
            { key: "lot", header: "Lot", render: (o) => String(o.lotNumero) },
            { key: "prix", header: "Prix HT", nowrap: true, render: (o) => eurosCentimes(o.prixHt) },
            { key: "gagnee", header: "Résultat", render: (o) => (o.gagnee ? "Gagnée" : "Non retenue") },
          ]}
        />
      </Stack>
      <DataTable
        caption="Évaluations à la clôture (1 à 5)"
        rows={f.evaluations}
        rowKey={(e) => e.marcheId}
        empty={<Text>Aucune évaluation.</Text>}
        columns={[
          { key: "numero", header: "Marché", principale: true, render: (e) => e.numero },
          { key: "date", header: "Clos le", render: (e) => jourFr(e.dateCloture) },
          { key: "qualite", header: "Qualité", render: (e) => String(e.qualite) },
          { key: "delais", header: "Délais", render: (e) => String(e.delais) },
          { key: "relation", header: "Relation", render: (e) => String(e.relation) },
        ]}
      />
      {f.etablissements.length > 0 && (
        <Stack gap="xs">
          <Title order={2} size="h3">
            Autres établissements de l'entreprise
          </Title>
          <List>
            {f.etablissements.map((e) => (
              <List.Item key={e.id}>
                <Anchor component={Link} to={`/fournisseurs/${e.id}`} underline="always">{`${e.nom} (${e.siret})`}</Anchor>
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Page>
  );
}
