import { Alert, Anchor, Button, List, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import type { MarcheEspaceDetailOutput } from "@achat-public/contracts";
import { api, ApiError } from "../../lib/api";
import { SUCCESS } from "../../ui/colors";
import { Chargement } from "../../ui/Chargement";
import { DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Page } from "../../ui/Page";
import { euros, eurosCentimes, jourFr, ROLES, STATUTS } from "../marches/format";
import { CRITERES, note, STATUTS_FACTURE } from "./format";

type Facture = MarcheEspaceDetailOutput["factures"][number];
const LABELS = {
  paiement: "Paiement",
  clarte: "Clarté des documents",
  relation: "Relation",
  commentaire: "Commentaire",
  version: "Évaluation",
};
const fieldId = (field: string) => `evaluation-${field}`;
const NOTES = [
  { value: "", label: "Choisir une note" },
  { value: "1", label: "1 — mauvais" },
  { value: "2", label: "2 — insuffisant" },
  { value: "3", label: "3 — correct" },
  { value: "4", label: "4 — bon" },
  { value: "5", label: "5 — excellent" },
];

/** Page "/mon-entreprise/marches/:id": one of the company's contracts, its invoices, the evaluations. */
export default function MonMarchePage() {
  const { id = "" } = useParams();
  const queryClient = useQueryClient();
  const dossier = useQuery({
    queryKey: ["espace", id],
    queryFn: () => api<MarcheEspaceDetailOutput>("GET", `/api/entreprise/marches/${id}`),
  });
  const [valeurs, setValeurs] = useState({ paiement: "", clarte: "", relation: "", commentaire: "" });
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const [enregistre, setEnregistre] = useState(false);
  const donnee = dossier.data?.evaluationDonnee ?? null;
  useEffect(() => {
    if (donnee)
      setValeurs({
        paiement: String(donnee.paiement),
        clarte: String(donnee.clarte),
        relation: String(donnee.relation),
        commentaire: donnee.commentaire ?? "",
      });
  }, [donnee]);

  if (dossier.isPending)
    return (
      <Page title="Mon marché">
        <Chargement />
      </Page>
    );
  if (!dossier.data)
    return (
      <Page title="Mon marché">
        <ErrorAlert error={dossier.error} title="Marché introuvable" />
        <Anchor component={Link} to="/mon-entreprise/marches" underline="always">
          Retour à mes marchés
        </Anchor>
      </Page>
    );
  const d = dossier.data;
  const m = d.marche;
  const fieldError = (field: string) => (error instanceof ApiError ? error.fieldError(field) : undefined);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setEnregistre(false);
    setPending(true);
    const entier = (v: string) => (v === "" ? null : Number(v));
    try {
      await api("PUT", `/api/entreprise/marches/${id}/evaluation`, {
        paiement: entier(valeurs.paiement),
        clarte: entier(valeurs.clarte),
        relation: entier(valeurs.relation),
        commentaire: valeurs.commentaire.trim() === "" ? null : valeurs.commentaire,
        version: donnee?.version ?? null,
      });
      setEnregistre(true);
      await queryClient.invalidateQueries({ queryKey: ["espace"] });
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };

  return (
    <Page title={`Marché ${m.numero}`} intro={m.objet}>
      <Anchor component={Link} to="/mon-entreprise/marches" underline="always">
        Retour à mes marchés
      </Anchor>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Paper withBorder p="md" component="section" aria-labelledby="marche-fiche">
          <Title order={2} size="h4" id="marche-fiche">
            Le marché
          </Title>
          <List size="sm" spacing={4}>
            <List.Item>
              Direction : {m.directionNom} ({m.directionSigle})
            </List.Item>
            <List.Item>Votre rôle : {m.roles.map((r) => ROLES[r] ?? r).join(", ")}</List.Item>
            <List.Item>
              Montant : {m.accordCadre ? `accord-cadre, maximum ${euros(m.montantMaxHt)} HT` : `${euros(m.montantHt)} HT`}
              {m.montantModificationsHt !== 0 ? ` (modifications : ${euros(m.montantModificationsHt)})` : ""}
            </List.Item>
            <List.Item>
              Notifié le {jourFr(m.dateNotification)}, exécution du {jourFr(m.dateDebut)} au {jourFr(m.dateFin)}
            </List.Item>
            <List.Item>
              Statut : {STATUTS[d.statut] ?? d.statut}
              {m.dateCloture ? ` le ${jourFr(m.dateCloture)}` : ""}
            </List.Item>
          </List>
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="marche-paiements">
          <Title order={2} size="h4" id="marche-paiements">
            Paiements
          </Title>
          <List size="sm" spacing={4}>
            <List.Item>
              {d.paiements.nombreFactures} factures, {d.paiements.nombrePayees} payées
              {d.paiements.delaiMoyenJours === null ? "" : `, délai moyen ${d.paiements.delaiMoyenJours.toLocaleString("fr-FR")} jours`}
            </List.Item>
            <List.Item>
              Payées en retard : {d.paiements.nombreEnRetard} ; impayées après l'échéance : {d.paiements.nombreImpayeesEnRetard}
            </List.Item>
            <List.Item>
              Intérêts moratoires dus : {eurosCentimes(d.paiements.interetsDus)} ; indemnités forfaitaires :{" "}
              {eurosCentimes(d.paiements.indemnitesDues)}
            </List.Item>
          </List>
        </Paper>
      </SimpleGrid>
      <DataTable<Facture>
        caption="Factures"
        rows={d.factures}
        rowKey={(f) => f.id}
        minWidth={900}
        empty={<Text>Aucune facture enregistrée.</Text>}
        columns={[
          { key: "numero", header: "Facture", principale: true, render: (f) => f.numero },
          { key: "montant", header: "Montant TTC", nowrap: true, render: (f) => eurosCentimes(f.montantTtc) },
          { key: "recue", header: "Reçue le", nowrap: true, render: (f) => jourFr(f.dateReception) },
          { key: "echeance", header: "Échéance", nowrap: true, render: (f) => jourFr(f.dateEcheance) },
          { key: "payee", header: "Payée le", nowrap: true, render: (f) => jourFr(f.datePaiement) },
          { key: "statut", header: "Statut", render: (f) => STATUTS_FACTURE[f.statut] ?? f.statut },
          {
            key: "delai",
            header: "Délai",
            render: (f) =>
              f.delaiPaiementJours !== null
                ? `${f.delaiPaiementJours} j${f.joursRetard > 0 ? ` (${f.joursRetard} j de retard)` : ""}`
                : `${f.joursDepuisReception ?? 0} j depuis la réception${f.duAujourdhui ? ` (${f.duAujourdhui.joursRetard} j de retard)` : ""}`,
          },
          {
            key: "interets",
            header: "Intérêts et indemnité",
            render: (f) =>
              f.duAujourdhui
                ? `${eurosCentimes(f.duAujourdhui.interetsMoratoires)} + ${eurosCentimes(f.duAujourdhui.indemniteForfaitaire)} à ce jour`
                : f.joursRetard > 0
                  ? `${eurosCentimes(f.interetsMoratoires)} + ${eurosCentimes(f.indemniteForfaitaire)}`
                  : "—",
          },
        ]}
      />
      <Paper withBorder p="md" component="section" aria-labelledby="evaluation-recue">
        <Title order={2} size="h4" id="evaluation-recue">
          Évaluation reçue à la clôture
        </Title>
        {m.evaluation ? (
          <List size="sm" spacing={4}>
            <List.Item>Qualité : {note(m.evaluation.qualite)}</List.Item>
            <List.Item>Délais : {note(m.evaluation.delais)}</List.Item>
            <List.Item>Relation : {note(m.evaluation.relation)}</List.Item>
            {m.evaluation.commentaire && <List.Item>Commentaire : {m.evaluation.commentaire}</List.Item>}
          </List>
        ) : (
          <Text size="sm">Le département évalue le titulaire quand il clôt le marché.</Text>
        )}
      </Paper>
      <Paper withBorder p="md" maw={620}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={2} size="h4">
              {donnee ? "Votre évaluation du département (modifiable)" : "Évaluer le département sur ce marché"}
            </Title>
            <Text size="sm">
              La direction de la commande publique lit les moyennes de toutes les évaluations, et les commentaires sans le nom de votre
              entreprise ni celui du marché.
            </Text>
            <ErrorAlert error={error} title="Évaluation non enregistrée" labels={LABELS} fieldId={fieldId} focus />
            <div aria-live="polite">
              {enregistre && (
                <Alert color={SUCCESS} variant="outline" title="Évaluation enregistrée">
                  Merci : votre évaluation est enregistrée.
                </Alert>
              )}
            </div>
            {CRITERES.map((c) => (
              <NativeSelect
                key={c.cle}
                id={fieldId(c.cle)}
                label={c.libelle}
                data={NOTES}
                value={valeurs[c.cle]}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setValeurs((x) => ({ ...x, [c.cle]: v }));
                }}
                error={fieldError(c.cle)}
              />
            ))}
            <Textarea
              id={fieldId("commentaire")}
              label={LABELS.commentaire}
              description="Facultatif, 2 000 caractères au plus"
              autosize
              minRows={3}
              value={valeurs.commentaire}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setValeurs((x) => ({ ...x, commentaire: v }));
              }}
              error={fieldError("commentaire")}
            />
            <Button type="submit" loading={pending}>
              {donnee ? "Modifier mon évaluation" : "Enregistrer mon évaluation"}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Page>
  );
}
