import { Anchor, Group, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import type { IndicateursOutput, MarchesDerriereOutput } from "@achat-public/contracts";
import { CLES_INDICATEURS, type CleIndicateur, DEFINITIONS_INDICATEURS, formaterValeur } from "@achat-public/domain/pilotage";
import { api, query } from "../../lib/api";
import { formatLegalDate } from "../../lib/format";
import { Chargement } from "../../ui/Chargement";
import { DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { ExportButton } from "../../ui/ExportButton";
import { Page } from "../../ui/Page";
import { Pagination } from "../../ui/Pagination";
import { filtresDe, parametres } from "./filtres";

type Ligne = MarchesDerriereOutput["marches"][number];

/** Page "/pilotage/marches": the contracts behind one figure of the cockpit, with the same filters. */
export default function MarchesDerrierePage() {
  const [params] = useSearchParams();
  const filtres = filtresDe(params, new Date().getFullYear());
  const demande = params.get("indicateur") ?? "";
  const indicateur: CleIndicateur = (CLES_INDICATEURS as string[]).includes(demande) ? (demande as CleIndicateur) : "nombreMarchesNotifies";
  const [page, setPage] = useState(1);
  const [parPage, setParPage] = useState(50);
  const p = { ...parametres(filtres), indicateur };
  const liste = useQuery({
    queryKey: ["indicateurs-marches", p, page, parPage],
    queryFn: () => api<MarchesDerriereOutput>("GET", `/api/indicateurs/marches${query({ ...p, page, parPage })}`),
    placeholderData: keepPreviousData,
  });
  const chiffre = useQuery({
    queryKey: ["indicateurs", parametres(filtres)],
    queryFn: () => api<IndicateursOutput>("GET", `/api/indicateurs${query(parametres(filtres))}`),
  });
  const definition = DEFINITIONS_INDICATEURS[indicateur];
  const periode = {
    du: String(parametres(filtres).du ?? `${filtres.annee}-01-01`),
    au: String(parametres(filtres).au ?? `${filtres.annee}-12-31`),
  };
  const valeur = chiffre.data?.indicateurs[indicateur];
  return (
    <Page
      title={`Marchés : ${definition.libelle.toLowerCase()}`}
      intro={
        <>
          <Text>
            {valeur ? `Valeur de l'indicateur : ${formaterValeur(valeur.unite, valeur.valeur)}. ` : ""}
            {definition.definition} Formule : {definition.formule}.
          </Text>
          <Text size="sm">
            Marchés notifiés du {formatLegalDate(periode.du)} au {formatLegalDate(periode.au)}
            {filtres.montantMinHt ? `, de ${Number(filtres.montantMinHt).toLocaleString("fr-FR")} € HT ou plus` : ""}.
          </Text>
        </>
      }
      actions={
        <Group>
          <Anchor component={Link} to={`/pilotage${query(parametres({ ...filtres, mois: "", famille: "" }))}`} underline="always">
            Retour au pilotage
          </Anchor>
          <ExportButton path="/api/indicateurs/marches/export" filtres={p} quoi="la liste de ces marchés" />
        </Group>
      }
    >
      <ErrorAlert error={liste.error} title="Chargement impossible" />
      {liste.isPending && <Chargement />}
      {liste.data && (
        <>
          <DataTable<Ligne>
            caption={`Marchés comptés dans « ${definition.libelle} »`}
            rows={liste.data.marches}
            rowKey={(m) => m.id}
            minWidth={760}
            empty={<Text>Aucun marché dans cette population.</Text>}
            columns={[
              { key: "numero", header: "Numéro", render: (m) => m.numero, principale: true, nowrap: true },
              { key: "objet", header: "Objet", render: (m) => m.objet },
              { key: "date", header: "Notifié le", render: (m) => formatLegalDate(m.dateNotification), nowrap: true },
              { key: "montant", header: "Montant HT", render: (m) => formaterValeur("euros", m.montantHt), nowrap: true },
              { key: "titulaire", header: "Titulaire", render: (m) => m.titulaire ?? "—" },
            ]}
          />
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
        </>
      )}
    </Page>
  );
}
