import { Alert, Badge, Button, Group, Modal, NativeSelect, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { Courriel, CourrielsPage as CourrielsPageData } from "@achat-public/contracts";
import { api, ApiError, query } from "../../lib/api";
import { formatInstant, plural } from "../../lib/format";
import { SUCCESS } from "../../ui/colors";
import { Chargement } from "../../ui/Chargement";
import { DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Page } from "../../ui/Page";
import { Pagination } from "../../ui/Pagination";
import { useSession } from "../auth/session";
import { COULEURS_STATUT, STATUTS_COURRIEL, type StatutCourriel } from "./libelles";

type Resume = CourrielsPageData["courriels"][number];
const PER_PAGE = 50;

function Statut({ statut }: { statut: StatutCourriel }) {
  return (
    <Badge color={COULEURS_STATUT[statut]} variant="outline" tt="none">
      {STATUTS_COURRIEL[statut]}
    </Badge>
  );
}

/** Page "/courriels": the mails of the platform; without an SMTP server they are kept here, readable. */
export default function CourrielsPage() {
  const [statut, setStatut] = useState("");
  const [page, setPage] = useState(1);
  const [ouvert, setOuvert] = useState<Resume | null>(null);
  const liste = useQuery({
    queryKey: ["courriels", statut, page],
    queryFn: () => api<CourrielsPageData>("GET", `/api/courriels${query({ statut, page, parPage: PER_PAGE })}`),
    placeholderData: keepPreviousData,
  });
  const data = liste.data;

  return (
    <Page title="Courriels" intro={<Text>Les courriels que la plateforme envoie, du plus récent au plus ancien.</Text>}>
      {data &&
        (data.envoiConfigure ? (
          <Text size="sm">Un serveur d'envoi est configuré : les courriels partent, et leur état est suivi ici.</Text>
        ) : (
          <Alert color="collectivite.9" variant="outline" title="Aucun serveur d'envoi n'est configuré">
            Les courriels ne partent pas : ils sont conservés ici, lisibles, avec l'état « {STATUTS_COURRIEL.conserve} ». Pour les envoyer,
            l'exploitant définit la variable SMTP_URL du serveur.
          </Alert>
        ))}
      <CourrielEssai />
      <NativeSelect
        label="État"
        maw={360}
        value={statut}
        onChange={(e) => {
          setStatut(e.currentTarget.value);
          setPage(1);
        }}
        data={[{ value: "", label: "Tous" }, ...Object.entries(STATUTS_COURRIEL).map(([value, label]) => ({ value, label }))]}
      />
      <ErrorAlert error={liste.error} title="Chargement impossible" />
      {liste.isPending && <Chargement />}
      {data && (
        <>
          <Pagination
            element={["courriel", "courriels"]}
            total={data.total}
            page={page}
            parPage={PER_PAGE}
            onPage={setPage}
            label="Pages des courriels"
          />
          <DataTable<Resume>
            caption="Courriels de la plateforme"
            rows={data.courriels}
            rowKey={(c) => c.id}
            minWidth={960}
            empty={<Text>{statut ? "Aucun courriel dans cet état." : "La plateforme n'a encore envoyé aucun courriel."}</Text>}
            columns={[
              { key: "sujet", header: "Sujet", principale: true, render: (c) => c.sujet },
              { key: "destinataires", header: "Destinataires", render: (c) => c.destinataires.join(", ") },
              { key: "categorie", header: "Catégorie", render: (c) => c.categorie },
              { key: "statut", header: "État", render: (c) => <Statut statut={c.statut} /> },
              { key: "cree", header: "Créé le", render: (c) => formatInstant(c.creeLe) },
              {
                key: "envoi",
                header: "Envoi",
                render: (c) =>
                  c.envoyeLe
                    ? `Envoyé le ${formatInstant(c.envoyeLe)}`
                    : c.derniereErreur
                      ? `${plural(c.tentatives, "tentative")} : ${c.derniereErreur}`
                      : c.tentatives > 0
                        ? plural(c.tentatives, "tentative")
                        : "—",
              },
              {
                key: "actions",
                header: "Lire",
                actions: true,
                render: (c) => (
                  <Button size="compact-sm" variant="light" onClick={() => setOuvert(c)}>
                    Lire<span className="visually-hidden-inline"> le courriel « {c.sujet} »</span>
                  </Button>
                ),
              },
            ]}
          />
        </>
      )}
      <Detail resume={ouvert} onClose={() => setOuvert(null)} />
    </Page>
  );
}

function Detail({ resume, onClose }: { resume: Resume | null; onClose(): void }) {
  const detail = useQuery({
    queryKey: ["courriel", resume?.id],
    queryFn: () => api<Courriel>("GET", `/api/courriels/${resume?.id}`),
    enabled: resume !== null,
  });
  return (
    <Modal
      opened={resume !== null}
      onClose={onClose}
      size="xl"
      closeButtonProps={{ "aria-label": "Fermer" }}
      title={
        <Text fw={700} component="h2" size="lg" m={0}>
          {resume?.sujet ?? "Courriel"}
        </Text>
      }
    >
      <Stack gap="sm">
        <ErrorAlert error={detail.error} title="Chargement impossible" />
        {detail.isPending && <Chargement />}
        {detail.data && (
          <>
            <dl className="donnees-lisibles">
              <div>
                <dt>À</dt>
                <dd>{detail.data.destinataires.join(", ")}</dd>
              </div>
              <div>
                <dt>Créé le</dt>
                <dd>{formatInstant(detail.data.creeLe)}</dd>
              </div>
              <div>
                <dt>État</dt>
                <dd>
                  {STATUTS_COURRIEL[detail.data.statut]}
                  {detail.data.envoyeLe ? `, le ${formatInstant(detail.data.envoyeLe)}` : ""}
                </dd>
              </div>
              {detail.data.derniereErreur && (
                <div>
                  <dt>Dernière erreur</dt>
                  <dd>{detail.data.derniereErreur}</dd>
                </div>
              )}
            </dl>
            <Text fw={600} component="h3" size="md" m={0}>
              Texte du courriel
            </Text>
            <pre className="texte-courriel">{detail.data.texte}</pre>
            {detail.data.html && (
              <Text size="sm">Ce courriel a aussi une version mise en forme (HTML), de même contenu que le texte ci-dessus.</Text>
            )}
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Fermer
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

const ESSAI_LABELS = { destinataire: "Adresse du destinataire" };

/** Sends a test mail, to check the sending configuration (or, without one, to see a mail kept here). */
function CourrielEssai() {
  const { utilisateur } = useSession();
  const queryClient = useQueryClient();
  const [destinataire, setDestinataire] = useState(utilisateur?.email ?? "");
  const [erreur, setErreur] = useState<unknown>(null);
  const [envoi, setEnvoi] = useState(false);
  const [envoye, setEnvoye] = useState<string | null>(null);
  const envoyer = async (event: FormEvent) => {
    event.preventDefault();
    setEnvoi(true);
    setErreur(null);
    setEnvoye(null);
    try {
      await api("POST", "/api/courriels/essai", { destinataire });
      setEnvoye(destinataire);
      await queryClient.invalidateQueries({ queryKey: ["courriels"] });
    } catch (e) {
      setErreur(e);
    } finally {
      setEnvoi(false);
    }
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="courriel-essai">
      <form onSubmit={envoyer} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="courriel-essai">
            Courriel d'essai
          </Title>
          <ErrorAlert error={erreur} title="Essai refusé" labels={ESSAI_LABELS} fieldId={() => "courriel-essai-destinataire"} />
          <Group align="flex-end">
            <TextInput
              id="courriel-essai-destinataire"
              label={ESSAI_LABELS.destinataire}
              type="email"
              autoComplete="email"
              value={destinataire}
              onChange={(e) => setDestinataire(e.currentTarget.value)}
              error={erreur instanceof ApiError ? erreur.fieldError("destinataire") : undefined}
            />
            <Button type="submit" variant="light" loading={envoi}>
              Envoyer un courriel d'essai
            </Button>
          </Group>
          <div aria-live="polite">
            {envoye && (
              <Text size="sm" c={SUCCESS}>
                Courriel d'essai pour {envoye} demandé : il apparaît dans la liste ci-dessous.
              </Text>
            )}
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
