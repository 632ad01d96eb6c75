import { Alert, Anchor, Badge, Button, Group, NativeSelect, Paper, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router";
import type { LigneProgrammeOutput } from "@achat-public/contracts";
import { api, query } from "../../lib/api";
import { sortFr } from "../../lib/format";
import { WARNING } from "../../ui/colors";
import { Chargement } from "../../ui/Chargement";
import { DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { FormModal, type FieldSpec, type FormValues } from "../../ui/FormModal";
import { ImportTableur } from "../../ui/import/ImportTableur";
import { Page } from "../../ui/Page";
import { Pagination } from "../../ui/Pagination";
import { useSession } from "../auth/session";
import { organisationQuery } from "../organisation/requetes";
import { ANNEES, anneeCourante, euros, NATURES, PROCEDURES, STATUTS } from "./libelles";

interface PageLignes {
  total: number;
  page: number;
  parPage: number;
  lignes: LigneProgrammeOutput[];
}

type Dialog = { kind: "create" } | { kind: "edit"; ligne: LigneProgrammeOutput } | { kind: "renvoyer"; ligne: LigneProgrammeOutput } | null;

const PAR_PAGE = 50;
const TRIS = [
  { value: "objet", label: "Objet" },
  { value: "valeur", label: "Valeur estimée" },
  { value: "trimestre", label: "Trimestre" },
  { value: "direction", label: "Direction" },
  { value: "statut", label: "État" },
];

const ENTETES_IMPORT = {
  annee: "Année",
  direction: "Sigle de la direction",
  objet: "Objet",
  nature: "Nature",
  cpv: "Code CPV",
  valeurEstimeeHt: "Valeur estimée (€ HT)",
  trimestre: "Trimestre de lancement",
};

/**
 * Page "/programme": the lines of the year the role may see (its direction for a direction buyer), sorted and
 * paged by the server, with their state, their split-purchase alert and the workflow actions the role holds.
 */
export default function ProgrammePage() {
  const { can, utilisateur } = useSession();
  const ecrire = can("programme.write");
  const valider = can("programme.validate");
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const annee = Number(params.get("annee")) || anneeCourante() + 1;
  const statut = params.get("statut") ?? "";
  const directionId = params.get("directionId") ?? "";
  const tri = params.get("tri") ?? "objet";
  const ordre = params.get("ordre") === "desc" ? "desc" : "asc";
  const page = Math.max(1, Number(params.get("page")) || 1);
  const [recherche, setRecherche] = useState(params.get("recherche") ?? "");
  const [debounced] = useDebouncedValue(recherche.trim(), 300);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [importOuvert, setImportOuvert] = useState(false);
  const [erreurAction, setErreurAction] = useState<unknown>(null);

  const setFiltres = (changes: Record<string, string | number | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (!("page" in changes)) next.delete("page");
        for (const [key, value] of Object.entries(changes)) {
          if (value === null || value === "") next.delete(key);
          else next.set(key, String(value));
        }
        return next;
      },
      { replace: true },
    );

  const organisation = useQuery({ ...organisationQuery, enabled: can("organisation.read") });
  const directions = useMemo(() => sortFr(organisation.data?.directions ?? [], (d) => d.nom), [organisation.data]);
  const sigle = useMemo(() => new Map(directions.map((d) => [d.id, d.sigle])), [directions]);
  const familles = useQuery({
    queryKey: ["programme", "familles"],
    queryFn: () => api<{ id: string; code: string; libelle: string; nature: string }[]>("GET", "/api/programme/familles"),
  });
  const filtres = { annee, statut, directionId, recherche: debounced, tri, ordre };
  const lignes = useQuery({
    queryKey: ["programme", "lignes", filtres, page],
    queryFn: () => api<PageLignes>("GET", `/api/programme/lignes${query({ ...filtres, page, parPage: PAR_PAGE })}`),
    placeholderData: keepPreviousData,
  });
  const reload = () => queryClient.invalidateQueries({ queryKey: ["programme"] });

  const agir = async (ligne: LigneProgrammeOutput, action: string, commentaire?: string) => {
    setErreurAction(null);
    try {
      await api("POST", `/api/programme/lignes/${ligne.id}/${action}`, { version: ligne.version, commentaire: commentaire ?? null });
      await reload();
    } catch (e) {
      setErreurAction(e);
    }
  };

  const champs = (v: FormValues): FieldSpec[] => [
    ...(utilisateur?.role === "acheteur"
      ? []
      : [
          {
            name: "directionId",
            label: "Direction",
            kind: "select" as const,
            required: true,
            options: [{ value: "", label: "Choisir" }, ...directions.map((d) => ({ value: d.id, label: `${d.sigle} — ${d.nom}` }))],
          },
        ]),
    { name: "objet", label: "Objet du besoin", kind: "text", required: true },
    {
      name: "nature",
      label: "Nature",
      kind: "select",
      required: true,
      options: Object.entries(NATURES).map(([value, label]) => ({ value, label })),
    },
    { name: "cpv", label: "Code CPV", kind: "text", required: true, description: "8 chiffres, ex. 30213100-6" },
    ...(v.nature === "travaux"
      ? [
          {
            name: "operation",
            label: "Opération",
            kind: "text" as const,
            required: true,
            description: "Les travaux d'une même opération s'additionnent (R2121-5)",
          },
        ]
      : [
          {
            name: "familleId",
            label: "Famille d'achat",
            kind: "select" as const,
            description: "Déduite du code CPV si vous ne la choisissez pas",
            options: [
              { value: "", label: "Déduire du code CPV" },
              ...(familles.data ?? [])
                .filter((f) => f.nature === v.nature)
                .map((f) => ({ value: f.id, label: `${f.code} — ${f.libelle}` })),
            ],
          },
        ]),
    {
      name: "valeurEstimeeHt",
      label: "Valeur estimée (€ HT)",
      kind: "text",
      required: true,
      description: "Options, reconductions et lots compris (R2121-1)",
    },
    {
      name: "trimestre",
      label: "Trimestre de lancement",
      kind: "select",
      options: ["1", "2", "3", "4"].map((t) => ({ value: t, label: `T${t}` })),
    },
    { name: "dureeMois", label: "Durée (mois)", kind: "text", required: true },
    { name: "renouvellement", label: "Renouvellement d'un marché arrivant à échéance", kind: "switch" },
    { name: "clauseSociale", label: "Clause sociale envisagée", kind: "switch" },
    { name: "lotReserve", label: "Lot réservé envisagé", kind: "switch" },
    { name: "critereEnvironnemental", label: "Critère environnemental envisagé", kind: "switch" },
    { name: "innovation", label: "Achat innovant", kind: "switch" },
  ];

  const valeurs = (l?: LigneProgrammeOutput): FormValues => ({
    directionId: l?.directionId ?? "",
    objet: l?.objet ?? "",
    nature: l?.nature ?? "fournitures",
    cpv: l?.cpv ?? "",
    operation: l?.operation ?? "",
    familleId: l?.familleId ?? "",
    valeurEstimeeHt: l ? String(l.valeurEstimeeHt) : "",
    trimestre: String(l?.trimestre ?? 1),
    dureeMois: String(l?.dureeMois ?? 12),
    renouvellement: l?.renouvellement ?? false,
    clauseSociale: l?.clauseSociale ?? false,
    lotReserve: l?.lotReserve ?? false,
    critereEnvironnemental: l?.critereEnvironnemental ?? false,
    innovation: l?.innovation ?? false,
  });

  const nombre = (s: FormValues[string] | undefined) => {
    const n = Number(String(s).replace(/\s/g, "").replace(",", "."));
    return Number.isFinite(n) && String(s).trim() !== "" ? n : String(s);
  };
  const corps = (v: FormValues) => ({
    annee,
    directionId: v.directionId ? String(v.directionId) : null,
    objet: String(v.objet),
    nature: String(v.nature),
    cpv: String(v.cpv),
    operation: v.nature === "travaux" ? String(v.operation) : null,
    familleId: v.nature !== "travaux" && v.familleId ? String(v.familleId) : null,
    valeurEstimeeHt: nombre(v.valeurEstimeeHt),
    trimestre: Number(v.trimestre),
    dureeMois: nombre(v.dureeMois),
    renouvellement: v.renouvellement === true,
    clauseSociale: v.clauseSociale === true,
    lotReserve: v.lotReserve === true,
    critereEnvironnemental: v.critereEnvironnemental === true,
    innovation: v.innovation === true,
  });

  const actions = (l: LigneProgrammeOutput) => {
    const boutons: { action: string; libelle: string }[] = [];
    const modifiable = l.statut === "brouillon" || l.statut === "renvoyee";
    if (ecrire && modifiable) boutons.push({ action: "modifier", libelle: "Modifier" }, { action: "soumettre", libelle: "Soumettre" });
    if (valider && l.statut === "soumise")
      boutons.push({ action: "valider", libelle: "Valider" }, { action: "renvoyer", libelle: "Renvoyer" });
    if (valider && l.statut === "validee") boutons.push({ action: "publier", libelle: "Publier" });
    if (ecrire && (l.statut === "validee" || l.statut === "publiee")) boutons.push({ action: "reviser", libelle: "Nouvelle version" });
    return (
      <Group gap={4} wrap="nowrap">
        {boutons.map((b) => (
          <Button
            key={b.action}
            size="compact-xs"
            variant="subtle"
            onClick={() => {
              if (b.action === "modifier") setDialog({ kind: "edit", ligne: l });
              else if (b.action === "renvoyer") setDialog({ kind: "renvoyer", ligne: l });
              else void agir(l, b.action);
            }}
          >
            {b.libelle}
            <span className="visually-hidden-inline"> : {l.objet}</span>
          </Button>
        ))}
        {l.statut === "publiee" && can("sourcage.read") && (
          <Anchor component={Link} to={`/programme/lignes/${l.id}/interet`} size="xs" underline="always">
            Intérêt des entreprises<span className="visually-hidden-inline"> : {l.objet}</span>
          </Anchor>
        )}
      </Group>
    );
  };

  const data = lignes.data;
  return (
    <Page
      title="Programmation des achats"
      intro={
        <Text>
          Les besoins {utilisateur?.role === "acheteur" ? "de votre direction" : "des directions"} pour l'année choisie : une ligne par
          besoin, soumise à la direction de la commande publique qui la valide ou la renvoie, puis la publie. Une ligne validée ne change
          plus qu'en créant une nouvelle version.
        </Text>
      }
      actions={
        ecrire && (
          <Group>
            <Button onClick={() => setDialog({ kind: "create" })}>Nouveau besoin</Button>
            <Button variant="light" aria-expanded={importOuvert} aria-controls="import-besoins" onClick={() => setImportOuvert((o) => !o)}>
              Importer des besoins
            </Button>
          </Group>
        )
      }
    >
      {ecrire && importOuvert && (
        <Paper withBorder p="lg" id="import-besoins">
          <ImportTableur
            type="besoins"
            quoi="des besoins"
            entetes={ENTETES_IMPORT}
            aide={<Text size="sm">Une ligne par besoin. Toutes les lignes sont importées, ou aucune.</Text>}
            onTermine={() => void reload()}
          />
        </Paper>
      )}
      {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is not yet exposed as a landmark by every screen reader */}
      <form role="search" aria-label="Filtrer les lignes" onSubmit={(e) => e.preventDefault()}>
        <Group align="flex-end">
          <NativeSelect
            label="Année"
            value={String(annee)}
            onChange={(e) => setFiltres({ annee: e.currentTarget.value })}
            data={ANNEES().map((a) => String(a))}
          />
          <TextInput
            label="Rechercher dans l'objet"
            type="search"
            value={recherche}
            onChange={(e) => {
              setRecherche(e.currentTarget.value);
              setFiltres({ recherche: e.currentTarget.value.trim() });
            }}
          />
          <NativeSelect
            label="État"
            value={statut}
            onChange={(e) => setFiltres({ statut: e.currentTarget.value })}
            data={[{ value: "", label: "Tous" }, ...Object.entries(STATUTS).map(([value, label]) => ({ value, label }))]}
          />
          {!(utilisateur?.role === "acheteur") && directions.length > 0 && (
            <NativeSelect
              label="Direction"
              value={directionId}
              onChange={(e) => setFiltres({ directionId: e.currentTarget.value })}
              data={[{ value: "", label: "Toutes" }, ...directions.map((d) => ({ value: d.id, label: `${d.sigle} — ${d.nom}` }))]}
            />
          )}
          <NativeSelect label="Trier par" value={tri} onChange={(e) => setFiltres({ tri: e.currentTarget.value })} data={TRIS} />
          <NativeSelect
            label="Ordre"
            value={ordre}
            onChange={(e) => setFiltres({ ordre: e.currentTarget.value })}
            data={[
              { value: "asc", label: "Croissant" },
              { value: "desc", label: "Décroissant" },
            ]}
          />
        </Group>
      </form>
      <div aria-live="polite">
        <ErrorAlert error={erreurAction} title="Action refusée" />
      </div>
      <ErrorAlert error={lignes.error} title="Chargement impossible" />
      {lignes.isPending && <Chargement />}
      {data && (
        <>
          <Pagination
            element={["ligne", "lignes"]}
            total={data.total}
            page={data.page}
            parPage={data.parPage}
            onPage={(p) => setFiltres({ page: p })}
            label="Pages de la programmation"
          />
          <DataTable<LigneProgrammeOutput>
            caption={`Lignes de la programmation ${annee}`}
            rows={data.lignes}
            rowKey={(l) => l.id}
            minWidth={1100}
            empty={<Text>Aucune ligne ne correspond à ces filtres.</Text>}
            columns={[
              { key: "objet", header: "Objet", principale: true, render: (l) => l.objet },
              { key: "direction", header: "Direction", render: (l) => sigle.get(l.directionId) ?? "—" },
              { key: "cpv", header: "CPV", nowrap: true, render: (l) => l.cpv },
              { key: "valeur", header: "Valeur estimée HT", nowrap: true, render: (l) => euros(l.valeurEstimeeHt) },
              { key: "trimestre", header: "Trimestre", nowrap: true, render: (l) => `T${l.trimestre}` },
              {
                key: "etat",
                header: "État",
                render: (l) => (
                  <Group gap={4}>
                    <Badge variant="outline" color="gray.8" tt="none">
                      {STATUTS[l.statut]}
                      {l.numeroVersion > 1 ? ` (v${l.numeroVersion})` : ""}
                    </Badge>
                    {l.familleProcedure && <Text size="xs">{PROCEDURES[l.familleProcedure]}</Text>}
                    {l.commentaire && <Text size="xs">Renvoi : {l.commentaire}</Text>}
                  </Group>
                ),
              },
              {
                key: "alerte",
                header: "Alerte",
                render: (l) =>
                  l.alerteFractionnement ? (
                    <Alert color={WARNING} variant="outline" p={6} title="Fractionnement">
                      <Text size="xs">{l.alerteFractionnement}</Text>
                    </Alert>
                  ) : (
                    "—"
                  ),
              },
              { key: "actions", header: "Actions", actions: true, render: actions },
            ]}
          />
        </>
      )}
      <FormModal
        title={dialog?.kind === "edit" ? `Modifier « ${dialog.ligne.objet} »` : "Nouveau besoin"}
        opened={dialog?.kind === "create" || dialog?.kind === "edit"}
        onClose={() => setDialog(null)}
        fields={[]}
        fieldsFor={champs}
        initialValues={valeurs(dialog?.kind === "edit" ? dialog.ligne : undefined)}
        submitLabel="Enregistrer"
        onSubmit={async (v) => {
          if (dialog?.kind === "edit") {
            await api("PUT", `/api/programme/lignes/${dialog.ligne.id}`, { ...corps(v), version: dialog.ligne.version });
          } else {
            await api("POST", "/api/programme/lignes", corps(v));
          }
          await reload();
        }}
      />
      <FormModal
        title={dialog?.kind === "renvoyer" ? `Renvoyer « ${dialog.ligne.objet} » à la direction` : ""}
        opened={dialog?.kind === "renvoyer"}
        onClose={() => setDialog(null)}
        fields={[{ name: "commentaire", label: "Ce que la direction doit revoir", kind: "text", required: true }]}
        initialValues={{ commentaire: "" }}
        submitLabel="Renvoyer"
        onSubmit={async (v) => {
          if (dialog?.kind !== "renvoyer") return;
          await api("POST", `/api/programme/lignes/${dialog.ligne.id}/renvoyer`, {
            version: dialog.ligne.version,
            commentaire: String(v.commentaire),
          });
          await reload();
        }}
      />
    </Page>
  );
}
