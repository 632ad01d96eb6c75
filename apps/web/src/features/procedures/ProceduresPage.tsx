import { Anchor, Badge, Button, Group, NativeSelect, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import type { LigneProgrammeOutput, ProcedureOutput, ResumeProcedureOutput } from "@achat-public/contracts";
import { api, query } from "../../lib/api";
import { sortFr } from "../../lib/format";
import { Chargement } from "../../ui/Chargement";
import { DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { FormModal, type FieldSpec, type FormValues } from "../../ui/FormModal";
import { Page } from "../../ui/Page";
import { Pagination } from "../../ui/Pagination";
import { useSession } from "../auth/session";
import { organisationQuery } from "../organisation/requetes";
import { euros } from "../programme/libelles";
import { dateFr, ETATS, nombre } from "./libelles";

interface PageProcedures {
  total: number;
  page: number;
  parPage: number;
  procedures: ResumeProcedureOutput[];
}

const PAR_PAGE = 25;
const TRIS = [
  { value: "reference", label: "Référence" },
  { value: "objet", label: "Objet" },
  { value: "valeur", label: "Valeur estimée" },
  { value: "dateLimiteReception", label: "Date limite de réception" },
  { value: "etat", label: "État" },
  { value: "direction", label: "Direction" },
];
const PROCEDURES_DECP = ["Procédure adaptée", "Appel d'offres ouvert", "Appel d'offres restreint", "Procédure avec négociation"];
const anneeCourante = () => new Date().getFullYear();

/**
 * Page "/procedures": the procedures the role may see (its direction for a direction buyer), filtered, sorted
 * and paged by the server; a buyer creates one from a validated programme line or directly with a reason.
 */
export default function ProceduresPage() {
  const { can, utilisateur } = useSession();
  const ecrire = can("procedures.write");
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const annee = params.get("annee") ?? "";
  const statut = params.get("statut") ?? "";
  const directionId = params.get("directionId") ?? "";
  const tri = params.get("tri") ?? "reference";
  const ordre = params.get("ordre") === "asc" ? "asc" : "desc";
  const page = Math.max(1, Number(params.get("page")) || 1);
  const [q, setQ] = useState(params.get("q") ?? "");
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const [creation, setCreation] = useState(false);

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
  const filtres = { annee, statut, directionId, q: debounced, tri, ordre };
  const liste = useQuery({
    queryKey: ["procedures", "liste", filtres, page],
    queryFn: () => api<PageProcedures>("GET", `/api/procedures${query({ ...filtres, page, parPage: PAR_PAGE })}`),
    placeholderData: keepPreviousData,
  });
  const lignes = useQuery({
    queryKey: ["procedures", "lignes-programme"],
    enabled: ecrire && creation,
    queryFn: async () => {
      const out: LigneProgrammeOutput[] = [];
      for (const a of [anneeCourante(), anneeCourante() + 1]) {
        for (const s of ["validee", "publiee"]) {
          const r = await api<{ lignes: LigneProgrammeOutput[] }>(
            "GET",
            `/api/programme/lignes${query({ annee: a, statut: s, parPage: 200 })}`,
          );
          out.push(...r.lignes);
        }
      }
      return out;
    },
  });

  const champs = (v: FormValues): FieldSpec[] => [
    {
      name: "ligneId",
      label: "Ligne de la programmation",
      kind: "select",
      description: "Une ligne validée ou publiée ; sinon, motivez une procédure hors programmation",
      options: [
        { value: "", label: "Aucune (procédure hors programmation)" },
        ...(lignes.data ?? []).map((l) => ({ value: l.id, label: `${l.annee} — ${l.objet} (${euros(l.valeurEstimeeHt)})` })),
      ],
    },
    ...(v.ligneId
      ? []
      : [
          { name: "motifHorsProgramme", label: "Motif de la procédure hors programmation", kind: "text" as const, required: true },
          { name: "objet", label: "Objet", kind: "text" as const, required: true },
          {
            name: "nature",
            label: "Nature",
            kind: "select" as const,
            options: [
              { value: "services", label: "Services" },
              { value: "fournitures", label: "Fournitures" },
              { value: "travaux", label: "Travaux" },
            ],
          },
          { name: "cpv", label: "Code CPV", kind: "text" as const, required: true, description: "ex. 90911200-8" },
          { name: "valeurEstimeeHt", label: "Valeur estimée (€ HT)", kind: "text" as const, required: true },
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
        ]),
    { name: "procedure", label: "Procédure", kind: "select", options: PROCEDURES_DECP.map((p) => ({ value: p, label: p })) },
    { name: "justificationProcedure", label: "Justification (procédure plus exigeante que nécessaire)", kind: "text" },
    { name: "dateLimiteReception", label: "Date limite de réception des offres", kind: "text", description: "AAAA-MM-JJ" },
    { name: "urlProfilAcheteur", label: "Adresse de la consultation sur le profil d'acheteur", kind: "text", description: "https://…" },
    { name: "dureeMois", label: "Durée (mois)", kind: "text", required: true },
    { name: "critereEnvironnemental", label: "Critère d'attribution environnemental (40 %)", kind: "switch" },
    { name: "conditionExecutionEnvironnementale", label: "Condition d'exécution environnementale", kind: "switch" },
    { name: "conditionExecutionSociale", label: "Condition d'exécution sociale", kind: "switch" },
  ];

  const corps = (v: FormValues) => {
    const ligne = (lignes.data ?? []).find((l) => l.id === v.ligneId);
    const lot = ligne
      ? { objet: ligne.objet, cpv: ligne.cpv, valeurEstimeeHt: ligne.valeurEstimeeHt }
      : { objet: String(v.objet), cpv: String(v.cpv), valeurEstimeeHt: nombre(v.valeurEstimeeHt) };
    return {
      annee: ligne?.annee ?? anneeCourante(),
      directionId: ligne?.directionId ?? (v.directionId ? String(v.directionId) : null),
      lignesProgrammeIds: ligne ? [ligne.id] : [],
      motifHorsProgramme: ligne ? null : String(v.motifHorsProgramme ?? ""),
      objet: ligne?.objet ?? String(v.objet),
      nature: ligne?.nature ?? String(v.nature || "services"),
      procedure: String(v.procedure || PROCEDURES_DECP[0]),
      justificationProcedure: v.justificationProcedure ? String(v.justificationProcedure) : null,
      criteres: [
        { libelle: "Prix", poids: 60, prix: true },
        v.critereEnvironnemental
          ? { libelle: "Performance environnementale", poids: 40, environnemental: true }
          : { libelle: "Valeur technique", poids: 40 },
      ],
      conditionExecutionEnvironnementale: v.conditionExecutionEnvironnementale === true,
      conditionExecutionSociale: v.conditionExecutionSociale === true,
      urlProfilAcheteur: v.urlProfilAcheteur ? String(v.urlProfilAcheteur) : null,
      dureeMois: nombre(v.dureeMois),
      dateLimiteReception: v.dateLimiteReception ? String(v.dateLimiteReception) : null,
      lots: [lot],
    };
  };

  const data = liste.data;
  return (
    <Page
      title="Procédures"
      intro={
        <Text>
          Les consultations {utilisateur?.role === "acheteur" ? "de votre direction" : "des directions"}, de la préparation à la
          notification. Chaque décision légale (procédure permise, délais, obligations Climat) est demandée au moteur de règles.
        </Text>
      }
      actions={ecrire && <Button onClick={() => setCreation(true)}>Nouvelle procédure</Button>}
    >
      {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is not yet exposed as a landmark by every screen reader */}
      <form role="search" aria-label="Filtrer les procédures" onSubmit={(e) => e.preventDefault()}>
        <Group align="flex-end">
          <TextInput
            label="Rechercher (objet, référence)"
            type="search"
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setFiltres({ q: e.currentTarget.value.trim() });
            }}
          />
          <NativeSelect
            label="Année"
            value={annee}
            onChange={(e) => setFiltres({ annee: e.currentTarget.value })}
            data={[{ value: "", label: "Toutes" }, ...[anneeCourante() - 1, anneeCourante(), anneeCourante() + 1].map((a) => String(a))]}
          />
          <NativeSelect
            label="État"
            value={statut}
            onChange={(e) => setFiltres({ statut: e.currentTarget.value })}
            data={[{ value: "", label: "Tous" }, ...Object.entries(ETATS).map(([value, label]) => ({ value, label }))]}
          />
          {utilisateur?.role !== "acheteur" && directions.length > 0 && (
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
      <ErrorAlert error={liste.error} title="Chargement impossible" />
      {liste.isPending && <Chargement />}
      {data && (
        <>
          <Pagination
            element={["procédure", "procédures"]}
            total={data.total}
            page={data.page}
            parPage={data.parPage}
            onPage={(p) => setFiltres({ page: p })}
            label="Pages des procédures"
          />
          <DataTable<ResumeProcedureOutput>
            caption="Procédures"
            rows={data.procedures}
            rowKey={(p) => p.id}
            minWidth={1000}
            empty={<Text>Aucune procédure ne correspond à ces filtres.</Text>}
            columns={[
              {
                key: "objet",
                header: "Objet",
                principale: true,
                render: (p) => (
                  <Anchor component={Link} to={`/procedures/${p.id}`}>
                    {p.objet}
                  </Anchor>
                ),
              },
              { key: "reference", header: "Référence", nowrap: true, render: (p) => p.reference },
              { key: "direction", header: "Direction", render: (p) => p.direction },
              { key: "procedure", header: "Procédure", render: (p) => p.procedure },
              { key: "valeur", header: "Valeur estimée HT", nowrap: true, render: (p) => euros(p.valeurEstimeeHt) },
              { key: "lots", header: "Lots / offres", nowrap: true, render: (p) => `${p.nombreLots} / ${p.nombreOffres}` },
              { key: "dlro", header: "Date limite", nowrap: true, render: (p) => dateFr(p.dateLimiteReception) },
              {
                key: "etat",
                header: "État",
                render: (p) => (
                  <Badge variant="outline" color="gray.8" tt="none">
                    {ETATS[p.etat]}
                  </Badge>
                ),
              },
            ]}
          />
        </>
      )}
      <FormModal
        title="Nouvelle procédure"
        opened={creation}
        onClose={() => setCreation(false)}
        fields={[]}
        fieldsFor={champs}
        initialValues={{
          ligneId: "",
          motifHorsProgramme: "",
          objet: "",
          nature: "services",
          cpv: "",
          valeurEstimeeHt: "",
          directionId: "",
          procedure: PROCEDURES_DECP[0] ?? "",
          justificationProcedure: "",
          dateLimiteReception: "",
          urlProfilAcheteur: "",
          dureeMois: "12",
          critereEnvironnemental: false,
          conditionExecutionEnvironnementale: false,
          conditionExecutionSociale: false,
        }}
        submitLabel="Créer la procédure"
        onSubmit={async (v) => {
          const p = await api<ProcedureOutput>("POST", "/api/procedures", corps(v));
          await queryClient.invalidateQueries({ queryKey: ["procedures"] });
          navigate(`/procedures/${p.id}`);
        }}
      />
    </Page>
  );
}
