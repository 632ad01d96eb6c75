import { Anchor, Badge, Group, NativeSelect, TextInput } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import type { MarchesPage as MarchesData } from "@achat-public/contracts";
import { api, query } from "../../lib/api";
import { Chargement } from "../../ui/Chargement";
import { DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Page } from "../../ui/Page";
import { useImport } from "./Import";
import { Pagination } from "../../ui/Pagination";
import { euros, jourFr, STATUTS } from "./format";

type Ligne = MarchesData["marches"][number];

const TRIS = [
  { value: "-dateNotification", label: "Notification, plus récente d'abord" },
  { value: "dateFin", label: "Fin, plus proche d'abord" },
  { value: "-montant", label: "Montant, plus élevé d'abord" },
  { value: "numero", label: "Numéro" },
  { value: "objet", label: "Objet (A à Z)" },
];

/** Page "/marches": the contracts visible to the account, filtered, sorted and paged by the server. */
export default function MarchesPage() {
  const importer = useImport("marches");
  const [recherche, setRecherche] = useState("");
  const [statut, setStatut] = useState("en-cours");
  const [nature, setNature] = useState("");
  const [tri, setTri] = useState("-dateNotification");
  const [page, setPage] = useState(1);
  const [parPage, setParPage] = useState(50);
  const liste = useQuery({
    queryKey: ["marches", recherche, statut, nature, tri, page, parPage],
    queryFn: () =>
      api<MarchesData>(
        "GET",
        `/api/marches${query({ recherche: recherche.trim() || undefined, statut: statut || undefined, nature: nature || undefined, tri, page, parPage })}`,
      ),
    placeholderData: keepPreviousData,
  });
  const filtre =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  return (
    <Page title="Marchés" intro="Les marchés de votre périmètre : fiche, exécution, factures et clôture." actions={importer.bouton}>
      {importer.panneau}
      <Group align="end" wrap="wrap">
        <TextInput label="Rechercher (numéro ou objet)" value={recherche} onChange={(e) => filtre(setRecherche)(e.currentTarget.value)} />
        <NativeSelect
          label="Statut"
          value={statut}
          onChange={(e) => filtre(setStatut)(e.currentTarget.value)}
          data={[{ value: "", label: "Tous" }, ...Object.entries(STATUTS).map(([value, label]) => ({ value, label }))]}
        />
        <NativeSelect
          label="Nature"
          value={nature}
          onChange={(e) => filtre(setNature)(e.currentTarget.value)}
          data={[
            { value: "", label: "Toutes" },
            { value: "travaux", label: "Travaux" },
            { value: "services", label: "Services" },
            { value: "fournitures", label: "Fournitures" },
          ]}
        />
        <NativeSelect label="Trier par" value={tri} onChange={(e) => filtre(setTri)(e.currentTarget.value)} data={TRIS} />
      </Group>
      <ErrorAlert error={liste.error} title="Chargement impossible" />
      {liste.isPending && <Chargement />}
      {liste.data && (
        <>
          <Pagination
            element={["marché", "marchés"]}
            total={liste.data.total}
            page={page}
            parPage={parPage}
            onPage={setPage}
            onParPage={(n) => {
              setParPage(n);
              setPage(1);
            }}
            label="Pages des marchés"
          />
          <DataTable<Ligne>
            caption="Marchés"
            rows={liste.data.marches}
            rowKey={(m) => m.id}
            minWidth={900}
            empty="Aucun marché ne correspond à ces filtres."
            columns={[
              {
                key: "numero",
                header: "Numéro",
                principale: true,
                nowrap: true,
                render: (m) => (
                  <Anchor component={Link} to={`/marches/${m.id}`} underline="always">
                    {m.numero}
                  </Anchor>
                ),
              },
              { key: "objet", header: "Objet", render: (m) => m.objet },
              { key: "direction", header: "Direction", render: (m) => m.directionSigle },
              { key: "titulaire", header: "Titulaire", render: (m) => m.titulaire ?? "—" },
              {
                key: "montant",
                header: "Montant HT",
                nowrap: true,
                render: (m) => (m.accordCadre ? `max. ${euros(m.montantMaxHt)}` : euros(m.montantHt)),
              },
              { key: "fin", header: "Fin", nowrap: true, render: (m) => jourFr(m.dateFin) },
              {
                key: "statut",
                header: "Statut",
                nowrap: true,
                render: (m) => (
                  <Badge variant="outline" color="dark">
                    {STATUTS[m.statut]}
                  </Badge>
                ),
              },
            ]}
          />
        </>
      )}
    </Page>
  );
}
