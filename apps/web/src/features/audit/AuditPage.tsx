import { Alert, Button, Group, NativeSelect, Text, TextInput } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo, useState, type FormEvent } from "react";
import type { AuditEvenement, AuditPage as AuditPageData, AuditVerification } from "@achat-public/contracts";
import { api, query } from "../../lib/api";
import { formatInstant, plural, sortFr } from "../../lib/format";
import { DANGER, SUCCESS } from "../../ui/colors";
import { Chargement } from "../../ui/Chargement";
import { DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Page } from "../../ui/Page";
import { Pagination } from "../../ui/Pagination";
import { useSession } from "../auth/session";
import { organisationQuery } from "../organisation/requetes";
import { Donnees } from "./Donnees";
import { decrireObjet, type Noms } from "./donnees";

interface Filters {
  type: string;
  acteur: string;
  agregatId: string;
  du: string;
  au: string;
}

const EMPTY: Filters = { type: "", acteur: "", agregatId: "", du: "", au: "" };
const PER_PAGE = 50;

const RAISONS: Record<NonNullable<AuditVerification["premiereRupture"]>["raison"], string> = {
  "hash-mismatch": "le contenu d'un événement a été modifié",
  "prev-hash-mismatch": "un événement a été supprimé, inséré ou déplacé",
  "checkpoint-mismatch": "le journal ne correspond plus à son dernier point d'ancrage signé",
  "tail-truncated": "des événements récents ont été supprimés depuis le dernier point d'ancrage",
  "checkpoint-signature": "la signature du point d'ancrage est invalide",
};

/** Page "/audit": who changed what and when, in French; the chain of fingerprints can be checked. */
export default function AuditPage() {
  const { can } = useSession();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [page, setPage] = useState(1);
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const [verifyError, setVerifyError] = useState<unknown>(null);
  const [verifying, setVerifying] = useState(false);

  const events = useQuery({
    queryKey: ["audit", filters, page],
    queryFn: () => api<AuditPageData>("GET", `/api/audit/evenements${query({ ...filters, page, parPage: PER_PAGE })}`),
    placeholderData: keepPreviousData,
  });
  const organisation = useQuery({ ...organisationQuery, enabled: can("organisation.read") });
  const noms: Noms = useMemo(() => {
    const directions = organisation.data?.directions ?? [];
    return {
      directions: new Map(directions.map((d) => [d.id, `${d.nom} (${d.sigle})`])),
      services: new Map(directions.flatMap((d) => d.services.map((s) => [s.id, `${s.nom} (${d.sigle})`] as const))),
    };
  }, [organisation.data]);
  const types = useMemo(() => sortFr(events.data?.types ?? [], (t) => t.libelle), [events.data?.types]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
    setPage(1);
  };

  const verify = async () => {
    setVerifying(true);
    setVerifyError(null);
    try {
      setVerification(await api<AuditVerification>("GET", "/api/audit/verification"));
    } catch (e) {
      setVerifyError(e);
    } finally {
      setVerifying(false);
    }
  };

  const set = (name: keyof Filters) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setDraft((d) => ({ ...d, [name]: value }));
  };

  return (
    <Page
      title="Journal d'audit"
      intro={
        <Text>
          Chaque écriture est tracée : qui, quand, quoi. Les événements sont chaînés par empreinte SHA-256 et ne peuvent être ni modifiés ni
          supprimés.
        </Text>
      }
    >
      <Group>
        <Button variant="light" onClick={verify} loading={verifying}>
          Vérifier l'intégrité de la chaîne
        </Button>
      </Group>
      <div aria-live="polite">
        <ErrorAlert error={verifyError} title="Vérification impossible" />
        {verification &&
          (verification.ok ? (
            <Alert color={SUCCESS} variant="outline" title="Chaîne intègre">
              {plural(verification.evenementsVerifies, "événement vérifié", "événements vérifiés")} : aucune rupture.{" "}
              {verification.dernierAncrage
                ? `Dernier point d'ancrage signé : événement n° ${verification.dernierAncrage.seq}, le ${formatInstant(verification.dernierAncrage.date)}${
                    verification.dernierAncrage.verifie ? ", signature vérifiée." : ", signature non vérifiée."
                  }`
                : "Aucun point d'ancrage signé n'a encore été écrit hors de la base."}
            </Alert>
          ) : (
            <Alert color={DANGER} variant="outline" title="Chaîne rompue">
              Première rupture à l'événement n° {verification.premiereRupture?.seq} :{" "}
              {verification.premiereRupture ? RAISONS[verification.premiereRupture.raison] : "raison inconnue"}.
            </Alert>
          ))}
      </div>

      <form onSubmit={apply} aria-label="Filtrer le journal">
        <Group align="flex-end">
          <NativeSelect
            label="Type d'événement"
            value={draft.type}
            onChange={set("type")}
            data={[{ value: "", label: "Tous" }, ...types.map((t) => ({ value: t.type, label: t.libelle }))]}
          />
          <TextInput label="Acteur" description="Partie de l'adresse" value={draft.acteur} onChange={set("acteur")} />
          <TextInput label="Identifiant de l'objet" value={draft.agregatId} onChange={set("agregatId")} />
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
            label="Pages du journal"
          />
          <DataTable<AuditEvenement>
            caption="Événements du plus récent au plus ancien"
            rows={events.data.evenements}
            rowKey={(e) => e.id}
            minWidth={1000}
            empty={<Text>Aucun événement ne correspond à ces filtres.</Text>}
            columns={[
              { key: "evenement", header: "Événement", principale: true, render: (e) => e.libelle },
              { key: "seq", header: "N°", nowrap: true, render: (e) => e.seq.toLocaleString("fr-FR") },
              { key: "date", header: "Date", render: (e) => formatInstant(e.date) },
              { key: "acteur", header: "Acteur", render: (e) => e.acteur },
              { key: "objet", header: "Objet", render: (e) => decrireObjet(e, noms) },
              {
                key: "donnees",
                header: "Détails",
                render: (e) => <Donnees donnees={e.donnees} noms={noms} type={e.type} />,
              },
            ]}
          />
        </>
      )}
    </Page>
  );
}
