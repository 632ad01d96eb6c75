import { Badge, Button, Group, NativeSelect, Paper, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import type { UtilisateurOutput, UtilisateursPage as PageUtilisateurs } from "@achat-public/contracts";
import { ROLE_LABELS, ROLES } from "@achat-public/domain";
import { api, query } from "../../lib/api";
import { formatInstant, sortFr } from "../../lib/format";
import { DANGER, SUCCESS, WARNING } from "../../ui/colors";
import { Chargement } from "../../ui/Chargement";
import { DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { ExportButton } from "../../ui/ExportButton";
import { ConfirmModal, FormModal, type FieldSpec, type FormValues } from "../../ui/FormModal";
import { ImportTableur } from "../../ui/import/ImportTableur";
import { Page } from "../../ui/Page";
import { Pagination } from "../../ui/Pagination";
import { useSession } from "../auth/session";
import { organisationQuery } from "../organisation/requetes";

type Dialog =
  | { kind: "create" }
  | { kind: "edit"; user: UtilisateurOutput }
  | { kind: "password"; user: UtilisateurOutput }
  | { kind: "delete"; user: UtilisateurOutput }
  | null;

const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
const PAR_PAGE_DEFAUT = 50;
const TAILLES = [25, 50, 100, 200];
/** The columns of the accounts spreadsheet (the API's import template), for the preview of an import. */
const ENTETES_IMPORT = {
  email: "Adresse électronique",
  nomAffiche: "Prénom et nom",
  role: "Rôle",
  direction: "Sigle de la direction",
  service: "Service",
};

/**
 * Page "/utilisateurs": the accounts the role may see, page by page, filtered (the filters are in the
 * address, so a filtered list can be bookmarked), exported, imported from a spreadsheet and managed.
 */
export default function UtilisateursPage() {
  const { can, utilisateur } = useSession();
  const manage = can("user.manage");
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const role = params.get("role") ?? "";
  const directionId = params.get("directionId") ?? "";
  const page = Math.max(1, Number(params.get("page")) || 1);
  const parPage = TAILLES.includes(Number(params.get("parPage"))) ? Number(params.get("parPage")) : PAR_PAGE_DEFAUT;
  const [recherche, setRecherche] = useState(params.get("recherche") ?? "");
  const [debounced] = useDebouncedValue(recherche.trim(), 300);
  const [dialog, setDialog] = useState<Dialog>(params.get("action") === "nouveau" && manage ? { kind: "create" } : null);
  const [importOuvert, setImportOuvert] = useState(params.get("action") === "import" && manage);
  const close = () => setDialog(null);

  /** Changes filters (back to page 1 unless the page itself changes); `action` is read once then dropped. */
  const setFiltres = (changes: Record<string, string | number | null>) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete("action");
        if (!("page" in changes)) next.delete("page");
        for (const [key, value] of Object.entries(changes)) {
          if (value === null || value === "" || (key === "page" && value === 1) || (key === "parPage" && value === PAR_PAGE_DEFAUT))
            next.delete(key);
          else next.set(key, String(value));
        }
        return next;
      },
      { replace: true },
    );
  };

  // `?action=nouveau|import` (links of the start page) is acted on once, then dropped from the address
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on arrival
  useEffect(() => {
    if (params.has("action")) setFiltres({ page });
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the search box writes the address once the typing pauses
  useEffect(() => {
    if (debounced !== (params.get("recherche") ?? "")) setFiltres({ recherche: debounced });
  }, [debounced]);

  const organisation = useQuery({ ...organisationQuery, enabled: can("organisation.read") });
  const filtres = { recherche: debounced, role, directionId };
  const users = useQuery({
    queryKey: ["utilisateurs", filtres, page, parPage],
    queryFn: () => api<PageUtilisateurs>("GET", `/api/utilisateurs${query({ ...filtres, page, parPage })}`),
    placeholderData: keepPreviousData,
  });
  const reload = () => queryClient.invalidateQueries({ queryKey: ["utilisateurs"] });

  const directions = useMemo(() => sortFr(organisation.data?.directions ?? [], (d) => d.nom), [organisation.data]);
  const directionSigle = useMemo(() => new Map(directions.map((d) => [d.id, d.sigle])), [directions]);
  const serviceName = useMemo(() => new Map(directions.flatMap((d) => d.services.map((s) => [s.id, s.nom] as const))), [directions]);
  const directionOptions = [{ value: "", label: "Aucune" }, ...directions.map((d) => ({ value: d.id, label: `${d.sigle} — ${d.nom}` }))];

  const userFields = (values: FormValues, withPassword: boolean): FieldSpec[] => {
    const services = sortFr(directions.find((d) => d.id === values.directionId)?.services ?? [], (s) => s.nom);
    return [
      { name: "email", label: "Adresse électronique", kind: "email", required: true, autoComplete: "off" },
      { name: "nomAffiche", label: "Prénom et nom", kind: "text", required: true },
      { name: "role", label: "Rôle", kind: "select", options: roleOptions, required: true },
      {
        name: "directionId",
        label: "Direction",
        kind: "select",
        options: directionOptions,
        description: "Obligatoire pour un acheteur de direction",
      },
      {
        name: "serviceId",
        label: "Service",
        kind: "select",
        options: [{ value: "", label: "Aucun" }, ...services.map((s) => ({ value: s.id, label: s.nom }))],
      },
      ...(withPassword
        ? [
            {
              name: "motDePasse",
              label: "Mot de passe initial",
              kind: "password" as const,
              solidite: true,
              description:
                "Laissez vide pour un compte qui ne se connecte pas encore ; le titulaire devra le changer à sa première connexion",
            },
          ]
        : [
            {
              name: "actif",
              label: "Compte actif",
              kind: "switch" as const,
              description: "Un compte inactif ne peut plus se connecter ; ses sessions sont fermées",
            },
          ]),
    ];
  };

  const payload = (v: FormValues) => ({
    email: String(v.email),
    nomAffiche: String(v.nomAffiche),
    role: String(v.role),
    directionId: v.directionId ? String(v.directionId) : null,
    serviceId: v.serviceId ? String(v.serviceId) : null,
  });

  const ownPassword = dialog?.kind === "password" && dialog.user.id === utilisateur?.id;
  const data = users.data;

  return (
    <Page
      title="Utilisateurs"
      intro={<Text>Les comptes de la plateforme que votre rôle permet de voir, dans l'ordre alphabétique des noms.</Text>}
      actions={
        <Group>
          {manage && <Button onClick={() => setDialog({ kind: "create" })}>Nouveau compte</Button>}
          {manage && (
            <Button variant="light" aria-expanded={importOuvert} aria-controls="import-comptes" onClick={() => setImportOuvert((o) => !o)}>
              Importer des comptes
            </Button>
          )}
          <ExportButton path="/api/utilisateurs/export" filtres={filtres} quoi="la liste des comptes, avec les filtres choisis" />
        </Group>
      }
    >
      {manage && importOuvert && (
        <Paper withBorder p="lg" id="import-comptes">
          <ImportTableur
            type="utilisateurs"
            quoi="des comptes"
            entetes={ENTETES_IMPORT}
            aide={
              <Text size="sm">
                Une ligne par compte : adresse électronique, prénom et nom, rôle, sigle de la direction et service le cas échéant. Les
                comptes importés n'ont pas encore de mot de passe : définissez-le ensuite, compte par compte.
              </Text>
            }
            onTermine={() => void reload()}
          />
        </Paper>
      )}

      {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is not yet exposed as a landmark by every screen reader */}
      <form role="search" aria-label="Filtrer les comptes" onSubmit={(e) => e.preventDefault()}>
        <Group align="flex-end">
          <TextInput
            label="Rechercher (nom ou adresse)"
            type="search"
            value={recherche}
            onChange={(e) => setRecherche(e.currentTarget.value)}
          />
          <NativeSelect
            label="Rôle"
            value={role}
            onChange={(e) => setFiltres({ role: e.currentTarget.value })}
            data={[{ value: "", label: "Tous" }, ...roleOptions]}
          />
          {directions.length > 0 && (
            <NativeSelect
              label="Direction"
              value={directionId}
              onChange={(e) => setFiltres({ directionId: e.currentTarget.value })}
              data={[{ value: "", label: "Toutes" }, ...directions.map((d) => ({ value: d.id, label: `${d.sigle} — ${d.nom}` }))]}
            />
          )}
        </Group>
      </form>
      <ErrorAlert error={users.error} title="Chargement impossible" />
      {users.isPending && <Chargement />}
      {data && (
        <>
          <Pagination
            element={["compte", "comptes"]}
            total={data.total}
            page={data.page}
            parPage={data.parPage}
            onPage={(p) => setFiltres({ page: p })}
            onParPage={(n) => setFiltres({ parPage: n })}
            tailles={TAILLES}
            label="Pages des comptes"
          />
          <DataTable<UtilisateurOutput>
            caption="Comptes visibles selon votre rôle"
            rows={data.utilisateurs}
            rowKey={(u) => u.id}
            minWidth={980}
            empty={<Text>Aucun compte ne correspond à ces filtres.</Text>}
            columns={[
              { key: "nom", header: "Nom", principale: true, render: (u) => u.nomAffiche },
              { key: "email", header: "Adresse", render: (u) => u.email },
              { key: "role", header: "Rôle", render: (u) => ROLE_LABELS[u.role] },
              {
                key: "direction",
                header: "Direction / service",
                render: (u) =>
                  `${u.directionId ? (directionSigle.get(u.directionId) ?? "—") : "—"}${u.serviceId ? ` / ${serviceName.get(u.serviceId) ?? ""}` : ""}`,
              },
              {
                key: "etat",
                header: "État",
                nowrap: true,
                render: (u) => (
                  <Group gap={4}>
                    <Badge color={u.actif ? SUCCESS : "gray.8"} variant="filled" tt="none">
                      {u.actif ? "Actif" : "Inactif"}
                    </Badge>
                    {u.motDePasseAChanger && (
                      <Badge color={WARNING} variant="outline" tt="none">
                        Mot de passe provisoire
                      </Badge>
                    )}
                  </Group>
                ),
              },
              {
                key: "connexion",
                header: "Dernière connexion",
                render: (u) => (u.derniereConnexion ? formatInstant(u.derniereConnexion) : "Jamais"),
              },
              ...(manage
                ? [
                    {
                      key: "actions",
                      header: "Actions",
                      actions: true,
                      render: (u: UtilisateurOutput) => (
                        <Group gap={4} wrap="nowrap">
                          <Button size="compact-xs" variant="subtle" onClick={() => setDialog({ kind: "edit", user: u })}>
                            Modifier<span className="visually-hidden-inline"> {u.email}</span>
                          </Button>
                          <Button size="compact-xs" variant="subtle" onClick={() => setDialog({ kind: "password", user: u })}>
                            Mot de passe<span className="visually-hidden-inline"> de {u.email}</span>
                          </Button>
                          {u.id !== utilisateur?.id && (
                            <Button
                              size="compact-xs"
                              variant="subtle"
                              color={DANGER}
                              onClick={() => setDialog({ kind: "delete", user: u })}
                            >
                              Supprimer<span className="visually-hidden-inline"> {u.email}</span>
                            </Button>
                          )}
                        </Group>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </>
      )}

      <FormModal
        title={dialog?.kind === "edit" ? `Modifier ${dialog.user.email}` : "Nouveau compte"}
        opened={dialog?.kind === "create" || dialog?.kind === "edit"}
        onClose={close}
        fields={[]}
        fieldsFor={(v) => userFields(v, dialog?.kind === "create")}
        initialValues={
          dialog?.kind === "edit"
            ? {
                email: dialog.user.email,
                nomAffiche: dialog.user.nomAffiche,
                role: dialog.user.role,
                directionId: dialog.user.directionId ?? "",
                serviceId: dialog.user.serviceId ?? "",
                actif: dialog.user.actif,
              }
            : { email: "", nomAffiche: "", role: "acheteur", directionId: "", serviceId: "", motDePasse: "" }
        }
        submitLabel="Enregistrer"
        onSubmit={async (v) => {
          if (dialog?.kind === "edit") {
            await api("PUT", `/api/utilisateurs/${dialog.user.id}`, {
              ...payload(v),
              actif: v.actif === true,
              version: dialog.user.version,
            });
          } else {
            await api("POST", "/api/utilisateurs", { ...payload(v), motDePasse: v.motDePasse ? String(v.motDePasse) : null });
          }
          await reload();
        }}
      />
      <FormModal
        title={
          dialog?.kind === "password"
            ? ownPassword
              ? "Redéfinir votre mot de passe"
              : `Nouveau mot de passe pour ${dialog.user.email}`
            : ""
        }
        opened={dialog?.kind === "password"}
        onClose={close}
        fields={[
          ...(ownPassword
            ? [
                {
                  name: "motDePasseActuel",
                  label: "Votre mot de passe actuel",
                  kind: "password" as const,
                  required: true,
                  autoComplete: "current-password",
                  description: "Exigé pour redéfinir votre propre mot de passe",
                },
              ]
            : []),
          {
            name: "motDePasse",
            label: "Nouveau mot de passe",
            kind: "password",
            required: true,
            solidite: true,
            description: ownPassword
              ? "Vos autres sessions seront fermées"
              : "Le titulaire devra le remplacer à sa prochaine connexion ; ses sessions ouvertes seront fermées",
          },
        ]}
        initialValues={{ motDePasse: "", motDePasseActuel: "" }}
        submitLabel="Définir le mot de passe"
        onSubmit={async (v) => {
          if (dialog?.kind === "password")
            await api("PUT", `/api/utilisateurs/${dialog.user.id}/mot-de-passe`, {
              motDePasse: String(v.motDePasse),
              ...(ownPassword ? { motDePasseActuel: String(v.motDePasseActuel) } : {}),
            });
          await reload();
        }}
      />
      <ConfirmModal
        title="Supprimer le compte"
        message={
          dialog?.kind === "delete"
            ? `Le compte ${dialog.user.email} sera supprimé. Pour seulement bloquer l'accès, rendez-le inactif.`
            : ""
        }
        opened={dialog?.kind === "delete"}
        confirmLabel="Supprimer"
        onClose={close}
        onConfirm={async () => {
          if (dialog?.kind === "delete") await api("DELETE", `/api/utilisateurs/${dialog.user.id}`);
          await reload();
        }}
      />
    </Page>
  );
}
