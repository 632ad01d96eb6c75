import { Anchor, List, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import type { UtilisateursPage } from "@achat-public/contracts";
import { api } from "../../lib/api";
import { plural } from "../../lib/format";
import { Bloc } from "../../ui/Bloc";
import { ErrorAlert } from "../../ui/ErrorAlert";

/** Start-page block of the administrators: the accounts, and the usual actions on them. */
export default function ComptesBloc() {
  const { data, error } = useQuery({
    queryKey: ["utilisateurs", "total"],
    queryFn: () => api<UtilisateursPage>("GET", "/api/utilisateurs?parPage=1"),
  });
  return (
    <Bloc titre="Comptes">
      <ErrorAlert error={error} title="Chargement impossible" />
      {data && <Text size="sm">{plural(data.total, "compte")} sur la plateforme.</Text>}
      <List size="sm" spacing={4}>
        <List.Item>
          <Anchor component={Link} to="/utilisateurs?action=nouveau" underline="always">
            Créer un compte
          </Anchor>
        </List.Item>
        <List.Item>
          <Anchor component={Link} to="/utilisateurs?action=import" underline="always">
            Importer des comptes depuis un tableur
          </Anchor>
        </List.Item>
        <List.Item>
          <Anchor href="/api/utilisateurs/export?format=xlsx" download underline="always">
            Exporter tous les comptes (XLSX)
          </Anchor>
        </List.Item>
        <List.Item>
          <Anchor component={Link} to="/utilisateurs" underline="always">
            Voir et modifier les comptes
          </Anchor>
        </List.Item>
      </List>
    </Bloc>
  );
}
