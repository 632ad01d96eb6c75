import { Anchor, List, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { FEATURES } from "../../app/features";
import { pagesDe } from "../../app/registre";
import { Page } from "../../ui/Page";
import { useSession } from "../auth/session";

/** Date of this statement, and of the last automatic check it reports. */
export const DATE_DECLARATION = "2 décembre 2026";

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

/**
 * Page « Accessibilité » (public, footer of every page): the RGAA accessibility statement. No human audit
 * has been made yet: the platform is declared « non conforme », as the RGAA requires without an audit, and
 * the page says what is checked automatically and how.
 */
export default function AccessibilitePage() {
  const { theme } = useSession();
  const organisation = theme.nomOrganisation || "La collectivité";
  const pages = pagesDe(FEATURES);
  return (
    <Page title="Déclaration d'accessibilité">
      <Text>
        {organisation} s'engage à rendre ses services numériques accessibles, conformément à l'article 47 de la loi n° 2005-102 du 11
        février 2005. Cette déclaration d'accessibilité s'applique à la plateforme achat-public, pilotage de la commande publique.
      </Text>

      <Section titre="État de conformité">
        <Text>
          La plateforme achat-public est <strong>non conforme</strong> au référentiel général d'amélioration de l'accessibilité (RGAA),
          version 4.1 : aucun audit de conformité n'a encore été réalisé. En l'absence d'audit, le RGAA impose cette mention, quelle que
          soit la qualité des vérifications faites par ailleurs.
        </Text>
      </Section>

      <Section titre="Résultats des tests">
        <Text>
          Aucun audit humain des 106 critères du RGAA n'a été réalisé : le taux de critères respectés n'est donc pas connu. Les contrôles
          actuels sont automatiques : à chaque modification du logiciel, chaque page ci-dessous est ouverte avec chaque rôle, sur un écran
          d'ordinateur (1 280 × 800 pixels) et sur un écran de téléphone (390 × 844 pixels), et analysée par l'outil axe-core (règles WCAG
          2.1 niveaux A et AA). Ces contrôles exigent aucune anomalie grave ou critique, un seul titre de niveau 1, un lien d'évitement en
          premier élément atteint au clavier et des zones de page balisées.
        </Text>
        <Text>
          Des outils automatiques ne détectent qu'une partie des défauts d'accessibilité : ils ne remplacent ni un audit par une personne
          qualifiée, ni des essais avec des lecteurs d'écran (NVDA, JAWS, VoiceOver). Ceux-ci sont prévus avant la mise en service.
        </Text>
      </Section>

      <Section titre="Contenus non accessibles">
        <Text>Non-conformités connues ou probables, en attendant l'audit :</Text>
        <List>
          <List.Item>
            l'ensemble des critères du RGAA n'a pas été vérifié par une personne : des défauts non détectés peuvent subsister ;
          </List.Item>
          <List.Item>
            les modèles et exports au format tableur (XLSX) n'ont pas été audités ; chaque export existe aussi au format texte CSV ;
          </List.Item>
          <List.Item>la restitution par les lecteurs d'écran n'a pas encore été testée.</List.Item>
        </List>
      </Section>

      <Section titre="Établissement de cette déclaration">
        <Text>Cette déclaration a été établie le {DATE_DECLARATION}.</Text>
        <Text fw={600}>Technologies utilisées</Text>
        <List>
          <List.Item>HTML5, CSS, JavaScript (React, bibliothèque de composants Mantine)</List.Item>
          <List.Item>WAI-ARIA</List.Item>
        </List>
        <Text fw={600}>Environnement de test</Text>
        <List>
          <List.Item>navigateur Chromium (Debian) piloté par Playwright</List.Item>
          <List.Item>outil d'évaluation : axe-core 4 (règles WCAG 2.1 A et AA et bonnes pratiques)</List.Item>
        </List>
        <Text fw={600}>Pages ayant fait l'objet de la vérification</Text>
        <List>
          {pages.map((page) => (
            <List.Item key={page.path}>
              {page.label} ({page.path})
            </List.Item>
          ))}
        </List>
      </Section>

      <Section titre="Retour d'information et contact">
        <Text>
          Si vous n'arrivez pas à accéder à un contenu ou à un service de la plateforme, contactez {organisation} par son formulaire de
          contact ou par courrier, en précisant « plateforme achat-public, accessibilité » : vous serez orienté vers une alternative
          accessible, ou le contenu vous sera transmis sous une autre forme.
        </Text>
      </Section>

      <Section titre="Voies de recours">
        <Text>
          Cette procédure est à utiliser dans le cas suivant : vous avez signalé au responsable de la plateforme un défaut d'accessibilité
          qui vous empêche d'accéder à un contenu ou à un service, et vous n'avez pas obtenu de réponse satisfaisante. Vous pouvez :
        </Text>
        <List>
          <List.Item>
            écrire un message au{" "}
            <Anchor href="https://formulaire.defenseurdesdroits.fr/" underline="always">
              Défenseur des droits (formulaire en ligne)
            </Anchor>{" "}
            ;
          </List.Item>
          <List.Item>
            contacter{" "}
            <Anchor href="https://www.defenseurdesdroits.fr/saisir/delegues" underline="always">
              le délégué du Défenseur des droits dans votre région
            </Anchor>{" "}
            ;
          </List.Item>
          <List.Item>
            envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : Défenseur des droits, Libre réponse 71120, 75342 Paris
            CEDEX 07.
          </List.Item>
        </List>
      </Section>

      <Section titre="Schéma pluriannuel et plan d'action">
        <Text>
          Le schéma pluriannuel de mise en accessibilité et le plan d'action de l'année sont publiés par {organisation} sur son site. Pour
          la plateforme, les prochaines étapes sont l'audit de conformité sur l'échantillon de pages du RGAA, puis la correction des défauts
          relevés et la mise à jour de cette déclaration.
        </Text>
        <Text>
          Voir aussi :{" "}
          <Anchor component={Link} to="/mentions-legales" underline="always">
            mentions légales
          </Anchor>
          ,{" "}
          <Anchor component={Link} to="/donnees-personnelles" underline="always">
            données personnelles
          </Anchor>
          .
        </Text>
      </Section>
    </Page>
  );
}
