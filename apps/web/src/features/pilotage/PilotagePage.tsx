import { Anchor, Badge, Button, Card, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import type { IndicateursOutput, RepartitionOutput } from "@achat-public/contracts";
import { CLES_INDICATEURS, type CleIndicateur, formaterValeur } from "@achat-public/domain/pilotage";
import { api, query } from "../../lib/api";
import { sortFr } from "../../lib/format";
import { DANGER, SUCCESS } from "../../ui/colors";
import { Chargement } from "../../ui/Chargement";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { ExportButton } from "../../ui/ExportButton";
import { Graphique } from "../../ui/Graphique";
import { Page } from "../../ui/Page";
import { useSession } from "../auth/session";
import { organisationQuery } from "../organisation/requetes";
import { SalonPilotage } from "../salon/SalonPilotage";
import { type FiltresPilotage, filtresDe, GROUPES, parametres } from "./filtres";

type Indicateur = IndicateursOutput["indicateurs"][CleIndicateur];

const ANNEE_COURANTE = new Date().getFullYear();
const ANNEES = Array.from({ length: 8 }, (_, i) => ANNEE_COURANTE + 1 - i);
const ETATS = { atteinte: "Objectif atteint", "non-atteinte": "Objectif non atteint", "non-calculable": "Non calculable" } as const;

function Carte({ cle, i, lien }: { cle: CleIndicateur; i: Indicateur; lien: string }) {
  return (
    <Card withBorder padding="sm" component="article" aria-labelledby={`ind-${cle}`}>
      <Stack gap={4}>
        <Text size="sm" fw={600} id={`ind-${cle}`}>
          {i.libelle}
        </Text>
        <Text size="xl" fw={700}>
          {formaterValeur(i.unite, i.valeur)}
        </Text>
        {i.cible !== null && i.etatCible && (
          <Group gap="xs">
            <Text size="sm">Objectif : {formaterValeur(i.unite, i.cible)}</Text>
            <Badge variant="outline" color={i.etatCible === "atteinte" ? SUCCESS : i.etatCible === "non-atteinte" ? DANGER : "gray"}>
              {i.etatCible === "atteinte" ? "✓ " : i.etatCible === "non-atteinte" ? "✗ " : ""}
              {ETATS[i.etatCible]}
            </Badge>
          </Group>
        )}
        <details>
          <summary>Définition</summary>
          <Text size="sm">{i.definition}</Text>
          <Text size="sm">Formule : {i.formule}</Text>
        </details>
        <Anchor component={Link} to={lien} size="sm" underline="always">
          Voir les marchés<span className="visually-hidden-inline"> : {i.libelle}</span>
        </Anchor>
      </Stack>
    </Card>
  );
}

/** Page "/pilotage": the indicators against their targets, the charts, the drill-downs and the SPASER report. */
export default function PilotagePage() {
  const { can, utilisateur } = useSession();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const filtres = { ...filtresDe(params, ANNEE_COURANTE), mois: "", famille: "" };
  const p = parametres(filtres);
  const toutesDirections = utilisateur?.role !== "acheteur";

  const indicateurs = useQuery({
    queryKey: ["indicateurs", p],
    queryFn: () => api<IndicateursOutput>("GET", `/api/indicateurs${query(p)}`),
  });
  const repartitions = useQueries({
    queries: (["direction", "mois", "famille"] as const).map((axe) => ({
      queryKey: ["indicateurs-repartition", axe, p],
      queryFn: () => api<RepartitionOutput>("GET", `/api/indicateurs/repartition${query({ ...p, axe })}`),
    })),
  });
  const tendance = useQueries({
    queries: Array.from({ length: 5 }, (_, k) => filtres.annee - 4 + k).map((annee) => ({
      queryKey: ["indicateurs", { ...p, annee }],
      queryFn: () => api<IndicateursOutput>("GET", `/api/indicateurs${query({ ...p, annee })}`),
    })),
  });
  const organisation = useQuery({ ...organisationQuery, enabled: toutesDirections });
  const directions = useMemo(() => sortFr(organisation.data?.directions ?? [], (d) => d.nom), [organisation.data]);

  const changer = (f: Partial<FiltresPilotage>) => {
    const suivant = { ...filtres, ...f };
    const q = new URLSearchParams();
    q.set("annee", String(suivant.annee));
    if (suivant.direction) q.set("direction", suivant.direction);
    if (suivant.montantMinHt) q.set("montantMinHt", suivant.montantMinHt);
    setParams(q, { replace: true });
  };
  const lien = (cle: CleIndicateur, extra: Record<string, string | number | undefined> = {}) =>
    `/pilotage/marches${query({ ...p, ...extra, indicateur: cle })}`;

  const [parDirection, parMois, parFamille] = repartitions.map((r) => r.data);
  const versDirection = (i: number) => {
    const s = parDirection?.series[i];
    if (s) navigate(lien("nombreMarchesNotifies", { direction: s.cle }));
  };
  const versMois = (i: number) => {
    const s = parMois?.series[i];
    if (s) navigate(`/pilotage/marches${query({ ...p, mois: s.cle, indicateur: "nombreMarchesNotifies" })}`);
  };
  const versFamille = (i: number) => {
    const s = parFamille?.series[i];
    if (s) navigate(lien("montantNotifieHt", { famille: s.cle }));
  };
  const anneesTendance = tendance.map((_, k) => filtres.annee - 4 + k);
  const versAnnee = (i: number) => navigate(lien("nombreMarchesNotifies", { annee: anneesTendance[i] }));
  const tendanceOk = tendance.every((t) => t.data);

  return (
    <Page
      title="Pilotage de la politique d'achat"
      intro={
        <Text>
          Les indicateurs sont calculés à partir des marchés eux-mêmes ; chaque chiffre mène à la liste des marchés qui le composent. Les
          parts des achats responsables sont celles que le SPASER publie chaque année (article L2111-3 du code de la commande publique).
        </Text>
      }
    >
      <form aria-label="Période et périmètre" onSubmit={(e) => e.preventDefault()}>
        <Group align="end" wrap="wrap">
          <NativeSelect
            label="Année de notification"
            value={String(filtres.annee)}
            data={ANNEES.map(String)}
            onChange={(e) => changer({ annee: Number(e.currentTarget.value) })}
          />
          {!toutesDirections && utilisateur?.direction && (
            <Text>
              Direction : <strong>{utilisateur.direction.nom}</strong> ({utilisateur.direction.sigle}) — les chiffres de votre direction.
            </Text>
          )}
          {toutesDirections && (
            <NativeSelect
              label="Direction"
              value={filtres.direction}
              data={[
                { value: "", label: "Toutes les directions" },
                ...directions.map((d) => ({ value: d.id, label: `${d.nom} (${d.sigle})` })),
              ]}
              onChange={(e) => changer({ direction: e.currentTarget.value })}
            />
          )}
          <NativeSelect
            label="Montant des marchés"
            value={filtres.montantMinHt}
            data={[
              { value: "", label: "Tous les montants" },
              { value: "40000", label: "40 000 € HT ou plus (données essentielles publiées)" },
              { value: "90000", label: "90 000 € HT ou plus" },
            ]}
            onChange={(e) => changer({ montantMinHt: e.currentTarget.value })}
          />
        </Group>
      </form>

      <Group>
        <ExportButton path="/api/indicateurs/export" filtres={p} quoi="le tableau des indicateurs" />
        <Button component="a" variant="default" href={`/api/spaser/rapport${query({ annee: filtres.annee, format: "pdf" })}`} download>
          Rapport annuel du SPASER {filtres.annee} (PDF)
        </Button>
        <Anchor href={`/api/spaser/rapport${query({ annee: filtres.annee, format: "html" })}`} underline="always">
          Version HTML du rapport
        </Anchor>
      </Group>

      <ErrorAlert error={indicateurs.error} title="Chargement impossible" />
      {indicateurs.isPending && <Chargement />}
      {indicateurs.data &&
        GROUPES.map((g) => (
          <section key={g.titre} aria-labelledby={`groupe-${g.titre}`}>
            <Title order={2} size="h3" id={`groupe-${g.titre}`} mb="xs">
              {g.titre}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
              {g.cles.map((cle) => (
                <Carte key={cle} cle={cle} i={(indicateurs.data as IndicateursOutput).indicateurs[cle]} lien={lien(cle)} />
              ))}
            </SimpleGrid>
          </section>
        ))}

      <section aria-labelledby="graphiques">
        <Title order={2} size="h3" id="graphiques" mb="xs">
          En graphiques
        </Title>
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
          {tendanceOk && (
            <Graphique
              titre={`Achats responsables et PME, de ${filtres.annee - 4} à ${filtres.annee}`}
              categories={tendance.map((t) => String(t.data?.filtre.du.slice(0, 4)))}
              parts
              series={(["partConsiderationSociale", "partConsiderationEnvironnementale", "partPmeNombre"] as const).map((cle) => ({
                nom: tendance[0]?.data?.indicateurs[cle].libelle ?? cle,
                valeurs: tendance.map((t) => t.data?.indicateurs[cle].valeur ?? null),
                formater: (v) => formaterValeur("part", v),
                type: "ligne" as const,
              }))}
              onCategorie={versAnnee}
              exporter={{
                path: "/api/indicateurs/repartition/export",
                filtres: {
                  du: `${filtres.annee - 4}-01-01`,
                  au: `${filtres.annee}-12-31`,
                  direction: p.direction,
                  montantMinHt: p.montantMinHt,
                  axe: "annee",
                },
              }}
            />
          )}
          {parDirection && (
            <Graphique
              titre="Montant notifié par direction (€ HT)"
              categories={parDirection.series.map((s) => s.libelle)}
              series={[
                {
                  nom: "Montant notifié HT",
                  valeurs: parDirection.series.map((s) => s.indicateurs.montantNotifieHt.valeur),
                  formater: (v) => formaterValeur("euros", v),
                },
              ]}
              onCategorie={versDirection}
              exporter={{ path: "/api/indicateurs/repartition/export", filtres: { ...p, axe: "direction" } }}
            />
          )}
          {parDirection && (
            <Graphique
              titre="Part des PME par direction (en nombre de marchés)"
              categories={parDirection.series.map((s) => s.libelle)}
              parts
              cible={
                indicateurs.data?.indicateurs.partPmeNombre.cible != null
                  ? { valeur: indicateurs.data.indicateurs.partPmeNombre.cible, libelle: "Objectif" }
                  : null
              }
              series={[
                {
                  nom: "Part des PME",
                  valeurs: parDirection.series.map((s) => s.indicateurs.partPmeNombre.valeur),
                  formater: (v) => formaterValeur("part", v),
                },
              ]}
              onCategorie={versDirection}
              exporter={{ path: "/api/indicateurs/repartition/export", filtres: { ...p, axe: "direction" } }}
            />
          )}
          {parMois && (
            <Graphique
              titre={`Marchés notifiés par mois en ${filtres.annee}`}
              categories={parMois.series.map((s) => s.libelle)}
              series={[
                {
                  nom: "Marchés notifiés",
                  valeurs: parMois.series.map((s) => s.indicateurs.nombreMarchesNotifies.valeur),
                  formater: (v) => formaterValeur("nombre", v),
                },
              ]}
              onCategorie={versMois}
              exporter={{ path: "/api/indicateurs/repartition/export", filtres: { ...p, axe: "mois" } }}
            />
          )}
          {parFamille && (
            <Graphique
              titre="Montant notifié par famille d'achat (division CPV, € HT)"
              categories={parFamille.series.map((s) => s.libelle)}
              series={[
                {
                  nom: "Montant notifié HT",
                  valeurs: parFamille.series.map((s) => s.indicateurs.montantNotifieHt.valeur),
                  formater: (v) => formaterValeur("euros", v),
                },
              ]}
              hauteur={380}
              onCategorie={versFamille}
              exporter={{ path: "/api/indicateurs/repartition/export", filtres: { ...p, axe: "famille" } }}
            />
          )}
        </SimpleGrid>
      </section>

      <SalonPilotage />

      {can("pilotage.cibles") && <Objectifs annee={filtres.annee} />}
    </Page>
  );
}

/** The SPASER targets of the year, set by the procurement directorate (shares typed in percent). */
function Objectifs({ annee }: { annee: number }) {
  const client = useQueryClient();
  const [indicateur, setIndicateur] = useState<CleIndicateur>("partConsiderationSociale");
  const [valeur, setValeur] = useState<string | number>("");
  const [fait, setFait] = useState<string | null>(null);
  const indicateurs = useQuery({
    queryKey: ["indicateurs", { annee }],
    queryFn: () => api<IndicateursOutput>("GET", `/api/indicateurs${query({ annee })}`),
  });
  const unite = indicateurs.data?.indicateurs[indicateur].unite;
  const enregistrer = useMutation({
    mutationFn: () =>
      api("PUT", "/api/indicateurs/cibles", {
        indicateur,
        annee,
        valeur: unite === "part" ? Number(valeur) / 100 : Number(valeur),
      }),
    onSuccess: async () => {
      setFait(`Objectif ${annee} enregistré.`);
      await client.invalidateQueries({ queryKey: ["indicateurs"] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFait(null);
    enregistrer.mutate();
  };
  return (
    <section aria-labelledby="objectifs">
      <Title order={2} size="h3" id="objectifs" mb="xs">
        Objectifs du SPASER pour {annee}
      </Title>
      <form onSubmit={submit} aria-labelledby="objectifs">
        <Group align="end" wrap="wrap">
          <NativeSelect
            label="Indicateur"
            value={indicateur}
            data={CLES_INDICATEURS.map((c) => ({ value: c, label: indicateurs.data?.indicateurs[c].libelle ?? c }))}
            onChange={(e) => setIndicateur(e.currentTarget.value as CleIndicateur)}
          />
          <NumberInput
            label={unite === "part" ? "Objectif (en %)" : "Objectif"}
            value={valeur}
            onChange={setValeur}
            decimalSeparator=","
            min={0}
            max={unite === "part" ? 100 : undefined}
            required
            error={enregistrer.error instanceof Error ? enregistrer.error.message : undefined}
          />
          <Button type="submit" loading={enregistrer.isPending}>
            Enregistrer l'objectif
          </Button>
        </Group>
      </form>
      <Text size="sm" aria-live="polite">
        {fait}
      </Text>
    </section>
  );
}
