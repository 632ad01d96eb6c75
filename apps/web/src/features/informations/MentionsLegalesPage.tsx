import { Anchor, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { Page } from "../../ui/Page";
import { useSession } from "../auth/session";

function Section({ titre, children }: { titre: string; children: ReactNode }) {
  return (
    <Stack gap="xs" component="section">
      <Title order={2} size="h3">
        {titre}
      </Title>
      {children}
    </Stack>
  );
}

/** Page « Mentions légales » (public, footer of every page). */
export default function MentionsLegalesPage() {
  const { theme } = useSession();
  const organisation = theme.nomOrganisation || "La collectivité qui exploite cette plateforme";
  return (
    <Page title="Mentions légales">
      {theme.demo && (
        <Text>
          <strong>Instance de démonstration</strong> : les directions, services et comptes affichés sont fictifs, générés pour présenter la
          plateforme.
        </Text>
      )}
      <Section titre="Éditeur">
        <Text>
          Cette plateforme est éditée par {organisation}, pouvoir adjudicateur, pour conduire et piloter sa commande publique. Le directeur
          ou la directrice de la publication est son représentant légal (pour un département, le président ou la présidente du conseil
          départemental).
        </Text>
      </Section>
      <Section titre="Hébergement">
        <Text>
          La plateforme est hébergée par ou pour le compte de {organisation}, qui en communique les coordonnées de l'hébergeur sur demande.
        </Text>
      </Section>
      <Section titre="Logiciel">
        <Text>
          La plateforme repose sur achat-public, logiciel libre publié sous la licence AGPL-3.0 ou ultérieure : chacun peut l'étudier, le
          réutiliser et l'améliorer. Sa{" "}
          <Anchor href="/api/docs" underline="always">
            documentation d'API
          </Anchor>{" "}
          est publique.
        </Text>
      </Section>
      <Section titre="Contenus">
        <Text>
          Les réponses du simulateur des règles citent les articles du Code de la commande publique sur lesquels elles reposent ; elles
          éclairent l'acheteur sans remplacer son analyse juridique, et n'engagent pas {organisation}.
        </Text>
      </Section>
    </Page>
  );
}
