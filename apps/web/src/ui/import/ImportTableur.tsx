import { Alert, Anchor, Button, Group, Input, Progress, Stack, Text, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from "react";
import type { ImportOutput, RapportImport } from "@achat-public/contracts";
import { api, ApiError, upload } from "../../lib/api";
import { plural } from "../../lib/format";
import { DANGER, SUCCESS } from "../colors";
import { DataTable } from "../DataTable";
import { ErrorAlert } from "../ErrorAlert";
import { Pagination } from "../Pagination";

/** Largest file the server accepts (POST /api/imports/:type). */
export const TAILLE_MAX_OCTETS = 20 * 1024 * 1024;
const PROBLEMES_PAR_PAGE = 50;
const EN_COURS = new Set<ImportOutput["statut"]>(["en-analyse", "en-ecriture"]);

export interface ImportTableurProps {
  /** The import type of the API, e.g. "utilisateurs" (GET /api/imports/:type/modele, POST /api/imports/:type). */
  type: string;
  /** What is imported, with its article: « des comptes ». */
  quoi: string;
  /** Explanations specific to this import (columns, rules), under the title. */
  aide?: ReactNode;
  /**
   * The spreadsheet's column headers by field key (`{ email: "Adresse électronique" }`), for the preview, whose
   * values the API gives by key; the columns are shown in this order.
   */
  entetes?: Record<string, string>;
  /** Called once the rows are written. */
  onTermine?(resultat: ImportOutput): void;
}

/**
 * The one import of the platform, for any kind of rows: download the template, send the file, follow the
 * analysis, read every problem (row, column, message) and the preview, then confirm; nothing is written
 * before the confirmation, and then all the rows or none (or the valid ones, as the report says).
 */
export function ImportTableur({ type, quoi, aide, entetes, onTermine }: ImportTableurProps) {
  const queryClient = useQueryClient();
  const titreId = useId();
  const fichierId = useId();
  const [fichier, setFichier] = useState<File | null>(null);
  const [cleFichier, setCleFichier] = useState(0);
  const [envoiErreur, setEnvoiErreur] = useState<unknown>(null);
  const [envoi, setEnvoi] = useState(false);
  const [importId, setImportId] = useState<string | null>(null);
  const [confirmation, setConfirmation] = useState(false);
  const [confirmationErreur, setConfirmationErreur] = useState<unknown>(null);
  const signale = useRef<string | null>(null);

  const suivi = useQuery({
    queryKey: ["import", importId],
    queryFn: () => api<ImportOutput>("GET", `/api/imports/${importId}`),
    enabled: importId !== null,
    refetchInterval: (q) => (q.state.data && EN_COURS.has(q.state.data.statut) ? 500 : false),
    staleTime: 0,
  });
  const resultat = suivi.data;

  useEffect(() => {
    if (resultat?.statut === "termine" && signale.current !== resultat.id) {
      signale.current = resultat.id;
      onTermine?.(resultat);
    }
  }, [resultat, onTermine]);

  const analyser = async (event: FormEvent) => {
    event.preventDefault();
    setEnvoiErreur(null);
    setConfirmationErreur(null);
    if (!fichier) {
      setEnvoiErreur(new ApiError(400, "INVALID_INPUT", "Choisissez d'abord un fichier .xlsx ou .csv."));
      return;
    }
    if (!/\.(xlsx|csv)$/iu.test(fichier.name)) {
      setEnvoiErreur(new ApiError(400, "INVALID_INPUT", `« ${fichier.name} » n'est ni un classeur .xlsx ni un fichier .csv.`));
      return;
    }
    if (fichier.size > TAILLE_MAX_OCTETS) {
      setEnvoiErreur(new ApiError(413, "FILE_TOO_LARGE", "Ce fichier dépasse 20 Mo : découpez-le en plusieurs fichiers."));
      return;
    }
    setEnvoi(true);
    try {
      const cree = await upload<ImportOutput>(
        `/api/imports/${encodeURIComponent(type)}?nomFichier=${encodeURIComponent(fichier.name)}`,
        fichier,
      );
      queryClient.setQueryData(["import", cree.id], cree);
      setImportId(cree.id);
    } catch (e) {
      setEnvoiErreur(e);
    } finally {
      setEnvoi(false);
    }
  };

  const confirmer = async () => {
    if (!resultat?.rapport) return;
    setConfirmation(true);
    setConfirmationErreur(null);
    try {
      const suite = await api<ImportOutput | undefined>("POST", `/api/imports/${resultat.id}/confirmation`, {
        empreinte: resultat.rapport.empreinte,
      });
      if (suite?.id) queryClient.setQueryData(["import", suite.id], suite);
      await queryClient.invalidateQueries({ queryKey: ["import", resultat.id] });
    } catch (e) {
      setConfirmationErreur(e);
    } finally {
      setConfirmation(false);
    }
  };

  const recommencer = () => {
    setImportId(null);
    setFichier(null);
    setCleFichier((k) => k + 1);
    setEnvoiErreur(null);
    setConfirmationErreur(null);
  };

  return (
    <Stack gap="md" component="section" aria-labelledby={titreId}>
      <Title order={2} size="h3" id={titreId}>
        Importer {quoi} depuis un tableur
      </Title>
      <Text size="sm">
        Téléchargez le modèle, remplissez une ligne par élément sous les en-têtes, puis envoyez le fichier. La plateforme l'analyse et vous
        montre chaque problème (ligne, colonne) : rien n'est enregistré avant votre confirmation.
      </Text>
      {aide}
      <Group gap="md">
        <Anchor href={`/api/imports/${encodeURIComponent(type)}/modele?format=xlsx`} download underline="always">
          Télécharger le modèle (classeur XLSX)
        </Anchor>
        <Anchor href={`/api/imports/${encodeURIComponent(type)}/modele?format=csv`} download underline="always">
          Télécharger le modèle (CSV)
        </Anchor>
      </Group>

      {!resultat && (
        <form onSubmit={analyser} noValidate>
          <Stack gap="sm" align="flex-start">
            <Input.Wrapper
              id={fichierId}
              label="Fichier à importer"
              description="Classeur .xlsx ou fichier .csv (UTF-8), 20 Mo au plus."
              error={envoiErreur instanceof ApiError && envoiErreur.status !== 0 ? envoiErreur.message : undefined}
              errorProps={{ role: "alert" }}
            >
              <input
                key={cleFichier}
                id={fichierId}
                type="file"
                accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                className="champ-fichier"
                aria-describedby={`${fichierId}-description${envoiErreur ? ` ${fichierId}-error` : ""}`}
                aria-invalid={envoiErreur ? true : undefined}
                onChange={(e) => setFichier(e.currentTarget.files?.[0] ?? null)}
              />
            </Input.Wrapper>
            <Button type="submit" loading={envoi}>
              Analyser le fichier
            </Button>
          </Stack>
        </form>
      )}
      {envoiErreur instanceof ApiError && envoiErreur.status === 0 && <ErrorAlert error={envoiErreur} title="Envoi impossible" />}
      <ErrorAlert error={suivi.error} title="Suivi de l'import impossible" />

      {resultat && (
        <Suivi
          resultat={resultat}
          confirmer={confirmer}
          confirmation={confirmation}
          confirmationErreur={confirmationErreur}
          recommencer={recommencer}
          entetes={entetes}
        />
      )}
    </Stack>
  );
}

function Suivi({
  resultat,
  confirmer,
  confirmation,
  confirmationErreur,
  recommencer,
  entetes,
}: {
  entetes: Record<string, string> | undefined;
  resultat: ImportOutput;
  confirmer(): void;
  confirmation: boolean;
  confirmationErreur: unknown;
  recommencer(): void;
}) {
  const titre = useRef<HTMLHeadingElement>(null);
  const enCours = EN_COURS.has(resultat.statut);
  const pourcent = Math.round(resultat.progression * 100);
  const rapport = resultat.rapport;

  // When the analysis or the writing ends, the focus goes to the report's title: its content follows it.
  useEffect(() => {
    if (!enCours) titre.current?.focus();
  }, [enCours]);

  return (
    <Stack gap="md">
      <Text size="sm">
        Fichier : <strong className="texte-coupable">{resultat.nomFichier}</strong>
      </Text>
      {enCours && (
        <Stack gap={4}>
          <Text size="sm" id={`etape-${resultat.id}`}>
            {resultat.statutLibelle} — {resultat.etape}
          </Text>
          <Progress.Root size="lg">
            <Progress.Section
              value={pourcent}
              aria-label={resultat.statut === "en-analyse" ? "Avancement de l'analyse" : "Avancement de l'écriture"}
              aria-valuetext={`${pourcent} % — ${resultat.etape}`}
            />
          </Progress.Root>
        </Stack>
      )}
      {/* Announced politely: each new step and the end, not every percent. */}
      <div role="status" className="visually-hidden-inline">
        {enCours ? `${resultat.statutLibelle} : ${resultat.etape}` : resultat.statutLibelle}
      </div>

      {!enCours && (
        <Title order={3} size="h4" ref={titre} tabIndex={-1}>
          {resultat.statut === "termine" ? "Import terminé" : resultat.statut === "echec" ? "Import refusé" : "Rapport d'analyse"}
        </Title>
      )}
      {resultat.statut === "termine" && (
        <Alert color={SUCCESS} variant="outline" title={resultat.statutLibelle}>
          {rapport?.ecrites !== undefined ? `${plural(rapport.ecrites, "ligne enregistrée", "lignes enregistrées")}. ` : ""}
          {rapport?.resume}
        </Alert>
      )}
      {resultat.statut === "echec" && (
        <Alert color={DANGER} variant="outline" title={resultat.statutLibelle}>
          {resultat.erreur ?? rapport?.resume ?? "Le fichier n'a pas pu être importé."} Aucune ligne n'a été enregistrée.
        </Alert>
      )}
      {resultat.statut === "analyse" && rapport && (
        <Alert color={rapport.ecriturePossible ? "collectivite.8" : DANGER} variant="outline" title="Résultat de l'analyse">
          {rapport.resume}
        </Alert>
      )}
      {rapport && !enCours && <Rapport rapport={rapport} entetes={entetes ?? {}} />}

      <ErrorAlert error={confirmationErreur} title="Confirmation refusée" />
      {!enCours && (
        <Group>
          {resultat.statut === "analyse" && rapport?.ecriturePossible && (
            <Button onClick={confirmer} loading={confirmation}>
              Confirmer l'import
            </Button>
          )}
          <Button variant={resultat.statut === "analyse" && rapport?.ecriturePossible ? "default" : "filled"} onClick={recommencer}>
            {resultat.statut === "termine" ? "Importer un autre fichier" : "Envoyer un autre fichier"}
          </Button>
        </Group>
      )}
      {resultat.statut === "analyse" && rapport && (
        <Text size="sm">
          {rapport.ecriturePossible
            ? rapport.politique === "toutOuRien"
              ? "En confirmant, toutes les lignes sont enregistrées ensemble, ou aucune."
              : `En confirmant, les ${plural(rapport.valides, "ligne valide", "lignes valides")} sont enregistrées ; les lignes en erreur sont ignorées.`
            : "Corrigez le fichier, puis envoyez-le de nouveau : rien n'a été enregistré."}
        </Text>
      )}
    </Stack>
  );
}

type Probleme = RapportImport["problemes"][number];

function Rapport({ rapport, entetes }: { rapport: RapportImport; entetes: Record<string, string> }) {
  const [page, setPage] = useState(1);
  const problemes = rapport.problemes.slice((page - 1) * PROBLEMES_PAR_PAGE, page * PROBLEMES_PAR_PAGE);
  const colonnesApercu = useMemo(() => {
    const cles = new Set(rapport.apercu.flatMap((ligne) => Object.keys(ligne.valeurs)));
    return [...Object.keys(entetes).filter((cle) => cles.has(cle)), ...[...cles].filter((cle) => !Object.hasOwn(entetes, cle))];
  }, [rapport.apercu, entetes]);
  return (
    <Stack gap="md">
      <dl className="donnees-lisibles">
        <div>
          <dt>Lignes lues</dt>
          <dd>{rapport.total.toLocaleString("fr-FR")}</dd>
        </div>
        <div>
          <dt>Lignes valides</dt>
          <dd>{rapport.valides.toLocaleString("fr-FR")}</dd>
        </div>
        <div>
          <dt>Lignes en erreur</dt>
          <dd>{rapport.enErreur.toLocaleString("fr-FR")}</dd>
        </div>
        {rapport.entetesManquants.length > 0 && (
          <div>
            <dt>Colonnes manquantes</dt>
            <dd>{rapport.entetesManquants.join(", ")}</dd>
          </div>
        )}
        {rapport.entetesInconnus.length > 0 && (
          <div>
            <dt>Colonnes inconnues (ignorées)</dt>
            <dd>{rapport.entetesInconnus.join(", ")}</dd>
          </div>
        )}
      </dl>

      {rapport.problemes.length > 0 && (
        <Stack gap="xs">
          <Title order={4} size="h5">
            Problèmes à corriger ({(rapport.problemes.length + rapport.problemesOmis).toLocaleString("fr-FR")})
          </Title>
          <DataTable<Probleme>
            caption="Chaque problème du fichier, avec sa ligne et sa colonne"
            rows={problemes}
            rowKey={(p) => `${p.ligne}-${p.colonne}-${p.message}`}
            minWidth={640}
            columns={[
              { key: "ligne", header: "Ligne", principale: true, nowrap: true, render: (p) => `Ligne ${p.ligne}` },
              {
                key: "colonne",
                header: "Colonne",
                render: (p) => (p.colonne ? `${p.colonne}${p.lettre ? ` (${p.lettre})` : ""}` : "Toute la ligne"),
              },
              { key: "valeur", header: "Valeur lue", render: (p) => (p.valeur === "" ? "(vide)" : p.valeur) },
              { key: "message", header: "Problème", render: (p) => p.message },
            ]}
          />
          <Pagination
            element={["problème", "problèmes"]}
            total={rapport.problemes.length}
            page={page}
            parPage={PROBLEMES_PAR_PAGE}
            onPage={setPage}
            label="Pages des problèmes"
          />
          {rapport.problemesOmis > 0 && (
            <Text size="sm">
              Et {plural(rapport.problemesOmis, "autre problème", "autres problèmes")}, non détaillés : corrigez d'abord ceux-ci.
            </Text>
          )}
        </Stack>
      )}

      {rapport.apercu.length > 0 && (
        <Stack gap="xs">
          <Title order={4} size="h5">
            Aperçu des premières lignes
          </Title>
          <DataTable
            caption="Les premières lignes telles que la plateforme les a lues"
            rows={rapport.apercu}
            rowKey={(l) => String(l.numero)}
            minWidth={Math.min(1200, 160 * (colonnesApercu.length + 1))}
            columns={[
              { key: "#numero", header: "Ligne", principale: true, nowrap: true, render: (l) => `Ligne ${l.numero}` },
              ...colonnesApercu.map((colonne) => ({
                key: colonne,
                header: entetes[colonne] ?? colonne,
                render: (l: RapportImport["apercu"][number]) => texteDe(l.valeurs[colonne]),
              })),
            ]}
          />
        </Stack>
      )}
    </Stack>
  );
}

/** A cell of the preview as text. */
function texteDe(valeur: unknown): string {
  if (valeur === null || valeur === undefined || valeur === "") return "—";
  if (typeof valeur === "boolean") return valeur ? "oui" : "non";
  if (typeof valeur === "number") return valeur.toLocaleString("fr-FR");
  if (typeof valeur === "string") return valeur;
  return JSON.stringify(valeur);
}
