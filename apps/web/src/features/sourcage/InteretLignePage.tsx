import { Alert, Anchor, Badge, Button, Checkbox, Group, NativeSelect, Paper, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import type { DemandesLigneOutput, SignauxLigneOutput } from "@achat-public/contracts";
import { CATEGORIE_LIBELLES, STATUT_INCLUSIF_LIBELLES } from "@achat-public/domain/entreprises";
import { api, ApiError } from "../../lib/api";
import { formatInstant, formatLegalDate, plural } from "../../lib/format";
import { SUCCESS } from "../../ui/colors";
import { Chargement } from "../../ui/Chargement";
import { DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { ExportButton } from "../../ui/ExportButton";
import { Page } from "../../ui/Page";
import { useSession } from "../auth/session";

const TYPES = [
  { value: "texte", label: "Réponse libre" },
  { value: "oui-non", label: "Oui ou non" },
  { value: "choix", label: "Choix dans une liste" },
];
const QUESTION_VIDE = { libelle: "", type: "texte", choix: "" };
const fieldId = (f: string) => `sourcage-${f.replaceAll(".", "-")}`;

/** Page « Intérêt des entreprises pour une ligne » (buyers): the interested companies and the sourcing questionnaires. */
export default function InteretLignePage() {
  const { id = "" } = useParams();
  const { can } = useSession();
  const signaux = useQuery({
    queryKey: ["interets-ligne", id],
    queryFn: () => api<SignauxLigneOutput>("GET", `/api/programme/lignes/${id}/interets`),
  });
  const demandes = useQuery({
    queryKey: ["sourcage-ligne", id],
    queryFn: () => api<DemandesLigneOutput>("GET", `/api/programme/lignes/${id}/sourcage`),
  });
  const ligne = signaux.data?.ligne;
  return (
    <Page
      title="Intérêt des entreprises pour une ligne"
      intro={
        <Text>
          Les entreprises qui ont signalé leur intérêt pour cet achat du programme publié, avec leur profil (visible des acheteurs par leur
          seul signal), et les questionnaires de sourçage (article R2111-1 du code de la commande publique) : une aide à la préparation du
          besoin, qui ne donne aucun avantage à une entreprise dans la consultation.
        </Text>
      }
    >
      <ErrorAlert error={signaux.error} title="Ligne introuvable" />
      {signaux.isPending && <Chargement />}
      {ligne && (
        <Title order={2}>
          {ligne.objet} ({ligne.annee})
        </Title>
      )}
      {signaux.data && (
        <Stack>
          <Title order={2} size="h3">
            {signaux.data.nombre === 0
              ? "Aucune entreprise intéressée pour le moment"
              : `${signaux.data.nombre} ${plural(signaux.data.nombre, "entreprise intéressée", "entreprises intéressées")}`}
          </Title>
          {signaux.data.nombre > 0 && (
            <DataTable
              caption={`Entreprises intéressées par « ${ligne?.objet ?? ""} »`}
              rowKey={(s) => s.id}
              rows={signaux.data.signaux}
              columns={[
                {
                  key: "entreprise",
                  header: "Entreprise",
                  principale: true,
                  render: (s) => (
                    <>
                      <Text fw={600}>{s.entreprise.raisonSociale}</Text>
                      <Text size="sm">SIRET {s.entreprise.siret}</Text>
                      <Text size="sm">le {formatInstant(s.creeLe)}</Text>
                    </>
                  ),
                },
                {
                  key: "taille",
                  header: "Taille",
                  render: (s) => (s.entreprise.categorie ? CATEGORIE_LIBELLES[s.entreprise.categorie] : "non indiquée"),
                },
                {
                  key: "localite",
                  header: "Localité",
                  render: (s) => (
                    <>
                      {s.localite.commune ?? (s.localite.departement ? `Département ${s.localite.departement}` : "Inconnue")}
                      {s.localite.locale && (
                        <>
                          {" "}
                          <Badge variant="outline" color="dark">
                            locale
                          </Badge>
                        </>
                      )}
                      {s.entreprise.territoires.length > 0 && (
                        <Text size="sm">Intervient dans : {s.entreprise.territoires.join(", ")}</Text>
                      )}
                    </>
                  ),
                },
                {
                  key: "profil",
                  header: "Profil",
                  render: (s) => (
                    <>
                      {s.entreprise.statutInclusif && <Text size="sm">{STATUT_INCLUSIF_LIBELLES[s.entreprise.statutInclusif]}</Text>}
                      <Text size="sm">Activités : {s.entreprise.activites.join(", ") || "—"}</Text>
                      {s.entreprise.certifications.length > 0 && (
                        <Text size="sm">Certifications : {s.entreprise.certifications.join(", ")}</Text>
                      )}
                    </>
                  ),
                },
                { key: "note", header: "Note", render: (s) => <span style={{ whiteSpace: "pre-line" }}>{s.note ?? "—"}</span> },
              ]}
            />
          )}
        </Stack>
      )}
      <Title order={2} size="h3">
        Questionnaires de sourçage
      </Title>
      {demandes.data?.demandes.length === 0 && <Text>Aucun questionnaire sur cette ligne.</Text>}
      {demandes.data?.demandes.map(({ demande, reponses }) => (
        <Paper key={demande.id} withBorder p="md">
          <Stack gap="xs">
            <Group justify="space-between">
              <Title order={3}>{demande.titre}</Title>
              {reponses.length > 0 && (
                <ExportButton path={`/api/sourcage/${demande.id}/export`} quoi={`les réponses à « ${demande.titre} »`} />
              )}
            </Group>
            <Text size="sm">
              {demande.closeLe
                ? `Clos le ${formatInstant(demande.closeLe)}`
                : `Réponses jusqu'au ${formatLegalDate(demande.dateCloture)} inclus`}{" "}
              — {reponses.length} {plural(reponses.length, "réponse")}
            </Text>
            {reponses.map((r) => (
              <Paper key={r.id} withBorder p="sm">
                <Text fw={600}>
                  {r.entreprise.raisonSociale}{" "}
                  <Text span size="sm">
                    (réponse du {formatInstant(r.modifieLe)})
                  </Text>
                </Text>
                <dl>
                  {demande.questions.map((q) => {
                    const v = r.reponses[q.id];
                    return (
                      <div key={q.id}>
                        <dt>{q.libelle}</dt>
                        <dd style={{ whiteSpace: "pre-line" }}>
                          {v === undefined ? "—" : typeof v === "boolean" ? (v ? "Oui" : "Non") : v}
                        </dd>
                      </div>
                    );
                  })}
                </dl>
              </Paper>
            ))}
          </Stack>
        </Paper>
      ))}
      {can("sourcage.manage") && ligne?.statut === "publiee" && <NouveauQuestionnaire ligneId={id} />}
      <Text>
        <Anchor component={Link} to="/programme" underline="always">
          Retour à la programmation des achats
        </Anchor>
      </Text>
    </Page>
  );
}

function NouveauQuestionnaire({ ligneId }: { ligneId: string }) {
  const queryClient = useQueryClient();
  const [titre, setTitre] = useState("");
  const [introduction, setIntroduction] = useState("");
  const [dateCloture, setDateCloture] = useState("");
  const [inviter, setInviter] = useState(true);
  const [questions, setQuestions] = useState([{ ...QUESTION_VIDE }, { ...QUESTION_VIDE }, { ...QUESTION_VIDE }]);
  const [error, setError] = useState<unknown>(null);
  const [ok, setOk] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const labels: Record<string, string> = {
    titre: "Titre",
    introduction: "Présentation",
    dateCloture: "Date de clôture",
    questions: "Questions",
  };
  questions.forEach((_, i) => {
    labels[`questions.${i}.libelle`] = `Question ${i + 1}`;
    labels[`questions.${i}.type`] = `Type de la question ${i + 1}`;
    labels[`questions.${i}.choix`] = `Choix de la question ${i + 1}`;
  });
  const fieldError = (f: string) => (error instanceof ApiError ? error.fieldError(f) : undefined);
  const setQuestion = (i: number, patch: Partial<typeof QUESTION_VIDE>) =>
    setQuestions((qs) => qs.map((q, j) => (j === i ? { ...q, ...patch } : q)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setOk(null);
    setPending(true);
    try {
      const r = await api<{ invites: number }>("POST", `/api/programme/lignes/${ligneId}/sourcage`, {
        titre,
        introduction: introduction.trim() === "" ? null : introduction,
        dateCloture,
        inviterInteresses: inviter,
        questions: questions
          .filter((q) => q.libelle.trim() !== "")
          .map((q) => ({
            libelle: q.libelle,
            type: q.type,
            choix:
              q.type === "choix"
                ? q.choix
                    .split(";")
                    .map((c) => c.trim())
                    .filter((c) => c !== "")
                : [],
          })),
      });
      setOk(`Questionnaire ouvert${r.invites ? ` ; ${r.invites} ${plural(r.invites, "compte invité")} par courriel` : ""}.`);
      setTitre("");
      setIntroduction("");
      setQuestions([{ ...QUESTION_VIDE }, { ...QUESTION_VIDE }, { ...QUESTION_VIDE }]);
      await queryClient.invalidateQueries({ queryKey: ["sourcage-ligne", ligneId] });
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };

  return (
    <Paper withBorder p="lg" maw={760}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h3">
            Ouvrir un questionnaire de sourçage
          </Title>
          <ErrorAlert error={error} title="Questionnaire non ouvert" labels={labels} fieldId={fieldId} focus />
          <div aria-live="polite">
            {ok && (
              <Alert color={SUCCESS} variant="outline" title="Questionnaire ouvert">
                {ok}
              </Alert>
            )}
          </div>
          <TextInput
            id={fieldId("titre")}
            label={labels.titre}
            value={titre}
            onChange={(e) => setTitre(e.currentTarget.value)}
            error={fieldError("titre")}
          />
          <Textarea
            id={fieldId("introduction")}
            label={labels.introduction}
            description="Ce que les entreprises doivent savoir du besoin (facultatif)"
            autosize
            minRows={2}
            value={introduction}
            onChange={(e) => setIntroduction(e.currentTarget.value)}
            error={fieldError("introduction")}
          />
          {questions.map((q, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the slots are fixed positions
            <Paper key={i} withBorder p="sm">
              <Stack gap="xs">
                <TextInput
                  id={fieldId(`questions.${i}.libelle`)}
                  label={labels[`questions.${i}.libelle`]}
                  description={i === 0 ? "Laissez vide une question inutile" : undefined}
                  value={q.libelle}
                  onChange={(e) => setQuestion(i, { libelle: e.currentTarget.value })}
                  error={fieldError(`questions.${i}.libelle`)}
                />
                <NativeSelect
                  id={fieldId(`questions.${i}.type`)}
                  label={labels[`questions.${i}.type`]}
                  data={TYPES}
                  value={q.type}
                  onChange={(e) => setQuestion(i, { type: e.currentTarget.value })}
                  error={fieldError(`questions.${i}.type`)}
                />
                {q.type === "choix" && (
                  <TextInput
                    id={fieldId(`questions.${i}.choix`)}
                    label={labels[`questions.${i}.choix`]}
                    description="Séparés par des points-virgules, par exemple : Un lot unique ; Un lot par secteur"
                    value={q.choix}
                    onChange={(e) => setQuestion(i, { choix: e.currentTarget.value })}
                    error={fieldError(`questions.${i}.choix`)}
                  />
                )}
              </Stack>
            </Paper>
          ))}
          <Button
            variant="subtle"
            style={{ alignSelf: "flex-start" }}
            onClick={() => setQuestions((qs) => [...qs, { ...QUESTION_VIDE }])}
            disabled={questions.length >= 10}
          >
            Ajouter une question
          </Button>
          <TextInput
            id={fieldId("dateCloture")}
            type="date"
            label={labels.dateCloture}
            description="Dernier jour des réponses, inclus"
            value={dateCloture}
            onChange={(e) => setDateCloture(e.currentTarget.value)}
            error={fieldError("dateCloture")}
          />
          <Checkbox
            label="Inviter par courriel les entreprises qui ont signalé leur intérêt"
            checked={inviter}
            onChange={(e) => setInviter(e.currentTarget.checked)}
          />
          <Button type="submit" loading={pending} style={{ alignSelf: "flex-start" }}>
            Ouvrir le questionnaire
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
