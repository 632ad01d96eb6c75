import { DANGER, SUCCESS } from "../../ui/colors";
import { Badge, Button, Group, Loader, NativeSelect, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import type { OrganisationOutput, UtilisateurOutput, UtilisateursPage } from "@achat-public/contracts";
import { ROLE_LABELS, ROLES } from "@achat-public/domain";
import { api, query } from "../../lib/api";
import { formatInstant, plural } from "../../lib/format";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { ConfirmModal, FormModal, type FieldSpec, type FormValues } from "../../ui/FormModal";
import { Page } from "../../ui/Page";
import { useSession } from "../auth/session";

type Dialog =
  | { kind: "create" }
  | { kind: "edit"; user: UtilisateurOutput }
  | { kind: "password"; user: UtilisateurOutput }
  | { kind: "delete"; user: UtilisateurOutput }
  | null;

const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

export function UsersPage() {
  const { can, utilisateur } = useSession();
  const manage = can("user.manage");
  const queryClient = useQueryClient();
  const [recherche, setRecherche] = useState("");
  const [role, setRole] = useState("");
  const [directionId, setDirectionId] = useState("");
  const [debounced] = useDebouncedValue(recherche, 300);
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);

  const organisation = useQuery({
    queryKey: ["organisation"],
    queryFn: () => api<OrganisationOutput>("GET", "/api/organisation"),
    enabled: can("organisation.read"),
  });
  const users = useQuery({
    queryKey: ["utilisateurs", debounced, role, directionId],
    queryFn: async () =>
      (await api<UtilisateursPage>("GET", `/api/utilisateurs${query({ recherche: debounced, role, directionId, parPage: 200 })}`))
        .utilisateurs,
  });
  const reload = () => queryClient.invalidateQueries({ queryKey: ["utilisateurs"] });

  const directions = organisation.data?.directions ?? [];
  const directionName = useMemo(() => new Map(directions.map((d) => [d.id, d.sigle])), [directions]);
  const serviceName = useMemo(() => new Map(directions.flatMap((d) => d.services.map((s) => [s.id, s.nom] as const))), [directions]);
  const directionOptions = [{ value: "", label: "Aucune" }, ...directions.map((d) => ({ value: d.id, label: `${d.sigle} — ${d.nom}` }))];

  const userFields = (values: FormValues, withPassword: boolean): FieldSpec[] => {
    const services = directions.find((d) => d.id === values.directionId)?.services ?? [];
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
              description: "12 caractères au moins ; laissez vide pour un compte qui ne se connecte pas encore",
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

  return (
    <Page
      title="Utilisateurs"
      intro={<Text>{users.data ? plural(users.data.length, "compte affiché", "comptes affichés") : "Comptes de la plateforme"}</Text>}
      actions={
        manage && (
          <Group>
            <Button onClick={() => setDialog({ kind: "create" })}>Nouveau compte</Button>
          </Group>
        )
      }
    >
      <form role="search" aria-label="Filtrer les comptes" onSubmit={(e) => e.preventDefault()}>
        <Group align="flex-end">
          <TextInput label="Rechercher (nom ou adresse)" value={recherche} onChange={(e) => setRecherche(e.currentTarget.value)} />
          <NativeSelect
            label="Rôle"
            value={role}
            onChange={(e) => setRole(e.currentTarget.value)}
            data={[{ value: "", label: "Tous" }, ...roleOptions]}
          />
          {directions.length > 0 && (
            <NativeSelect
              label="Direction"
              value={directionId}
              onChange={(e) => setDirectionId(e.currentTarget.value)}
              data={[{ value: "", label: "Toutes" }, ...directions.map((d) => ({ value: d.id, label: d.sigle }))]}
            />
          )}
        </Group>
      </form>
      <ErrorAlert error={users.error} title="Chargement impossible" />
      {users.isPending && <Loader aria-label="Chargement" />}
      {users.data && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover>
            <Table.Caption>Comptes visibles selon votre rôle</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Nom</Table.Th>
                <Table.Th scope="col">Adresse</Table.Th>
                <Table.Th scope="col">Rôle</Table.Th>
                <Table.Th scope="col">Direction / service</Table.Th>
                <Table.Th scope="col">État</Table.Th>
                <Table.Th scope="col">Dernière connexion</Table.Th>
                {manage && <Table.Th scope="col">Actions</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>{u.nomAffiche}</Table.Td>
                  <Table.Td>{u.email}</Table.Td>
                  <Table.Td>{ROLE_LABELS[u.role]}</Table.Td>
                  <Table.Td>
                    {u.directionId ? (directionName.get(u.directionId) ?? "—") : "—"}
                    {u.serviceId ? ` / ${serviceName.get(u.serviceId) ?? ""}` : ""}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={u.actif ? SUCCESS : "gray.8"} variant="filled">
                      {u.actif ? "Actif" : "Inactif"}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{u.derniereConnexion ? formatInstant(u.derniereConnexion) : "Jamais"}</Table.Td>
                  {manage && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button size="compact-xs" variant="subtle" onClick={() => setDialog({ kind: "edit", user: u })}>
                          Modifier<span className="visually-hidden-inline"> {u.email}</span>
                        </Button>
                        <Button size="compact-xs" variant="subtle" onClick={() => setDialog({ kind: "password", user: u })}>
                          Mot de passe<span className="visually-hidden-inline"> de {u.email}</span>
                        </Button>
                        {u.id !== utilisateur?.id && (
                          <Button size="compact-xs" variant="subtle" color={DANGER} onClick={() => setDialog({ kind: "delete", user: u })}>
                            Supprimer<span className="visually-hidden-inline"> {u.email}</span>
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
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
        title={dialog?.kind === "password" ? `Nouveau mot de passe pour ${dialog.user.email}` : ""}
        opened={dialog?.kind === "password"}
        onClose={close}
        fields={[
          {
            name: "motDePasse",
            label: "Nouveau mot de passe",
            kind: "password",
            required: true,
            description: "12 caractères au moins ; les sessions ouvertes du compte seront fermées",
          },
        ]}
        initialValues={{ motDePasse: "" }}
        submitLabel="Définir le mot de passe"
        onSubmit={async (v) => {
          if (dialog?.kind === "password")
            await api("PUT", `/api/utilisateurs/${dialog.user.id}/mot-de-passe`, { motDePasse: String(v.motDePasse) });
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
