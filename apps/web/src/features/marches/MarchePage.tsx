import { Alert, Anchor, Badge, Button, Group, List, SimpleGrid, Stack, Tabs, Text, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import type { DossierMarcheOutput } from "@achat-public/contracts";
import { api } from "../../lib/api";
import { Chargement } from "../../ui/Chargement";
import { DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Page } from "../../ui/Page";
import { euros, eurosCentimes, FONDEMENTS, jourFr, ROLES } from "./format";
import { Formulaire } from "./Formulaire";

type Dossier = DossierMarcheOutput;

function Fait({ libelle, children }: { libelle: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {libelle}
      </Text>
      <Text>{children}</Text>
    </div>
  );
}

/** Page "/marches/:id": a contract from notification to closing, tab by tab. */
export default function MarchePage() {
  const { id = "" } = useParams();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const dossier = useQuery({ queryKey: ["marche", id], queryFn: () => api<Dossier>("GET", `/api/marches/${id}`) });
  const apres = async (texte: string) => {
    setMessage(texte);
    await queryClient.invalidateQueries({ queryKey: ["marche", id] });
    await queryClient.invalidateQueries({ queryKey: ["marches"] });
  };
  if (dossier.isPending)
    return (
      <Page title="Marché">
        <Chargement />
      </Page>
    );
  if (!dossier.data)
    return (
      <Page title="Marché">
        <ErrorAlert error={dossier.error} title="Chargement impossible" />
      </Page>
    );
  const d = dossier.data;
  const m = d.marche;
  const ecrire = async (chemin: string, corps: Record<string, unknown>, methode: "POST" | "PUT" = "POST") =>
    api(methode, `/api/marches/${id}${chemin}`, corps);
  return (
    <Page title={`Marché ${m.numero}`} intro={m.objet}>
      <div aria-live="polite">
        {message && (
          <Alert variant="outline" title="Enregistré">
            {message}
          </Alert>
        )}
      </div>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Fait libelle="Direction">{m.directionSigle}</Fait>
        <Fait libelle="Procédure">{m.procedure}</Fait>
        <Fait libelle="Nature, CPV">{`${m.nature}, ${m.cpv}`}</Fait>
        <Fait libelle={m.accordCadre ? "Accord-cadre : minimum / maximum HT" : "Montant HT"}>
          {m.accordCadre ? `${euros(m.montantMinHt)} / ${euros(m.montantMaxHt)}` : euros(m.montantHt)}
        </Fait>
        <Fait libelle="Notification, début">{`${jourFr(m.dateNotification)}, ${jourFr(m.dateDebut)}`}</Fait>
        <Fait libelle="Fin (calculée) / fin maximale">{`${jourFr(m.dateFin)} / ${jourFr(m.dateFinMax)}`}</Fait>
        <Fait libelle="Reconductions décidées">{`${m.reconductionsDecidees} sur ${m.reconductionsNombre}`}</Fait>
        <Fait libelle="Clauses">
          {[
            m.clauseSociale && `sociale (${m.heuresInsertionPrevues} h)`,
            m.clauseEnvironnementale && "environnementale",
            m.marcheReserve && "marché réservé",
            m.achatInnovant && "achat innovant",
          ]
            .filter(Boolean)
            .join(", ") || "aucune"}
        </Fait>
        <Fait libelle="Statut">{m.clos ? `Clos le ${jourFr(m.dateCloture)}` : "En exécution"}</Fait>
      </SimpleGrid>
      {!m.clos && m.reconductionsDecidees < m.reconductionsNombre && (
        <Group>
          <Button
            variant="outline"
            onClick={async () => {
              await ecrire("/reconductions", { version: m.version });
              await apres("Reconduction décidée.");
            }}
          >
            Décider la reconduction suivante
          </Button>
        </Group>
      )}
      <Tabs defaultValue="titulaires" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="titulaires">Titulaires</Tabs.Tab>
          <Tabs.Tab value="modifications">Modifications ({d.modifications.length})</Tabs.Tab>
          {m.accordCadre && <Tabs.Tab value="commandes">Bons de commande ({d.bonsCommande.length})</Tabs.Tab>}
          <Tabs.Tab value="factures">Factures ({d.factures.length})</Tabs.Tab>
          {m.clauseSociale && <Tabs.Tab value="insertion">Heures d'insertion</Tabs.Tab>}
          <Tabs.Tab value="cloture">Clôture</Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="titulaires" pt="md">
          <DataTable
            caption="Titulaires du marché"
            rows={m.titulaires}
            rowKey={(t) => `${t.fournisseurId}-${t.role}`}
            columns={[
              {
                key: "nom",
                header: "Fournisseur",
                principale: true,
                render: (t) => (
                  <Anchor component={Link} to={`/fournisseurs/${t.fournisseurId}`} underline="always">
                    {t.nom}
                  </Anchor>
                ),
              },
              { key: "siret", header: "SIRET", nowrap: true, render: (t) => t.siret },
              { key: "role", header: "Rôle", render: (t) => ROLES[t.role] },
              {
                key: "st",
                header: "Sous-traitance acceptée HT",
                render: (t) =>
                  t.montantSousTraitanceHt === null
                    ? "—"
                    : `${euros(t.montantSousTraitanceHt)}${t.paiementDirect ? ", paiement direct" : ""}`,
              },
            ]}
          />
        </Tabs.Panel>

        <Tabs.Panel value="modifications" pt="md">
          <Stack>
            <DataTable
              caption="Modifications (avenants), vérifiées par le moteur de règles"
              rows={d.modifications}
              rowKey={(x) => x.id}
              empty={<Text>Aucune modification.</Text>}
              columns={[
                { key: "n", header: "N°", principale: true, render: (x) => `Modification n° ${x.numero}` },
                { key: "objet", header: "Objet", render: (x) => x.objet },
                { key: "fondement", header: "Fondement", render: (x) => FONDEMENTS[x.fondement] ?? x.fondement },
                { key: "montant", header: "Montant HT", nowrap: true, render: (x) => euros(x.montantHt) },
                { key: "cumul", header: "Cumul", nowrap: true, render: (x) => `${x.pourcentageCumule.toLocaleString("fr-FR")} %` },
                { key: "moteur", header: "Moteur", render: (x) => (x.autorisee ? "autorisée" : `refusée — motif : ${x.motifJuridique}`) },
                { key: "cao", header: "Avis CAO", render: (x) => (x.avisCaoRequis ? "requis" : "non") },
              ]}
            />
            {!m.clos && (
              <Formulaire
                titre="Nouvelle modification"
                bouton="Enregistrer la modification"
                initial={{ fondement: "faible-montant" }}
                champs={[
                  { nom: "objet", libelle: "Objet", requis: true },
                  {
                    nom: "fondement",
                    libelle: "Fondement invoqué",
                    type: "choix",
                    choix: Object.entries(FONDEMENTS).map(([value, label]) => ({ value, label })),
                  },
                  { nom: "montantHt", libelle: "Montant HT (€, négatif pour une diminution)", type: "montant", requis: true },
                  { nom: "dateSignature", libelle: "Date de signature", type: "date", requis: true },
                  { nom: "nouvelleDateFin", libelle: "Nouvelle date de fin", type: "date" },
                  {
                    nom: "motifJuridique",
                    libelle: "Motif juridique",
                    type: "long",
                    aide: "Obligatoire si le moteur de règles refuse le fondement invoqué.",
                  },
                ]}
                envoyer={async (v) => {
                  const r = await ecrire("/modifications", { ...v, version: m.version });
                  await apres(
                    `Modification enregistrée.${(r as { pointsDeVigilance: string[] }).pointsDeVigilance.length ? " Voir les points de vigilance du moteur." : ""}`,
                  );
                }}
              />
            )}
          </Stack>
        </Tabs.Panel>

        {m.accordCadre && (
          <Tabs.Panel value="commandes" pt="md">
            <Stack>
              {d.consommation && (
                <Alert
                  color={d.consommation.alerte === "aucune" ? "gray" : "orange"}
                  variant="outline"
                  title="Consommation de l'accord-cadre"
                >
                  {`${euros(d.consommation.consommeHt)} HT commandés sur un maximum de ${euros(d.consommation.maximumHt)} HT, soit ${d.consommation.taux.toLocaleString("fr-FR")} %`}
                  {d.consommation.alerte === "80" && " : seuil d'alerte de 80 % atteint."}
                  {d.consommation.alerte === "100" && " : maximum atteint."}
                </Alert>
              )}
              <DataTable
                caption="Bons de commande"
                rows={d.bonsCommande}
                rowKey={(b) => b.id}
                empty={<Text>Aucun bon de commande.</Text>}
                columns={[
                  { key: "numero", header: "Numéro", principale: true, render: (b) => b.numero },
                  { key: "date", header: "Émis le", render: (b) => jourFr(b.dateEmission) },
                  { key: "montant", header: "Montant HT", render: (b) => eurosCentimes(b.montantHt) },
                ]}
              />
              {!m.clos && (
                <Formulaire
                  titre="Nouveau bon de commande"
                  bouton="Émettre le bon"
                  champs={[
                    { nom: "numero", libelle: "Numéro", requis: true },
                    { nom: "dateEmission", libelle: "Date d'émission", type: "date", requis: true },
                    { nom: "montantHt", libelle: "Montant HT (€)", type: "montant", requis: true },
                  ]}
                  envoyer={async (v) => {
                    await ecrire("/bons-commande", v);
                    await apres("Bon de commande émis.");
                  }}
                />
              )}
            </Stack>
          </Tabs.Panel>
        )}

        <Tabs.Panel value="factures" pt="md">
          <Stack>
            <Text>
              {`Délai moyen de paiement : ${d.paiements.delaiMoyenJours === null ? "—" : `${d.paiements.delaiMoyenJours.toLocaleString("fr-FR")} jours`} ; ${d.paiements.nombreEnRetard} facture(s) payée(s) en retard ; intérêts moratoires ${eurosCentimes(d.paiements.interetsMoratoires)}, indemnités forfaitaires ${eurosCentimes(d.paiements.indemnitesForfaitaires)} (calculés par le moteur de règles).`}
            </Text>
            <DataTable
              caption="Factures et délais de paiement"
              rows={d.factures}
              rowKey={(f) => f.id}
              minWidth={900}
              empty={<Text>Aucune facture.</Text>}
              columns={[
                { key: "numero", header: "Facture", principale: true, render: (f) => f.numero },
                { key: "ttc", header: "Montant TTC", nowrap: true, render: (f) => eurosCentimes(f.montantTtc) },
                { key: "recue", header: "Reçue", nowrap: true, render: (f) => jourFr(f.dateReception) },
                { key: "echeance", header: "Échéance", nowrap: true, render: (f) => jourFr(f.dateEcheance) },
                { key: "payee", header: "Payée", nowrap: true, render: (f) => jourFr(f.datePaiement) },
                { key: "delai", header: "Délai", render: (f) => (f.delaiPaiementJours === null ? "—" : `${f.delaiPaiementJours} j`) },
                { key: "retard", header: "Retard", render: (f) => (f.joursRetard ? `${f.joursRetard} j` : "—") },
                { key: "interets", header: "Intérêts moratoires", nowrap: true, render: (f) => eurosCentimes(f.interetsMoratoires) },
                { key: "indemnite", header: "Indemnité", nowrap: true, render: (f) => eurosCentimes(f.indemniteForfaitaire) },
                {
                  key: "payer",
                  header: "Paiement",
                  actions: true,
                  render: (f) =>
                    f.datePaiement ? null : (
                      <Button
                        size="xs"
                        variant="outline"
                        onClick={async () => {
                          await ecrire(`/factures/${f.id}/paiement`, { datePaiement: new Date().toISOString().slice(0, 10) }, "PUT");
                          await apres(`Facture ${f.numero} payée aujourd'hui.`);
                        }}
                      >
                        {`Payer ${f.numero} aujourd'hui`}
                      </Button>
                    ),
                },
              ]}
            />
            <Formulaire
              titre="Nouvelle facture"
              bouton="Enregistrer la facture"
              champs={[
                { nom: "numero", libelle: "Numéro de facture", requis: true },
                { nom: "montantTtc", libelle: "Montant TTC (€)", type: "montant", requis: true },
                { nom: "dateReception", libelle: "Date de réception", type: "date", requis: true },
                { nom: "datePaiement", libelle: "Date de mise en paiement", type: "date" },
              ]}
              envoyer={async (v) => {
                await ecrire("/factures", v);
                await apres("Facture enregistrée.");
              }}
            />
          </Stack>
        </Tabs.Panel>

        {m.clauseSociale && (
          <Tabs.Panel value="insertion" pt="md">
            <Stack>
              <Text>{`${d.heuresRealisees.toLocaleString("fr-FR")} heures d'insertion réalisées sur ${(m.heuresInsertionPrevues ?? 0).toLocaleString("fr-FR")} prévues.`}</Text>
              <DataTable
                caption="Heures d'insertion réalisées par période"
                rows={d.heuresInsertion}
                rowKey={(x) => x.id}
                empty={<Text>Aucune période déclarée.</Text>}
                columns={[
                  {
                    key: "periode",
                    header: "Période",
                    principale: true,
                    render: (x) => `${jourFr(x.periodeDebut)} au ${jourFr(x.periodeFin)}`,
                  },
                  { key: "heures", header: "Heures", render: (x) => x.heures.toLocaleString("fr-FR") },
                ]}
              />
              <Formulaire
                titre="Heures d'insertion"
                bouton="Déclarer les heures"
                champs={[
                  { nom: "periodeDebut", libelle: "Début de période", type: "date", requis: true },
                  { nom: "periodeFin", libelle: "Fin de période", type: "date", requis: true },
                  { nom: "heures", libelle: "Heures réalisées", type: "entier", requis: true },
                ]}
                envoyer={async (v) => {
                  await ecrire("/heures-insertion", v);
                  await apres("Heures déclarées.");
                }}
              />
            </Stack>
          </Tabs.Panel>
        )}

        <Tabs.Panel value="cloture" pt="md">
          <Stack>
            <Title order={2} size="h4">
              Le département envers le fournisseur
            </Title>
            <List>
              <List.Item>{`${d.paiements.nombrePayees} facture(s) payée(s) sur ${d.paiements.nombreFactures}, délai moyen ${d.paiements.delaiMoyenJours ?? "—"} jours`}</List.Item>
              <List.Item>{`${d.paiements.nombreEnRetard} paiement(s) en retard ; intérêts moratoires dus ${eurosCentimes(d.paiements.interetsMoratoires)}, indemnités ${eurosCentimes(d.paiements.indemnitesForfaitaires)}`}</List.Item>
            </List>
            <Title order={2} size="h4">
              Évaluation du fournisseur
            </Title>
            {m.evaluation ? (
              <Group>
                <Badge variant="outline" color="dark">{`Qualité ${m.evaluation.qualite}/5`}</Badge>
                <Badge variant="outline" color="dark">{`Délais ${m.evaluation.delais}/5`}</Badge>
                <Badge variant="outline" color="dark">{`Relation ${m.evaluation.relation}/5`}</Badge>
                {m.evaluation.commentaire && <Text>{m.evaluation.commentaire}</Text>}
              </Group>
            ) : (
              <Formulaire
                titre="Clôture du marché"
                bouton="Clore le marché"
                initial={{ qualite: "4", delais: "4", relation: "4" }}
                champs={[
                  { nom: "dateCloture", libelle: "Date de clôture", type: "date", requis: true },
                  ...(["qualite", "delais", "relation"] as const).map((nom) => ({
                    nom,
                    libelle: { qualite: "Qualité (1 à 5)", delais: "Délais (1 à 5)", relation: "Relation (1 à 5)" }[nom],
                    type: "choix" as const,
                    choix: ["1", "2", "3", "4", "5"].map((v) => ({ value: v, label: v })),
                  })),
                  { nom: "commentaire", libelle: "Commentaire", type: "long" },
                ]}
                envoyer={async (v) => {
                  await ecrire("/cloture", {
                    ...v,
                    qualite: Number(v.qualite),
                    delais: Number(v.delais),
                    relation: Number(v.relation),
                    version: m.version,
                  });
                  await apres("Marché clos ; l'évaluation figure sur la fiche du fournisseur.");
                }}
              />
            )}
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}
