import { Anchor, Card, List, SimpleGrid, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { useSession } from "../auth/session";
import { Page } from "../../ui/Page";

/** Where each permission is exercised in the app. */
const PERMISSION_LINKS: Record<string, string> = {
  "organisation.read": "/organisation",
  "organisation.manage": "/organisation",
  "user.read": "/utilisateurs",
  "user.manage": "/utilisateurs",
  "audit.read": "/audit",
  "regles.simulate": "/simulateur",
};

export function HomePage() {
  const { utilisateur, theme } = useSession();
  if (!utilisateur) return null;
  return (
    <Page
      title={`Bonjour ${utilisateur.nomAffiche}`}
      intro={<Text>Bienvenue sur la plateforme de pilotage de la commande publique — {theme.nomOrganisation}.</Text>}
    >
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder padding="lg">
          <Title order={2} size="h3" mb="sm">
            Qui suis-je ?
          </Title>
          <List spacing="xs">
            <List.Item>Adresse : {utilisateur.email}</List.Item>
            <List.Item>Rôle : {utilisateur.roleLibelle}</List.Item>
            <List.Item>
              Direction :{" "}
              {utilisateur.direction ? `${utilisateur.direction.nom} (${utilisateur.direction.sigle})` : "aucune (périmètre transversal)"}
            </List.Item>
          </List>
        </Card>
        <Card withBorder padding="lg">
          <Title order={2} size="h3" mb="sm">
            Ce que je peux faire
          </Title>
          <List spacing="xs">
            {utilisateur.permissions.map((p) => {
              const to = PERMISSION_LINKS[p.code];
              return (
                <List.Item key={p.code}>
                  {to ? (
                    <Anchor component={Link} to={to}>
                      {p.libelle}
                    </Anchor>
                  ) : (
                    p.libelle
                  )}
                </List.Item>
              );
            })}
          </List>
        </Card>
      </SimpleGrid>
    </Page>
  );
}
