import { Anchor, Button, Group, NativeSelect, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import type { LignePubliqueOutput, ProgrammePublicOutput } from "@achat-public/contracts";
import { api, query } from "../../lib/api";
import { Chargement } from "../../ui/Chargement";
import { DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Page } from "../../ui/Page";
import { Pagination } from "../../ui/Pagination";
import { ANNEES, anneeCourante, PROCEDURES } from "./libelles";

const PAR_PAGE = 50;

/**
 * Page "/programme-public" (no account needed): the published purchase programme of the year, so that
 * companies see months ahead what the département will buy; filters in the address; CSV and JSON downloads.
 */
export default function ProgrammePublicPage() {
  const [params, setParams] = useSearchParams();
  const annee = Number(params.get("annee")) || anneeCourante() + 1;
  const famille = params.get("famille") ?? "";
  const trimestre = params.get("trimestre") ?? "";
  const directionId = params.get("directionId") ?? "";
  const page = Math.max(1, Number(params.get("page")) || 1);
  const [motCle, setMotCle] = useState(params.get("motCle") ?? "");
  const [debounced] = useDebouncedValue(motCle.trim(), 300);

  const setFiltres = (changes: Record<string, string | number | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (!("page" in changes)) next.delete("page");
        for (const [key, value] of Object.entries(changes)) {
          if (value === null || value === "") next.delete(key);
          else next.set(key, String(value));
        }
        return next;
      },
      { replace: true },
    );

  const filtres = { annee, famille, trimestre, directionId, motCle: debounced };
  const filtresDispo = useQuery({
    queryKey: ["programme-public", "filtres", annee],
    queryFn: () =>
      api<{ familles: { code: string; libelle: string }[]; directions: { id: string; nom: string }[] }>(
        "GET",
        `/api/public/programme/filtres?annee=${annee}`,
      ),
  });
  const lignes = useQuery({
    queryKey: ["programme-public", filtres, page],
    queryFn: () => api<ProgrammePublicOutput>("GET", `/api/public/programme${query({ ...filtres, page, parPage: PAR_PAGE })}`),
    placeholderData: keepPreviousData,
  });
  const telecharger = (format: "csv" | "json") => `/api/public/programme/export${query({ ...filtres, format })}`;
  const data = lignes.data;

  return (
    <Page
      title="Programme public des achats"
      intro={
        <Text>
          Ce que le département prévoit d'acheter, dès le premier euro : objet, code CPV, direction, trimestre de lancement prévu,
          fourchette de valeur estimée et famille de procédure. Les montants exacts ne sont pas publiés.
        </Text>
      }
      actions={
        <Group>
          <Button component="a" variant="default" href={telecharger("csv")} download>
            Télécharger (CSV)
          </Button>
          <Button component="a" variant="default" href={telecharger("json")} download>
            Télécharger (JSON)
          </Button>
        </Group>
      }
    >
      {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is not yet exposed as a landmark by every screen reader */}
      <form role="search" aria-label="Filtrer le programme" onSubmit={(e) => e.preventDefault()}>
        <Group align="flex-end">
          <NativeSelect
            label="Année"
            value={String(annee)}
            onChange={(e) => setFiltres({ annee: e.currentTarget.value })}
            data={ANNEES().map((a) => String(a))}
          />
          <TextInput
            label="Mots de l'objet"
            type="search"
            value={motCle}
            onChange={(e) => {
              setMotCle(e.currentTarget.value);
              setFiltres({ motCle: e.currentTarget.value.trim() });
            }}
          />
          <NativeSelect
            label="Famille d'achat"
            value={famille}
            onChange={(e) => setFiltres({ famille: e.currentTarget.value })}
            data={[
              { value: "", label: "Toutes" },
              ...(filtresDispo.data?.familles ?? []).map((f) => ({ value: f.code, label: `${f.code} — ${f.libelle}` })),
            ]}
          />
          <NativeSelect
            label="Trimestre"
            value={trimestre}
            onChange={(e) => setFiltres({ trimestre: e.currentTarget.value })}
            data={[{ value: "", label: "Tous" }, ...["1", "2", "3", "4"].map((t) => ({ value: t, label: `T${t}` }))]}
          />
          <NativeSelect
            label="Direction"
            value={directionId}
            onChange={(e) => setFiltres({ directionId: e.currentTarget.value })}
            data={[{ value: "", label: "Toutes" }, ...(filtresDispo.data?.directions ?? []).map((d) => ({ value: d.id, label: d.nom }))]}
          />
        </Group>
      </form>
      <ErrorAlert error={lignes.error} title="Chargement impossible" />
      {lignes.isPending && <Chargement />}
      {data && (
        <>
          <Pagination
            element={["ligne", "lignes"]}
            total={data.total}
            page={data.page}
            parPage={data.parPage}
            onPage={(p) => setFiltres({ page: p })}
            label="Pages du programme"
          />
          <DataTable<LignePubliqueOutput>
            caption={`Programme des achats ${annee}`}
            rows={data.lignes}
            rowKey={(l) => l.id}
            minWidth={1000}
            empty={<Text>Aucune ligne publiée ne correspond à ces filtres.</Text>}
            columns={[
              {
                key: "objet",
                header: "Objet",
                principale: true,
                render: (l) => (
                  <Anchor component={Link} to={l.url} underline="always">
                    {l.objet}
                  </Anchor>
                ),
              },
              { key: "cpv", header: "CPV", nowrap: true, render: (l) => l.cpv },
              { key: "direction", header: "Direction", render: (l) => l.direction },
              { key: "trimestre", header: "Trimestre", nowrap: true, render: (l) => `T${l.trimestre}` },
              { key: "valeur", header: "Valeur estimée", render: (l) => l.fourchette.libelle },
              { key: "procedure", header: "Procédure", render: (l) => (l.familleProcedure ? PROCEDURES[l.familleProcedure] : "—") },
            ]}
          />
        </>
      )}
    </Page>
  );
}
