import { Alert, Button, Text } from "@mantine/core";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { TachesPage as TachesPageData } from "@achat-public/contracts";
import { api, query } from "../../lib/api";
import { formatInstant } from "../../lib/format";
import { SUCCESS } from "../../ui/colors";
import { Chargement } from "../../ui/Chargement";
import { DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Page } from "../../ui/Page";
import { Pagination } from "../../ui/Pagination";
import { Donnees } from "../audit/Donnees";
import { TACHES } from "./libelles";

type Tache = TachesPageData["taches"][number];
const PER_PAGE = 50;

/** Page "/taches": background tasks that failed after all their attempts, and their retry. */
export default function TachesPage() {
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [enCours, setEnCours] = useState<string | null>(null);
  const [erreur, setErreur] = useState<unknown>(null);
  const [relancee, setRelancee] = useState<string | null>(null);
  const liste = useQuery({
    queryKey: ["taches-en-echec", page],
    queryFn: () => api<TachesPageData>("GET", `/api/taches/en-echec${query({ page, parPage: PER_PAGE })}`),
    placeholderData: keepPreviousData,
  });

  const relancer = async (tache: Tache) => {
    setEnCours(tache.id);
    setErreur(null);
    setRelancee(null);
    try {
      await api("POST", `/api/taches/en-echec/${tache.id}/relance`);
      setRelancee(TACHES[tache.tache] ?? tache.tache);
      await queryClient.invalidateQueries({ queryKey: ["taches-en-echec"] });
    } catch (e) {
      setErreur(e);
    } finally {
      setEnCours(null);
    }
  };

  return (
    <Page
      title="Tâches en échec"
      intro={
        <Text>
          Les tâches de fond (envoi des courriels, points d'ancrage du journal, effacements planifiés) sont réessayées automatiquement.
          Celles qui ont échoué à chaque tentative attendent ici : corrigez la cause, puis relancez-les.
        </Text>
      }
    >
      <div aria-live="polite">
        <ErrorAlert error={erreur} title="Relance refusée" />
        {relancee && (
          <Alert color={SUCCESS} variant="outline" title="Tâche relancée">
            « {relancee} » est de nouveau dans la file : elle sera exécutée dans quelques instants.
          </Alert>
        )}
      </div>
      <ErrorAlert error={liste.error} title="Chargement impossible" />
      {liste.isPending && <Chargement />}
      {liste.data && (
        <>
          <Pagination
            element={["tâche en échec", "tâches en échec"]}
            total={liste.data.total}
            page={page}
            parPage={PER_PAGE}
            onPage={setPage}
            label="Pages des tâches en échec"
          />
          <DataTable<Tache>
            caption="Tâches en échec, de la plus récente à la plus ancienne"
            rows={liste.data.taches}
            rowKey={(t) => t.id}
            minWidth={900}
            empty={<Text>Aucune tâche en échec : toutes les tâches de fond ont abouti.</Text>}
            columns={[
              { key: "tache", header: "Tâche", principale: true, render: (t) => TACHES[t.tache] ?? t.tache },
              { key: "date", header: "Échec le", render: (t) => formatInstant(t.echoueLe) },
              { key: "erreur", header: "Erreur", render: (t) => t.erreur ?? "—" },
              { key: "donnees", header: "Données", render: (t) => <Donnees donnees={t.donnees} type={t.tache} /> },
              {
                key: "actions",
                header: "Relancer",
                actions: true,
                render: (t) => (
                  <Button size="compact-sm" variant="light" loading={enCours === t.id} onClick={() => void relancer(t)}>
                    Relancer<span className="visually-hidden-inline"> la tâche {TACHES[t.tache] ?? t.tache}</span>
                  </Button>
                ),
              },
            ]}
          />
        </>
      )}
    </Page>
  );
}
