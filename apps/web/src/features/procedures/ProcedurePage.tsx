import { Anchor, Badge, Button, Group, List, Stack, Text, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useParams } from "react-router";
import type { ProcedureOutput } from "@achat-public/contracts";
import { api } from "../../lib/api";
import { Bloc } from "../../ui/Bloc";
import { Chargement } from "../../ui/Chargement";
import { DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { FormModal, type FieldSpec, type FormValues } from "../../ui/FormModal";
import { Page } from "../../ui/Page";
import { useSession } from "../auth/session";
import { euros } from "../programme/libelles";
import { dateFr, ETATS, nombre } from "./libelles";

type Lot = ProcedureOutput["lots"][number];
type Etape = ProcedureOutput["calendrier"]["etapes"][number];
type Dialog = "offre" | "attribuer" | "notifier" | "abandonner" | null;

const aujourdhui = () => new Date().toLocaleDateString("fr-CA");

/**
 * Page "/procedures/:id": a procedure, its lots and tenders, the timeline of legal dates asked of the engine,
 * and the actions its state allows (publish, enter tenders, close receipt, analyse, award, notify, abandon).
 */
export default function ProcedurePage() {
  const { id = "" } = useParams();
  const { can } = useSession();
  const ecrire = can("procedures.write");
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [erreur, setErreur] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const procedure = useQuery({
    queryKey: ["procedures", "detail", id],
    queryFn: () => api<ProcedureOutput>("GET", `/api/procedures/${id}`),
  });
  const p = procedure.data;
  const reload = () => queryClient.invalidateQueries({ queryKey: ["procedures"] });

  const agir = async (action: string, libelle: string) => {
    if (!p) return;
    setErreur(null);
    setMessage(null);
    try {
      await api("POST", `/api/procedures/${p.id}/${action}`, { version: p.version });
      setMessage(libelle);
      await reload();
    } catch (e) {
      setErreur(e);
    }
  };

  const lotsOuverts = (p?.lots ?? []).filter((l) => !l.infructueux);
  const champsAttribution = (): FieldSpec[] => [
    { name: "dateAttribution", label: "Date de la décision d'attribution", kind: "text", required: true, description: "AAAA-MM-JJ" },
    ...(p?.calendrier.caoRequise
      ? [{ name: "dateSeanceCao", label: "Date de la séance de la CAO", kind: "text" as const, required: true, description: "AAAA-MM-JJ" }]
      : []),
    ...lotsOuverts.map(
      (l): FieldSpec => ({
        name: `lot-${l.numero}`,
        label: `Lot ${l.numero} — ${l.objet}`,
        kind: "select",
        options: [
          ...l.offres.map((o) => ({ value: o.id, label: `${o.nom} — ${euros(o.prixHt)}` })),
          { value: "infructueux", label: "Déclarer le lot infructueux" },
        ],
      }),
    ),
  ];

  return (
    // a constant title: the page keeps the focus where the browser put it while the procedure loads
    <Page title="Procédure">
      <ErrorAlert error={procedure.error} title="Procédure introuvable" />
      {procedure.isPending && <Chargement />}
      {p && (
        <Stack>
          <Title order={2}>
            {p.reference} — {p.objet}
          </Title>
          <Group>
            <Badge variant="outline" color="gray.8" tt="none">
              {ETATS[p.etat]}
            </Badge>
            <Text>
              {p.procedure} — valeur estimée {euros(p.valeurEstimeeHt)} HT — {p.lots.length} lot{p.lots.length > 1 ? "s" : ""}
            </Text>
          </Group>
          <div aria-live="polite">
            {message && <Text role="status">{message}</Text>}
            <ErrorAlert error={erreur} title="Action refusée" focus />
          </div>
          {ecrire && (
            <Group>
              {p.etat === "brouillon" && <Button onClick={() => void agir("publier", "Procédure publiée.")}>Publier</Button>}
              {p.etat === "publiee" && (
                <>
                  <Button onClick={() => setDialog("offre")}>Saisir une offre</Button>
                  <Button variant="light" onClick={() => void agir("cloturer-reception", "Réception des offres close.")}>
                    Clore la réception des offres
                  </Button>
                </>
              )}
              {p.etat === "offres-recues" && <Button onClick={() => void agir("analyser", "Analyse terminée.")}>Terminer l'analyse</Button>}
              {p.etat === "analysee" && <Button onClick={() => setDialog("attribuer")}>Attribuer</Button>}
              {p.etat === "attribuee" && <Button onClick={() => setDialog("notifier")}>Notifier</Button>}
              {["brouillon", "publiee", "offres-recues", "analysee", "attribuee"].includes(p.etat) && (
                <Button variant="outline" onClick={() => setDialog("abandonner")}>
                  Abandonner
                </Button>
              )}
            </Group>
          )}
          <Bloc titre="Caractéristiques">
            <List>
              <List.Item>Publicité : {p.publicite}</List.Item>
              <List.Item>
                Critères :{" "}
                {p.criteres.map((c) => `${c.libelle} ${c.poids} %${c.environnemental ? " (environnemental)" : ""}`).join(", ") || "—"}
              </List.Item>
              <List.Item>
                Conditions d'exécution : {p.conditionExecutionEnvironnementale ? "environnementale" : "pas de condition environnementale"},{" "}
                {p.conditionExecutionSociale ? "sociale" : "pas de condition sociale"}
                {p.heuresInsertionPrevues !== null ? ` (${p.heuresInsertionPrevues} heures d'insertion)` : ""}
              </List.Item>
              <List.Item>Clauses du clausier : {p.clauses.map((c) => c.titre).join(", ") || "aucune"}</List.Item>
              <List.Item>
                Dossier de consultation :{" "}
                {p.urlProfilAcheteur ? (
                  <Anchor href={p.urlProfilAcheteur} target="_blank" rel="noreferrer" underline="always">
                    profil d'acheteur
                  </Anchor>
                ) : (
                  "adresse à renseigner"
                )}
              </List.Item>
              {p.motifHorsProgramme && <List.Item>Hors programmation : {p.motifHorsProgramme}</List.Item>}
              {p.justificationProcedure && <List.Item>Justification de la procédure : {p.justificationProcedure}</List.Item>}
            </List>
          </Bloc>
          <Bloc titre="Calendrier des dates légales">
            {p.calendrier.refus.map((r) => (
              <Text key={r} c="red.9">
                {r}
              </Text>
            ))}
            <DataTable<Etape>
              caption="Dates légales de la procédure"
              rows={p.calendrier.etapes}
              rowKey={(e) => e.id}
              empty={<Text>Le calendrier se construit à la publication.</Text>}
              columns={[
                { key: "libelle", header: "Étape", principale: true, render: (e) => e.libelle },
                { key: "date", header: "Date", nowrap: true, render: (e) => `${e.jourSemaine} ${dateFr(e.date)}` },
                { key: "origine", header: "Origine", render: (e) => (e.origine === "connue" ? "Saisie" : "Calculée par le moteur") },
                {
                  key: "fondements",
                  header: "Fondements",
                  render: (e) => [...e.fondements.map((f) => `${f.texte} ${f.article}`), ...e.avertissements].join(" ; ") || "—",
                },
              ]}
            />
          </Bloc>
          {p.lots.map((l: Lot) => (
            <Bloc key={l.numero} titre={`Lot ${l.numero} — ${l.objet}`}>
              <Text>
                CPV {l.cpv} — {euros(l.valeurEstimeeHt)} HT{l.reserve ? " — lot réservé" : ""}
                {l.accordCadre ? " — accord-cadre" : ""}
                {l.infructueux ? " — infructueux" : ""} — {l.offres.length} offre{l.offres.length > 1 ? "s" : ""}
              </Text>
              <DataTable<Lot["offres"][number]>
                caption={`Offres du lot ${l.numero}`}
                rows={l.offres}
                rowKey={(o) => o.id}
                empty={<Text>Aucune offre.</Text>}
                columns={[
                  { key: "nom", header: "Soumissionnaire", principale: true, render: (o) => o.nom },
                  { key: "siret", header: "SIRET", nowrap: true, render: (o) => o.siret },
                  { key: "categorie", header: "Catégorie", render: (o) => o.categorie?.toUpperCase() ?? "—" },
                  { key: "localisation", header: "Localisation", render: (o) => o.localisation ?? "—" },
                  { key: "prix", header: "Prix HT", nowrap: true, render: (o) => euros(o.prixHt) },
                  { key: "retenue", header: "Attribution", render: (o) => (l.offresRetenues.includes(o.id) ? "Retenue" : "—") },
                ]}
              />
            </Bloc>
          ))}
        </Stack>
      )}
      <FormModal
        title="Saisir une offre"
        opened={dialog === "offre"}
        onClose={() => setDialog(null)}
        fields={[
          {
            name: "lot",
            label: "Lot",
            kind: "select",
            options: (p?.lots ?? []).map((l) => ({ value: String(l.numero), label: `Lot ${l.numero} — ${l.objet}` })),
          },
          { name: "siret", label: "SIRET du soumissionnaire", kind: "text", required: true, description: "14 chiffres" },
          { name: "nom", label: "Raison sociale", kind: "text", required: true },
          {
            name: "categorie",
            label: "Catégorie d'entreprise",
            kind: "select",
            options: [
              { value: "", label: "Inconnue" },
              { value: "micro", label: "Micro-entreprise" },
              { value: "pme", label: "PME" },
              { value: "eti", label: "ETI" },
              { value: "ge", label: "Grande entreprise" },
            ],
          },
          { name: "localisation", label: "Localisation (commune)", kind: "text" },
          { name: "prixHt", label: "Prix de l'offre (€ HT)", kind: "text", required: true },
        ]}
        initialValues={{ lot: "1", siret: "", nom: "", categorie: "", localisation: "", prixHt: "" }}
        submitLabel="Enregistrer l'offre"
        onSubmit={async (v: FormValues) => {
          if (!p) return;
          await api("POST", `/api/procedures/${p.id}/lots/${String(v.lot)}/offres`, {
            version: p.version,
            siret: String(v.siret),
            nom: String(v.nom),
            categorie: v.categorie ? String(v.categorie) : null,
            localisation: v.localisation ? String(v.localisation) : null,
            prixHt: nombre(v.prixHt),
          });
          await reload();
        }}
      />
      <FormModal
        title="Attribuer les lots"
        opened={dialog === "attribuer"}
        onClose={() => setDialog(null)}
        fields={[]}
        fieldsFor={champsAttribution}
        initialValues={{
          dateAttribution: aujourdhui(),
          dateSeanceCao: aujourdhui(),
          ...Object.fromEntries(lotsOuverts.map((l) => [`lot-${l.numero}`, l.offres[0]?.id ?? "infructueux"])),
        }}
        submitLabel="Attribuer"
        onSubmit={async (v) => {
          if (!p) return;
          await api("POST", `/api/procedures/${p.id}/attribuer`, {
            version: p.version,
            dateAttribution: String(v.dateAttribution),
            dateSeanceCao: p.calendrier.caoRequise ? String(v.dateSeanceCao) : null,
            lots: lotsOuverts.map((l) => {
              const choix = String(v[`lot-${l.numero}`] ?? "");
              return choix === "infructueux" ? { numero: l.numero, infructueux: true } : { numero: l.numero, offreIds: [choix] };
            }),
          });
          await reload();
        }}
      />
      <FormModal
        title="Notifier l'attribution"
        opened={dialog === "notifier"}
        onClose={() => setDialog(null)}
        fields={[
          {
            name: "dateSignature",
            label: "Date de signature",
            kind: "text",
            required: true,
            description: "AAAA-MM-JJ, après la fin du délai de suspension",
          },
          { name: "dateNotification", label: "Date de notification", kind: "text", required: true, description: "AAAA-MM-JJ" },
        ]}
        initialValues={{ dateSignature: "", dateNotification: "" }}
        submitLabel="Notifier"
        onSubmit={async (v) => {
          if (!p) return;
          await api("POST", `/api/procedures/${p.id}/notifier`, {
            version: p.version,
            dateSignature: String(v.dateSignature),
            dateNotification: String(v.dateNotification),
          });
          setMessage("Attribution notifiée : les fiches de marché sont créées.");
          await reload();
        }}
      />
      <FormModal
        title="Abandonner la procédure"
        opened={dialog === "abandonner"}
        onClose={() => setDialog(null)}
        fields={[{ name: "motif", label: "Motif de la déclaration sans suite", kind: "text", required: true }]}
        initialValues={{ motif: "" }}
        submitLabel="Abandonner"
        onSubmit={async (v) => {
          if (!p) return;
          await api("POST", `/api/procedures/${p.id}/abandonner`, { version: p.version, motif: String(v.motif) });
          await reload();
        }}
      />
    </Page>
  );
}
