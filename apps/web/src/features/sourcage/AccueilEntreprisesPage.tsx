import { Anchor, List, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import type { AccueilEntreprisesOutput } from "@achat-public/contracts";
import { api } from "../../lib/api";
import { formatInstant, formatLegalDate, plural } from "../../lib/format";
import { Chargement } from "../../ui/Chargement";
import { DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Page } from "../../ui/Page";
import { useSession } from "../auth/session";
import { euros } from "../programme/libelles";

type Fondements = { texte: string; article: string; objet: string }[];
const articles = (f: Fondements) => f.map((x) => `${x.texte} ${x.article}`).join(", ");
const pct = (n: number | null) => (n === null ? "—" : `${n.toLocaleString("fr-FR")} %`);

/** Page « Espace entreprises » (public): what the département buys, what is coming, what is open, who won, and guides. */
export default function AccueilEntreprisesPage() {
  const { theme } = useSession();
  const accueil = useQuery({
    queryKey: ["accueil-entreprises"],
    queryFn: () => api<AccueilEntreprisesOutput>("GET", "/api/public/entreprises/accueil"),
  });
  const a = accueil.data;
  return (
    <Page
      title="Espace entreprises"
      intro={
        <Text>
          Ce que {theme.nomOrganisation} achète, ce qu'il prévoit d'acheter et ce qu'il met en concurrence aujourd'hui, tiré de ses données
          publiées. Sans compte ; avec un compte d'entreprise, vous recevez des alertes et signalez votre intérêt aux acheteurs.
        </Text>
      }
    >
      <ErrorAlert error={accueil.error} title="Accueil indisponible" />
      {accueil.isPending && <Chargement />}
      {a && (
        <Stack gap="xl">
          <Text>
            <Anchor component={Link} to="/entreprises/inscription" underline="always">
              Créer le compte de votre entreprise
            </Anchor>{" "}
            —{" "}
            <Anchor component={Link} to="/programme-public" underline="always">
              tout le programme public des achats
            </Anchor>{" "}
            —{" "}
            <Anchor href="/api/public/flux.rss" underline="always">
              flux RSS
            </Anchor>{" "}
            —{" "}
            <Anchor href="/api/public/calendrier.ics" underline="always">
              calendrier des dates limites
            </Anchor>
          </Text>

          <section>
            <Title order={2}>Consultations ouvertes</Title>
            <DataTable
              caption="Consultations ouvertes et dates limites de remise des offres"
              rowKey={(c) => c.id}
              rows={a.consultations}
              empty="Aucune consultation ouverte en ce moment."
              columns={[
                { key: "objet", header: "Objet", principale: true, render: (c) => c.objet },
                { key: "procedure", header: "Procédure", render: (c) => c.procedure },
                { key: "direction", header: "Direction", render: (c) => c.direction },
                {
                  key: "limite",
                  header: "Date limite",
                  render: (c) =>
                    c.dateLimiteReception.length === 10 ? formatLegalDate(c.dateLimiteReception) : formatInstant(c.dateLimiteReception),
                },
                {
                  key: "dce",
                  header: "Documents",
                  render: (c) =>
                    c.urlProfilAcheteur ? (
                      <Anchor href={c.urlProfilAcheteur} underline="always">
                        Profil d'acheteur<span className="visually-hidden-inline"> : {c.objet}</span>
                      </Anchor>
                    ) : (
                      "—"
                    ),
                },
              ]}
            />
          </section>

          <section>
            <Title order={2}>Achats à venir</Title>
            <DataTable
              caption="Prochains achats du programme publié"
              rowKey={(l) => l.id}
              rows={a.aVenir}
              empty="Aucun achat publié pour les prochains trimestres."
              columns={[
                {
                  key: "objet",
                  header: "Objet",
                  principale: true,
                  render: (l) => (
                    <Anchor component={Link} to={l.url} underline="always">
                      {l.objet}
                    </Anchor>
                  ),
                },
                { key: "quand", header: "Lancement", render: (l) => `T${l.trimestre} ${l.annee}` },
                { key: "direction", header: "Direction", render: (l) => l.direction },
                { key: "valeur", header: "Valeur estimée", render: (l) => l.fourchette },
              ]}
            />
          </section>

          <section>
            <Title order={2}>Ce que le département achète</Title>
            <DataTable
              caption={`Marchés publiés par famille d'achat et par année (€ HT), ${a.annees[0]} à ${a.annees.at(-1)}`}
              rowKey={(f) => f.famille}
              rows={a.achatsParFamille}
              empty="Aucun marché publié sur la période."
              columns={[
                { key: "famille", header: "Famille d'achat", principale: true, render: (f) => f.famille },
                ...a.annees.map((an) => ({
                  key: String(an),
                  header: String(an),
                  render: (f: (typeof a.achatsParFamille)[number]) => {
                    const m = f.montants.find((x) => x.annee === an);
                    return m && m.nombre > 0 ? `${euros(m.montantHt)} (${m.nombre} ${plural(m.nombre, "marché")})` : "—";
                  },
                })),
              ]}
            />
          </section>

          <section>
            <Title order={2}>Attributions récentes</Title>
            <DataTable
              caption="Derniers marchés attribués et publiés"
              rowKey={(m) => m.id}
              rows={a.attributions}
              empty="Aucun marché publié."
              columns={[
                { key: "objet", header: "Objet", principale: true, render: (m) => m.objet },
                { key: "titulaires", header: "Titulaire", render: (m) => m.titulaires.join(", ") || "—" },
                {
                  key: "montant",
                  header: "Montant HT",
                  render: (m) =>
                    m.montantHt !== null
                      ? euros(m.montantHt)
                      : m.montantMaxHt !== null
                        ? `${euros(m.montantMaxHt)} au plus`
                        : "sans maximum",
                },
                { key: "date", header: "Notifié le", render: (m) => formatLegalDate(m.dateNotification) },
                { key: "direction", header: "Direction", render: (m) => m.direction },
              ]}
            />
          </section>

          <section>
            <Title order={2}>Prochain salon de l'achat public</Title>
            {a.prochainSalon ? (
              <Text>
                {a.prochainSalon.nom}, le {formatLegalDate(a.prochainSalon.date)} de {a.prochainSalon.heureOuverture} à{" "}
                {a.prochainSalon.heureFermeture}, {a.prochainSalon.lieu} —{" "}
                <Anchor component={Link} to="/salon" underline="always">
                  s'inscrire
                </Anchor>
              </Text>
            ) : (
              <Text>Aucun salon annoncé pour le moment.</Text>
            )}
          </section>

          <section>
            <Title order={2}>Guides pour les petites et moyennes entreprises</Title>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Paper withBorder p="md">
                <Title order={3}>Répondre à une consultation</Title>
                <List>
                  <List.Item>Repérez l'achat tôt : programme publié, alertes par courriel, flux RSS.</List.Item>
                  <List.Item>
                    Signalez votre intérêt sur la ligne du programme et répondez aux questionnaires de sourçage : l'acheteur peut consulter
                    les entreprises avant la consultation sans fausser la concurrence ({articles([a.guides.sourcage])}).
                  </List.Item>
                  <List.Item>
                    Retirez les documents sur le profil d'acheteur indiqué, posez vos questions avant la date limite, répondez seul ou en
                    groupement ; une offre arrivée après la date limite n'est pas examinée.
                  </List.Item>
                </List>
              </Paper>
              <Paper withBorder p="md">
                <Title order={3}>L'avance</Title>
                {a.guides.avance ? (
                  <Text>
                    Une avance est due lorsque le montant initial dépasse {euros(a.guides.avance.montantMinimumHt)} HT et la durée{" "}
                    {a.guides.avance.dureeMinimumMois} mois ; au moins {pct(a.guides.avance.tauxMinimum)} du montant, et{" "}
                    {pct(a.guides.avance.tauxMinimumPme)} pour une PME titulaire d'un marché d'une collectivité comme le département (
                    {articles(a.guides.avance.fondements)}).
                  </Text>
                ) : (
                  <Text>
                    Les règles de l'avance en vigueur aujourd'hui ne sont pas connues du moteur de règles : demandez-les à l'acheteur.
                  </Text>
                )}
              </Paper>
              <Paper withBorder p="md">
                <Title order={3}>Être payé en {a.guides.paiement?.delaiJours ?? "—"} jours</Title>
                {a.guides.paiement ? (
                  <Text>
                    Le département paie dans un délai de {a.guides.paiement.delaiJours} jours à compter de la réception de la facture. En
                    retard, les intérêts moratoires courent d'office, avec une indemnité forfaitaire de{" "}
                    {euros(a.guides.paiement.indemniteForfaitaire)} par facture. Exemple : une facture de{" "}
                    {euros(a.guides.paiement.exemple.montantTtc)} TTC reçue le {formatLegalDate(a.guides.paiement.exemple.dateReception)},
                    payée {a.guides.paiement.exemple.joursRetard} jours en retard, porte{" "}
                    {euros(a.guides.paiement.exemple.interetsMoratoires)} d'intérêts (taux {pct(a.guides.paiement.exemple.tauxInterets)})
                    plus l'indemnité ({articles(a.guides.paiement.fondements)}).
                  </Text>
                ) : (
                  <Text>Le moteur de règles ne couvre pas la date du jour : demandez le délai à l'acheteur.</Text>
                )}
              </Paper>
              <Paper withBorder p="md">
                <Title order={3}>Clauses sociales et environnementales</Title>
                <List>
                  {a.guides.clauses.map((c) => (
                    <List.Item key={c.obligation}>
                      {c.obligation[0]?.toUpperCase()}
                      {c.obligation.slice(1)} : à partir du {formatLegalDate(c.applicableDepuis)} ({articles(c.fondements)}).
                    </List.Item>
                  ))}
                  <List.Item>
                    Depuis le {formatLegalDate(a.clausesPubliees.depuis)}, sur {a.clausesPubliees.total}{" "}
                    {plural(a.clausesPubliees.total, "marché publié", "marchés publiés")}, {a.clausesPubliees.clauseSociale} comportent une
                    clause sociale ({a.clausesPubliees.heuresInsertion.toLocaleString("fr-FR")} heures d'insertion prévues) et{" "}
                    {a.clausesPubliees.clauseEnvironnementale} une clause environnementale.
                  </List.Item>
                </List>
              </Paper>
            </SimpleGrid>
          </section>
        </Stack>
      )}
    </Page>
  );
}
