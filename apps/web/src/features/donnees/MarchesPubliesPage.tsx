import { Button, Group, NativeSelect, SimpleGrid, Text, TextInput } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useSearchParams } from "react-router";
import type { MarchePublieOutput, MarchesPubliesPage as PageMarches } from "@achat-public/contracts";
import { api, query } from "../../lib/api";
import { Chargement } from "../../ui/Chargement";
import { DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Page } from "../../ui/Page";
import { Pagination } from "../../ui/Pagination";
import { euros, jourFr } from "./format";

const CHAMPS = ["recherche", "cpv", "acheteur", "titulaire", "departement", "montantMin", "montantMax", "du", "au"] as const;
const TRIS = [
  { value: "date-desc", label: "Notification la plus récente" },
  { value: "date-asc", label: "Notification la plus ancienne" },
  { value: "montant-desc", label: "Montant décroissant" },
  { value: "montant-asc", label: "Montant croissant" },
];

/** Page "/donnees/marches" (public): search over the DECP of every buyer, imported; the filters are in the address. */
export default function MarchesPubliesPage() {
  const [params, setParams] = useSearchParams();
  const filtres = Object.fromEntries(CHAMPS.map((c) => [c, params.get(c) ?? ""])) as Record<(typeof CHAMPS)[number], string>;
  const [saisie, setSaisie] = useState(filtres);
  const tri = params.get("tri") ?? "date-desc";
  const page = Math.max(1, Number(params.get("page")) || 1);
  const parPage = 20;
  const resultats = useQuery({
    queryKey: ["decp-marches", filtres, tri, page],
    queryFn: () => api<PageMarches>("GET", `/api/public/decp/marches${query({ ...filtres, tri, page, parPage })}`),
    placeholderData: keepPreviousData,
  });
  const changer = (changes: Record<string, string | number>) =>
    setParams((courant) => {
      const suivant = new URLSearchParams(courant);
      if (!("page" in changes)) suivant.delete("page");
      for (const [k, v] of Object.entries(changes)) {
        if (v === "" || (k === "page" && v === 1)) suivant.delete(k);
        else suivant.set(k, String(v));
      }
      return suivant;
    });
  const chercher = (e: FormEvent) => {
    e.preventDefault();
    changer(saisie);
  };
  const champ = (nom: (typeof CHAMPS)[number], label: string, aide?: string, type = "text") => (
    <TextInput
      label={label}
      description={aide}
      type={type}
      value={saisie[nom]}
      onChange={(e) => setSaisie({ ...saisie, [nom]: e.currentTarget.value })}
    />
  );
  const total = resultats.data?.total ?? 0;
  return (
    <Page
      title="Marchés publiés (DECP)"
      intro={
        <Text>
          Les données essentielles des marchés publics publiées par tous les acheteurs et importées ici (une ligne par marché et par
          titulaire). Les défauts relevés à l'import sont comptés dans la colonne « Défauts ».
        </Text>
      }
    >
      <form onSubmit={chercher} aria-label="Recherche dans les marchés publiés">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          {champ("recherche", "Mots de l'objet ou du titulaire", "Sans tenir compte des accents")}
          {champ("cpv", "Début du code CPV", "Par exemple 45 ou 4521")}
          {champ("departement", "Département", "Par exemple 94")}
          {champ("acheteur", "SIRET de l'acheteur")}
          {champ("titulaire", "SIRET du titulaire")}
          {champ("montantMin", "Montant HT minimal (€)", undefined, "number")}
          {champ("montantMax", "Montant HT maximal (€)", undefined, "number")}
          {champ("du", "Notifié à partir du", undefined, "date")}
          {champ("au", "Notifié jusqu'au", undefined, "date")}
        </SimpleGrid>
        <Group mt="md" align="flex-end">
          <Button type="submit">Rechercher</Button>
          <NativeSelect label="Tri" data={TRIS} value={tri} onChange={(e) => changer({ tri: e.currentTarget.value })} />
        </Group>
      </form>
      <ErrorAlert error={resultats.error} title="Recherche impossible" />
      {resultats.isPending ? (
        <Chargement />
      ) : (
        <>
          <Pagination
            element={["marché", "marchés"]}
            total={total}
            page={page}
            parPage={parPage}
            onPage={(p) => changer({ page: p })}
            label="Pages des marchés publiés"
          />
          {resultats.data?.totalPlafonne && (
            <Text size="sm">
              Plus de {total.toLocaleString("fr-FR")} résultats (environ {resultats.data.totalEstime.toLocaleString("fr-FR")}) : précisez la
              recherche.
            </Text>
          )}
          <DataTable<MarchePublieOutput>
            caption="Marchés publiés correspondant à la recherche"
            rows={resultats.data?.marches ?? []}
            rowKey={(m) => `${m.acheteurId}/${m.marcheId}/${m.titulaireId}`}
            empty={<Text>Aucun marché ne correspond à cette recherche.</Text>}
            columns={[
              { key: "objet", header: "Objet", principale: true, render: (m) => m.objet ?? "(sans objet publié)" },
              { key: "acheteur", header: "Acheteur", render: (m) => m.acheteurNom ?? m.acheteurId },
              { key: "titulaire", header: "Titulaire", render: (m) => m.titulaireNom ?? (m.titulaireId || "—") },
              { key: "cpv", header: "CPV", nowrap: true, render: (m) => m.codeCpv ?? "—" },
              { key: "dep", header: "Dép.", render: (m) => m.departement ?? "—" },
              { key: "montant", header: "Montant HT", nowrap: true, render: (m) => euros(m.montantHt) },
              { key: "date", header: "Notification", nowrap: true, render: (m) => jourFr(m.dateNotification) },
              { key: "offres", header: "Offres", render: (m) => (m.offresRecues === null ? "—" : String(m.offresRecues)) },
              { key: "defauts", header: "Défauts", render: (m) => String(m.avertissements) },
            ]}
          />
        </>
      )}
    </Page>
  );
}
