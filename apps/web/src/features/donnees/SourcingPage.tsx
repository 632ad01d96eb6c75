import { Button, Group, NativeSelect, SimpleGrid, Text, TextInput, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useSearchParams } from "react-router";
import type { SourcingOutput } from "@achat-public/contracts";
import { api, query } from "../../lib/api";
import { Chargement } from "../../ui/Chargement";
import { DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Page } from "../../ui/Page";
import { Pagination } from "../../ui/Pagination";
import { euros, jourFr, nombre, pourcent } from "./format";

type Entreprise = SourcingOutput["entreprises"][number];
const DISTANCES: Record<Entreprise["distance"], string> = {
  "meme-departement": "Même département",
  "meme-region": "Même région",
  "autre-region": "Autre région",
};
const PORTEES = [
  { value: "departement", label: "Le département" },
  { value: "region", label: "Sa région" },
  { value: "france", label: "Toute la France" },
];

/** Page "/donnees/sourcing": who won contracts like ours, near us, and the usual competition for that CPV. */
export default function SourcingPage() {
  const [params, setParams] = useSearchParams();
  const cpv = params.get("cpv") ?? "";
  const departement = params.get("departement") ?? "94";
  const portee = params.get("portee") ?? "region";
  const page = Math.max(1, Number(params.get("page")) || 1);
  const [saisie, setSaisie] = useState({ cpv, departement, portee });
  const parPage = 25;
  const resultat = useQuery({
    queryKey: ["decp-sourcing", cpv, departement, portee, page],
    queryFn: () => api<SourcingOutput>("GET", `/api/decp/sourcing${query({ cpv, departement, portee, page, parPage })}`),
    enabled: cpv !== "",
    placeholderData: keepPreviousData,
  });
  const envoyer = (e: FormEvent) => {
    e.preventDefault();
    setParams(new URLSearchParams(saisie));
  };
  const c = resultat.data?.concurrence;
  return (
    <Page
      title="Sourcing"
      intro={
        <Text>
          Pour un code CPV et un territoire : les entreprises qui ont remporté des marchés semblables (données essentielles publiées par
          tous les acheteurs), à inviter ; et la concurrence habituelle, pour voir le risque d'offre unique avant de publier.
        </Text>
      }
    >
      <form onSubmit={envoyer} aria-label="Critères du sourcing">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label="Début du code CPV"
            description="Par exemple 4521 (travaux de construction de bâtiments)"
            required
            value={saisie.cpv}
            onChange={(e) => setSaisie({ ...saisie, cpv: e.currentTarget.value })}
          />
          <TextInput
            label="Département"
            required
            value={saisie.departement}
            onChange={(e) => setSaisie({ ...saisie, departement: e.currentTarget.value })}
          />
          <NativeSelect
            label="Marchés pris en compte"
            data={PORTEES}
            value={saisie.portee}
            onChange={(e) => setSaisie({ ...saisie, portee: e.currentTarget.value })}
          />
        </SimpleGrid>
        <Group mt="md">
          <Button type="submit">Chercher les entreprises</Button>
        </Group>
      </form>
      <ErrorAlert error={resultat.error} title="Sourcing impossible" />
      {cpv === "" ? null : resultat.isPending ? (
        <Chargement />
      ) : resultat.data ? (
        <>
          <Title order={2}>Concurrence habituelle</Title>
          <DataTable
            caption={`Concurrence sur les marchés CPV ${resultat.data.cpv}…`}
            rows={c ? [c] : []}
            rowKey={() => "c"}
            columns={[
              { key: "marches", header: "Marchés semblables", render: (x) => nombre(x.marches, 0) },
              { key: "avec", header: "Dont nombre d'offres publié", render: (x) => nombre(x.marchesAvecOffres, 0) },
              { key: "mediane", header: "Offres (médiane)", render: (x) => nombre(x.offresMediane) },
              { key: "moyenne", header: "Offres (moyenne)", render: (x) => nombre(x.offresMoyenne) },
              { key: "unique", header: "Attribués sur une seule offre", render: (x) => pourcent(x.partOffreUnique) },
            ]}
          />
          <Title order={2}>Entreprises</Title>
          <Text size="sm">{resultat.data.methodeDistance}</Text>
          <Pagination
            element={["entreprise", "entreprises"]}
            total={resultat.data.total}
            page={page}
            parPage={parPage}
            onPage={(p) => setParams(new URLSearchParams({ cpv, departement, portee, page: String(p) }))}
            label="Pages des entreprises"
          />
          <DataTable<Entreprise>
            caption="Entreprises ayant remporté des marchés semblables, les plus proches d'abord"
            rows={resultat.data.entreprises}
            rowKey={(e) => e.titulaireId}
            empty={<Text>Aucune entreprise : élargissez le territoire ou raccourcissez le code CPV.</Text>}
            columns={[
              { key: "nom", header: "Entreprise", principale: true, render: (e) => e.titulaireNom ?? e.titulaireId },
              { key: "siret", header: "Identifiant", nowrap: true, render: (e) => e.titulaireId },
              { key: "distance", header: "Distance", render: (e) => DISTANCES[e.distance] },
              { key: "n", header: "Marchés", render: (e) => nombre(e.attributions, 0) },
              { key: "montant", header: "Montant HT cumulé", nowrap: true, render: (e) => euros(e.montantTotalHt) },
              { key: "acheteurs", header: "Acheteurs", render: (e) => `${e.acheteurs} (${e.acheteursExemples.join(", ")})` },
              { key: "derniere", header: "Dernière attribution", nowrap: true, render: (e) => jourFr(e.derniereAttribution) },
              { key: "categorie", header: "Catégorie", render: (e) => e.categorie ?? "Inconnue" },
            ]}
          />
        </>
      ) : null}
    </Page>
  );
}
