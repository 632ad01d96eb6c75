import { Anchor, List, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import type { SecuritePage } from "@achat-public/contracts";
import { api, query } from "../../lib/api";
import { formatInstant, plural } from "../../lib/format";
import { Bloc } from "../../ui/Bloc";
import { ErrorAlert } from "../../ui/ErrorAlert";

/** The calendar day, `jours` days ago, as YYYY-MM-DD in the browser's time zone. */
function ilYa(jours: number): string {
  const d = new Date();
  d.setDate(d.getDate() - jours);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Start-page block of the administrators: security events of the last seven days, and the trail. */
export default function SecuriteBloc() {
  const { data, error } = useQuery({
    queryKey: ["securite", "7-jours"],
    queryFn: () => api<SecuritePage>("GET", `/api/securite/evenements${query({ du: ilYa(7), parPage: 1 })}`),
  });
  const dernier = data?.evenements[0];
  return (
    <Bloc titre="Sécurité">
      <ErrorAlert error={error} title="Chargement impossible" />
      {data && (
        <Text size="sm">
          {data.total === 0
            ? "Aucun événement de sécurité ces 7 derniers jours."
            : `${plural(data.total, "événement de sécurité", "événements de sécurité")} ces 7 derniers jours${
                dernier ? ` ; le plus récent : ${dernier.libelle.toLowerCase()}, le ${formatInstant(dernier.date)}` : ""
              }.`}
        </Text>
      )}
      <List size="sm" spacing={4}>
        <List.Item>
          <Anchor component={Link} to="/securite" underline="always">
            Voir les événements de sécurité
          </Anchor>
        </List.Item>
        <List.Item>
          <Anchor component={Link} to="/audit" underline="always">
            Consulter le journal d'audit
          </Anchor>
        </List.Item>
      </List>
    </Bloc>
  );
}
