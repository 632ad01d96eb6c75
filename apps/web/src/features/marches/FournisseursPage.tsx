import { Anchor, Group, NativeSelect, TextInput } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import type { FournisseursPage as Donnees } from "@achat-public/contracts";
import { api, query } from "../../lib/api";
import { Chargement } from "../../ui/Chargement";
import { DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Page } from "../../ui/Page";
import { useImport } from "./Import";
import { Pagination } from "../../ui/Pagination";
import { euros } from "./format";

type Ligne = Donnees["fournisseurs"][number];
export const LOCALISATIONS: Record<string, string> = {
  "val-de-marne": "Val-de-Marne (local)",
  "ile-de-france": "Île-de-France",
  "hors-ile-de-france": "Hors Île-de-France",
  inconnue: "Non renseignée",
};
export const CATEGORIES: Record<string, string> = { micro: "Micro", pme: "PME", eti: "ETI", ge: "Grande entreprise" };

/** Page "/fournisseurs": the supplier directory, by SIRET. */
export default function FournisseursPage() {
  const importer = useImport("fournisseurs");
  const [recherche, setRecherche] = useState("");
  const [localisation, setLocalisation] = useState("");
  const [categorie, setCategorie] = useState("");
  const [tri, setTri] = useState("nom");
  const [page, setPage] = useState(1);
  const parPage = 50;
  const liste = useQuery({
    queryKey: ["fournisseurs", recherche, localisation, categorie, tri, page],
    queryFn: () =>
      api<Donnees>(
        "GET",
        `/api/fournisseurs${query({ recherche: recherche.trim() || undefined, localisation: localisation || undefined, categorie: categorie || undefined, tri, page, parPage })}`,
      ),
    placeholderData: keepPreviousData,
  });
  return (
    <Page
      title="Fournisseurs"
      intro="L'annuaire des fournisseurs par établissement (SIRET), leur taille, leur statut inclusif et les marchés qu'ils tiennent."
      actions={importer.bouton}
    >
      {importer.panneau}
      <Group align="end" wrap="wrap">
        <TextInput
          label="Rechercher (nom ou SIRET)"
          value={recherche}
          onChange={(e) => {
            setRecherche(e.currentTarget.value);
            setPage(1);
          }}
        />
        <NativeSelect
          label="Implantation"
          value={localisation}
          onChange={(e) => {
            setLocalisation(e.currentTarget.value);
            setPage(1);
          }}
          data={[
            { value: "", label: "Toutes" },
            { value: "val-de-marne", label: "Val-de-Marne (local)" },
            { value: "ile-de-france", label: "Île-de-France" },
          ]}
        />
        <NativeSelect
          label="Catégorie"
          value={categorie}
          onChange={(e) => {
            setCategorie(e.currentTarget.value);
            setPage(1);
          }}
          data={[{ value: "", label: "Toutes" }, ...Object.entries(CATEGORIES).map(([value, label]) => ({ value, label }))]}
        />
        <NativeSelect
          label="Trier par"
          value={tri}
          onChange={(e) => {
            setTri(e.currentTarget.value);
            setPage(1);
          }}
          data={[
            { value: "nom", label: "Nom" },
            { value: "-montant", label: "Montant des marchés" },
            { value: "-marches", label: "Nombre de marchés" },
          ]}
        />
      </Group>
      <ErrorAlert error={liste.error} title="Chargement impossible" />
      {liste.isPending && <Chargement />}
      {liste.data && (
        <>
          <Pagination
            element={["fournisseur", "fournisseurs"]}
            total={liste.data.total}
            page={page}
            parPage={parPage}
            onPage={setPage}
            label="Pages des fournisseurs"
          />
          <DataTable<Ligne>
            caption="Fournisseurs"
            rows={liste.data.fournisseurs}
            rowKey={(f) => f.id}
            minWidth={800}
            empty="Aucun fournisseur ne correspond à ces filtres."
            columns={[
              {
                key: "nom",
                header: "Nom",
                principale: true,
                render: (f) => (
                  <Anchor component={Link} to={`/fournisseurs/${f.id}`} underline="always">
                    {f.nom}
                  </Anchor>
                ),
              },
              { key: "siret", header: "SIRET", nowrap: true, render: (f) => f.siret },
              {
                key: "implantation",
                header: "Implantation",
                render: (f) => `${LOCALISATIONS[f.localisation]}${f.codeCommune ? ` (${f.codeCommune})` : ""}`,
              },
              { key: "categorie", header: "Catégorie", render: (f) => (f.categorie ? CATEGORIES[f.categorie] : "—") },
              { key: "inclusif", header: "Statut inclusif", render: (f) => f.statutInclusif?.toUpperCase() ?? "—" },
              { key: "marches", header: "Marchés", render: (f) => String(f.nombreMarches) },
              { key: "montant", header: "Montant HT", nowrap: true, render: (f) => euros(f.montantMarchesHt) },
            ]}
          />
        </>
      )}
    </Page>
  );
}
