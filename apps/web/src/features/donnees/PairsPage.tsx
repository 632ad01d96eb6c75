import { Button, Group, SimpleGrid, Text, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useSearchParams } from "react-router";
import type { PairsOutput } from "@achat-public/contracts";
import { api, query } from "../../lib/api";
import { Chargement } from "../../ui/Chargement";
import { DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Page } from "../../ui/Page";
import { nombre, pourcent } from "./format";

/** Page "/donnees/pairs": one buyer against the other buyers of the imported data. */
export default function PairsPage() {
  const [params, setParams] = useSearchParams();
  const acheteur = params.get("acheteur") ?? "";
  const cpv = params.get("cpv") ?? "";
  const [saisie, setSaisie] = useState({ acheteur, cpv });
  const resultat = useQuery({
    queryKey: ["decp-pairs", acheteur, cpv],
    queryFn: () => api<PairsOutput>("GET", `/api/decp/pairs${query({ acheteur, cpv })}`),
    enabled: acheteur !== "",
    retry: false,
  });
  const envoyer = (e: FormEvent) => {
    e.preventDefault();
    setParams(new URLSearchParams(Object.entries(saisie).filter(([, v]) => v !== "")));
  };
  const d = resultat.data;
  const lignes = d
    ? [
        { id: "marches", libelle: "Marchés", lui: nombre(d.acheteur.marches, 0), pairs: nombre(d.pairs.mediane.marches, 0) },
        {
          id: "offres",
          libelle: "Offres par marché",
          lui: nombre(d.acheteur.offresParMarche),
          pairs: nombre(d.pairs.mediane.offresParMarche),
        },
        {
          id: "unique",
          libelle: "Part des marchés sur une seule offre",
          lui: pourcent(d.acheteur.partOffreUnique),
          pairs: pourcent(d.pairs.mediane.partOffreUnique),
        },
        {
          id: "pme",
          libelle: "Part des PME (non publiée dans les DECP)",
          lui: pourcent(d.acheteur.partPme),
          pairs: pourcent(d.pairs.mediane.partPme),
        },
        {
          id: "modif",
          libelle: "Marchés modifiés",
          lui: pourcent(d.acheteur.tauxModification),
          pairs: pourcent(d.pairs.mediane.tauxModification),
        },
        {
          id: "delai",
          libelle: "Délai de publication (jours, médiane)",
          lui: nombre(d.acheteur.delaiPublicationJours, 0),
          pairs: nombre(d.pairs.mediane.delaiPublicationJours, 0),
        },
      ]
    : [];
  return (
    <Page
      title="Comparaison entre acheteurs"
      intro={
        <Text>Un acheteur face aux autres acheteurs des données essentielles importées (médiane des acheteurs d'au moins 5 marchés).</Text>
      }
    >
      <form onSubmit={envoyer} aria-label="Acheteur à comparer">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="SIRET de l'acheteur"
            required
            value={saisie.acheteur}
            onChange={(e) => setSaisie({ ...saisie, acheteur: e.currentTarget.value })}
          />
          <TextInput
            label="Début du code CPV (facultatif)"
            value={saisie.cpv}
            onChange={(e) => setSaisie({ ...saisie, cpv: e.currentTarget.value })}
          />
        </SimpleGrid>
        <Group mt="md">
          <Button type="submit">Comparer</Button>
        </Group>
      </form>
      <ErrorAlert error={resultat.error} title="Comparaison impossible" />
      {acheteur === "" ? null : resultat.isPending ? (
        <Chargement />
      ) : d ? (
        <DataTable
          caption={`${d.acheteurNom ?? d.acheteurId} face à ${d.pairs.acheteurs} autres acheteurs`}
          rows={lignes}
          rowKey={(l) => l.id}
          columns={[
            { key: "libelle", header: "Indicateur", principale: true, render: (l) => l.libelle },
            { key: "lui", header: "Cet acheteur", render: (l) => l.lui },
            { key: "pairs", header: "Médiane des autres", render: (l) => l.pairs },
          ]}
        />
      ) : null}
    </Page>
  );
}
