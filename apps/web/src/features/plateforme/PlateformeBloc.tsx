import { Anchor, List, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import type { CourrielsPage, TachesPage } from "@achat-public/contracts";
import { api } from "../../lib/api";
import { plural } from "../../lib/format";
import { Bloc } from "../../ui/Bloc";
import { ErrorAlert } from "../../ui/ErrorAlert";

/** Start-page block of the administrators: outgoing mail and failed background tasks. */
export default function PlateformeBloc() {
  const courriels = useQuery({ queryKey: ["courriels", "total"], queryFn: () => api<CourrielsPage>("GET", "/api/courriels?parPage=1") });
  const taches = useQuery({
    queryKey: ["taches-en-echec", "total"],
    queryFn: () => api<TachesPage>("GET", "/api/taches/en-echec?parPage=1"),
  });
  return (
    <Bloc titre="Courriels et tâches de fond">
      <ErrorAlert error={courriels.error ?? taches.error} title="Chargement impossible" />
      {courriels.data && (
        <Text size="sm">
          {plural(courriels.data.total, "courriel")}.{" "}
          {courriels.data.envoiConfigure
            ? "Un serveur d'envoi est configuré."
            : "Aucun serveur d'envoi n'est configuré : les courriels sont conservés dans la plateforme, sans partir."}
        </Text>
      )}
      {taches.data && (
        <Text size="sm" fw={taches.data.total > 0 ? 700 : undefined}>
          {taches.data.total === 0
            ? "Aucune tâche de fond en échec."
            : `${plural(taches.data.total, "tâche de fond en échec", "tâches de fond en échec")} : à relancer.`}
        </Text>
      )}
      <List size="sm" spacing={4}>
        <List.Item>
          <Anchor component={Link} to="/courriels" underline="always">
            Lire les courriels
          </Anchor>
        </List.Item>
        <List.Item>
          <Anchor component={Link} to="/taches" underline="always">
            Voir les tâches en échec
          </Anchor>
        </List.Item>
      </List>
    </Bloc>
  );
}
