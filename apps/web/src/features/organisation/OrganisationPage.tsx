import { DANGER } from "../../ui/colors";
import { Badge, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { DirectionOutput, ServiceOutput } from "@achat-public/contracts";
import { api } from "../../lib/api";
import { organisationQuery } from "./requetes";
import { plural } from "../../lib/format";
import { Chargement } from "../../ui/Chargement";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { ConfirmModal, FormModal } from "../../ui/FormModal";
import { Page } from "../../ui/Page";
import { useSession } from "../auth/session";

type Dialog =
  | { kind: "create-direction" }
  | { kind: "edit-direction"; direction: DirectionOutput }
  | { kind: "delete-direction"; direction: DirectionOutput }
  | { kind: "create-service"; direction: DirectionOutput }
  | { kind: "edit-service"; service: ServiceOutput }
  | { kind: "delete-service"; service: ServiceOutput }
  | null;

export default function OrganisationPage() {
  const { can } = useSession();
  const manage = can("organisation.manage");
  const queryClient = useQueryClient();
  const { data, error, isPending } = useQuery(organisationQuery);
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const reload = () => queryClient.invalidateQueries({ queryKey: ["organisation"] });

  return (
    <Page
      title="Directions et services"
      intro={
        data && (
          <Text>
            {data.nom} — SIRET {data.siret} — {plural(data.nombreDirections, "direction")}
            {data.directions.length < data.nombreDirections &&
              ` (les ${data.directions.length.toLocaleString("fr-FR")} premières sont affichées, dans l'ordre alphabétique)`}
          </Text>
        )
      }
      actions={
        manage && (
          <Group>
            <Button onClick={() => setDialog({ kind: "create-direction" })}>Nouvelle direction</Button>
          </Group>
        )
      }
    >
      <ErrorAlert error={error} title="Chargement impossible" />
      {isPending && <Chargement />}
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
        {data?.directions.map((direction) => (
          <Card key={direction.id} withBorder padding="lg" component="section" aria-labelledby={`dir-${direction.id}`}>
            <Stack gap="sm">
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                <Title order={2} size="h4" id={`dir-${direction.id}`} className="texte-coupable">
                  {direction.nom}
                </Title>
                <Badge color="collectivite.8" variant="filled" tt="none">
                  <span className="visually-hidden-inline">Sigle : </span>
                  {direction.sigle}
                </Badge>
              </Group>
              <Text size="sm">{plural(direction.nombreComptes, "compte rattaché", "comptes rattachés")}</Text>
              <Title order={3} size="h6">
                Services
              </Title>
              {direction.services.length === 0 ? (
                <Text size="sm">Aucun service.</Text>
              ) : (
                <List size="sm" spacing={4}>
                  {direction.services.map((service) => (
                    <List.Item key={service.id}>
                      <Group gap="xs" wrap="wrap" justify="space-between">
                        <span>
                          {service.nom} ({plural(service.nombreComptes, "compte")})
                        </span>
                        {manage && (
                          <Group gap={4} wrap="nowrap">
                            <Button size="compact-xs" variant="subtle" onClick={() => setDialog({ kind: "edit-service", service })}>
                              Renommer<span className="visually-hidden-inline"> {service.nom}</span>
                            </Button>
                            <Button
                              size="compact-xs"
                              variant="subtle"
                              color={DANGER}
                              onClick={() => setDialog({ kind: "delete-service", service })}
                            >
                              Supprimer<span className="visually-hidden-inline"> {service.nom}</span>
                            </Button>
                          </Group>
                        )}
                      </Group>
                    </List.Item>
                  ))}
                </List>
              )}
              {manage && (
                <Group gap="xs">
                  <Button size="xs" variant="light" onClick={() => setDialog({ kind: "create-service", direction })}>
                    Ajouter un service<span className="visually-hidden-inline"> à {direction.sigle}</span>
                  </Button>
                  <Button size="xs" variant="default" onClick={() => setDialog({ kind: "edit-direction", direction })}>
                    Modifier<span className="visually-hidden-inline"> {direction.sigle}</span>
                  </Button>
                  <Button size="xs" variant="default" color={DANGER} onClick={() => setDialog({ kind: "delete-direction", direction })}>
                    Supprimer<span className="visually-hidden-inline"> {direction.sigle}</span>
                  </Button>
                </Group>
              )}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>

      <FormModal
        title={dialog?.kind === "edit-direction" ? `Modifier ${dialog.direction.nom}` : "Nouvelle direction"}
        opened={dialog?.kind === "create-direction" || dialog?.kind === "edit-direction"}
        onClose={close}
        fields={[
          { name: "nom", label: "Nom", kind: "text", required: true, description: "Ex. : Direction des bâtiments" },
          { name: "sigle", label: "Sigle", kind: "text", required: true, description: "1 à 12 lettres majuscules, chiffres ou tirets" },
        ]}
        initialValues={
          dialog?.kind === "edit-direction" ? { nom: dialog.direction.nom, sigle: dialog.direction.sigle } : { nom: "", sigle: "" }
        }
        submitLabel="Enregistrer"
        onSubmit={async (v) => {
          if (dialog?.kind === "edit-direction") {
            await api("PUT", `/api/directions/${dialog.direction.id}`, { nom: v.nom, sigle: v.sigle, version: dialog.direction.version });
          } else {
            await api("POST", "/api/directions", { nom: v.nom, sigle: v.sigle });
          }
          await reload();
        }}
      />
      <FormModal
        title={
          dialog?.kind === "edit-service"
            ? `Renommer ${dialog.service.nom}`
            : `Nouveau service${dialog?.kind === "create-service" ? ` — ${dialog.direction.sigle}` : ""}`
        }
        opened={dialog?.kind === "create-service" || dialog?.kind === "edit-service"}
        onClose={close}
        fields={[{ name: "nom", label: "Nom du service", kind: "text", required: true }]}
        initialValues={{ nom: dialog?.kind === "edit-service" ? dialog.service.nom : "" }}
        submitLabel="Enregistrer"
        onSubmit={async (v) => {
          if (dialog?.kind === "edit-service") {
            await api("PUT", `/api/services/${dialog.service.id}`, { nom: v.nom, version: dialog.service.version });
          } else if (dialog?.kind === "create-service") {
            await api("POST", `/api/directions/${dialog.direction.id}/services`, { nom: v.nom });
          }
          await reload();
        }}
      />
      <ConfirmModal
        title="Supprimer la direction"
        message={
          dialog?.kind === "delete-direction"
            ? `La direction « ${dialog.direction.nom} » et ses ${plural(dialog.direction.services.length, "service")} seront supprimés. Cette action est tracée dans le journal d'audit.`
            : ""
        }
        opened={dialog?.kind === "delete-direction"}
        confirmLabel="Supprimer"
        onClose={close}
        onConfirm={async () => {
          if (dialog?.kind === "delete-direction") await api("DELETE", `/api/directions/${dialog.direction.id}`);
          await reload();
        }}
      />
      <ConfirmModal
        title="Supprimer le service"
        message={dialog?.kind === "delete-service" ? `Le service « ${dialog.service.nom} » sera supprimé.` : ""}
        opened={dialog?.kind === "delete-service"}
        confirmLabel="Supprimer"
        onClose={close}
        onConfirm={async () => {
          if (dialog?.kind === "delete-service") await api("DELETE", `/api/services/${dialog.service.id}`);
          await reload();
        }}
      />
    </Page>
  );
}
