import { Button, Group, NativeSelect, Text, TextInput } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { SecuritePage as SecuritePageData } from "@achat-public/contracts";
import { api, query } from "../../lib/api";
import { formatInstant, plural } from "../../lib/format";
import { Chargement } from "../../ui/Chargement";
import { DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Page } from "../../ui/Page";
import { Pagination } from "../../ui/Pagination";
import { Donnees } from "./Donnees";
import { TYPES_SECURITE } from "./securite";

type Evenement = SecuritePageData["evenements"][number];

interface Filters {
  type: string;
  du: string;
  au: string;
}
const EMPTY: Filters = { type: "", du: "", au: "" };
const PER_PAGE = 50;

/** Page "/securite": refused or blocked logins, refused accesses, forged requests: who, from where, when. */
export default function SecuritePage() {
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [page, setPage] = useState(1);
  const events = useQuery({
    queryKey: ["securite", filters, page],
    queryFn: () => api<SecuritePageData>("GET", `/api/securite/evenements${query({ ...filters, page, parPage: PER_PAGE })}`),
    placeholderData: keepPreviousData,
  });
  const set = (name: keyof Filters) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setDraft((d) => ({ ...d, [name]: value }));
  };
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
    setPage(1);
  };

  return (
    <Page
      title="Événements de sécurité"
      intro={
        <Text>
          Connexions refusées ou bloquées, accès refusés, requêtes rejetées par la protection anti-falsification.
          {events.data && ` Ils sont conservés ${plural(events.data.conservationJours, "jour")}, puis effacés automatiquement.`}
        </Text>
      }
    >
      <form onSubmit={apply} aria-label="Filtrer les événements de sécurité">
        <Group align="flex-end">
          <NativeSelect
            label="Type d'événement"
            value={draft.type}
            onChange={set("type")}
            data={[{ value: "", label: "Tous" }, ...TYPES_SECURITE.map((t) => ({ value: t.type, label: t.libelle }))]}
          />
          <TextInput label="Du" type="date" value={draft.du} onChange={set("du")} />
          <TextInput label="Au" type="date" value={draft.au} onChange={set("au")} />
          <Button type="submit">Filtrer</Button>
          <Button
            variant="default"
            onClick={() => {
              setDraft(EMPTY);
              setFilters(EMPTY);
              setPage(1);
            }}
          >
            Effacer
          </Button>
        </Group>
      </form>
      <ErrorAlert error={events.error} title="Chargement impossible" />
      {events.isPending && <Chargement />}
      {events.data && (
        <>
          <Pagination
            element={["événement", "événements"]}
            total={events.data.total}
            page={page}
            parPage={PER_PAGE}
            onPage={setPage}
            label="Pages des événements de sécurité"
          />
          <DataTable<Evenement>
            caption="Événements de sécurité, du plus récent au plus ancien"
            rows={events.data.evenements}
            rowKey={(e) => String(e.seq)}
            minWidth={960}
            empty={<Text>Aucun événement de sécurité ne correspond à ces filtres.</Text>}
            columns={[
              { key: "libelle", header: "Événement", principale: true, render: (e) => e.libelle },
              { key: "date", header: "Date", render: (e) => formatInstant(e.date) },
              { key: "acteur", header: "Compte", render: (e) => e.acteur ?? "Inconnu (non connecté)" },
              { key: "adresse", header: "Adresse IP", nowrap: true, render: (e) => e.adresse ?? "—" },
              { key: "route", header: "Requête", render: (e) => e.route ?? "—" },
              { key: "details", header: "Détails", render: (e) => <Donnees donnees={e.details} type={e.type} /> },
            ]}
          />
        </>
      )}
    </Page>
  );
}
