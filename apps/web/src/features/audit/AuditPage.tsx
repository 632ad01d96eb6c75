import { DANGER } from "../../ui/colors";
import { Alert, Button, Code, Group, Loader, NativeSelect, Pagination, Table, Text, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { AuditPage as AuditPageData, AuditVerification } from "@achat-public/contracts";
import { api, query } from "../../lib/api";
import { formatInstant, plural } from "../../lib/format";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Page } from "../../ui/Page";

interface Filters {
  type: string;
  acteur: string;
  agregatId: string;
  du: string;
  au: string;
}

const EMPTY: Filters = { type: "", acteur: "", agregatId: "", du: "", au: "" };
const PER_PAGE = 50;

export function AuditPage() {
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [page, setPage] = useState(1);
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const [verifyError, setVerifyError] = useState<unknown>(null);
  const [verifying, setVerifying] = useState(false);

  const events = useQuery({
    queryKey: ["audit", filters, page],
    queryFn: () => api<AuditPageData>("GET", `/api/audit/evenements${query({ ...filters, page, parPage: PER_PAGE })}`),
  });

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
  const pages = events.data ? Math.max(1, Math.ceil(events.data.total / PER_PAGE)) : 1;

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
            <Alert color="green.9" variant="outline" title="Chaîne intègre">
              {plural(verification.evenementsVerifies, "événement vérifié", "événements vérifiés")} : aucune rupture.
            </Alert>
          ) : (
            <Alert color={DANGER} variant="outline" title="Chaîne rompue">
              Première rupture au maillon n° {verification.premiereRupture?.seq} (événement {verification.premiereRupture?.id}) :{" "}
              {verification.premiereRupture?.raison === "hash-mismatch" ? "contenu modifié" : "maillon supprimé, inséré ou réordonné"}.
            </Alert>
          ))}
      </div>

      <form onSubmit={apply} aria-label="Filtrer le journal">
        <Group align="flex-end">
          <NativeSelect
            label="Type d'événement"
            value={draft.type}
            onChange={set("type")}
            data={[{ value: "", label: "Tous" }, ...(events.data?.types ?? []).map((t) => ({ value: t.type, label: t.libelle }))]}
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
      {events.isPending && <Loader aria-label="Chargement" />}
      {events.data && (
        <>
          <Text aria-live="polite">{plural(events.data.total, "événement")}</Text>
          <Table.ScrollContainer minWidth={900}>
            <Table striped verticalSpacing="xs">
              <Table.Caption>Événements du plus récent au plus ancien</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">N°</Table.Th>
                  <Table.Th scope="col">Date</Table.Th>
                  <Table.Th scope="col">Acteur</Table.Th>
                  <Table.Th scope="col">Type</Table.Th>
                  <Table.Th scope="col">Objet</Table.Th>
                  <Table.Th scope="col">Données</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {events.data.evenements.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>{e.seq}</Table.Td>
                    <Table.Td>{formatInstant(e.date)}</Table.Td>
                    <Table.Td>{e.acteur}</Table.Td>
                    <Table.Td>
                      <Code>{e.type}</Code>
                    </Table.Td>
                    <Table.Td>
                      {e.agregatType} <Code>{e.agregatId.slice(0, 8)}</Code>
                    </Table.Td>
                    <Table.Td>
                      <details>
                        <summary>Voir</summary>
                        <pre className="json-view">{JSON.stringify(e.donnees, null, 2)}</pre>
                      </details>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {pages > 1 && (
            <nav aria-label="Pages du journal">
              <Pagination
                total={pages}
                value={page}
                onChange={setPage}
                getControlProps={(c) => ({
                  "aria-label":
                    c === "previous"
                      ? "Page précédente"
                      : c === "next"
                        ? "Page suivante"
                        : c === "first"
                          ? "Première page"
                          : "Dernière page",
                })}
              />
            </nav>
          )}
        </>
      )}
    </Page>
  );
}
