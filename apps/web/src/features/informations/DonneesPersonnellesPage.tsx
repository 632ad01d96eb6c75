import { Anchor, List, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { Page } from "../../ui/Page";
import { useSession } from "../auth/session";

/** Retention of the security events when the operator keeps the default (SECURITY_EVENTS_RETENTION_DAYS). */
const CONSERVATION_SECURITE_JOURS = 365;

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

/** Page « Données personnelles » (public, footer of every page): what is processed, why, how long, rights. */
export default function DonneesPersonnellesPage() {
  const { theme } = useSession();
  const organisation = theme.nomOrganisation || "La collectivité qui exploite cette plateforme";
  return (
    <Page title="Données personnelles">
      <Text>
        {organisation} est responsable des traitements de données personnelles de cette plateforme, qu'elle met en œuvre pour l'exécution de
        sa mission d'intérêt public de commande publique (article 6, paragraphe 1, point e du règlement général sur la protection des
        données).
      </Text>

      <Section titre="Données traitées">
        <List spacing="xs">
          <List.Item>
            <strong>Comptes</strong> : adresse électronique, prénom et nom, rôle, direction et service, date de la dernière connexion. Le
            mot de passe n'est jamais conservé : seule son empreinte (argon2id) l'est.
          </List.Item>
          <List.Item>
            <strong>Sessions</strong> : un cookie de session et un jeton anti-falsification, strictement nécessaires au fonctionnement ;
            aucun cookie de mesure d'audience ni de publicité. Une session se ferme après 30 minutes d'inactivité, 12 heures au plus.
          </List.Item>
          <List.Item>
            <strong>Journal d'audit</strong> : pour chaque modification, qui l'a faite (adresse électronique du compte), quand, et ce qui a
            changé ; pour chaque connexion, l'adresse IP. Ce journal ne peut être ni modifié ni effacé : il garantit la traçabilité des
            actes de la commande publique.
          </List.Item>
          <List.Item>
            <strong>Événements de sécurité</strong> : connexions refusées ou bloquées, accès refusés, requêtes rejetées, avec le compte
            concerné s'il est connu et l'adresse IP. Ils sont conservés {CONSERVATION_SECURITE_JOURS} jours (durée réglable par
            l'exploitant), puis effacés automatiquement.
          </List.Item>
          <List.Item>
            <strong>Courriels</strong> envoyés par la plateforme : destinataires, sujet et texte, pour en suivre l'envoi.
          </List.Item>
          <List.Item>
            <strong>Simulateur</strong> : les données saisies servent au calcul de la réponse et ne sont pas enregistrées.
          </List.Item>
        </List>
      </Section>

      <Section titre="Finalités">
        <List>
          <List.Item>permettre aux agents, aux élus et aux entreprises de se connecter et d'agir selon leur rôle ;</List.Item>
          <List.Item>protéger la plateforme contre les accès frauduleux ;</List.Item>
          <List.Item>tracer les actes de la commande publique et pouvoir en rendre compte ;</List.Item>
          <List.Item>informer par courriel les personnes concernées.</List.Item>
        </List>
        <Text>Les données ne sont ni vendues, ni cédées, ni utilisées à des fins commerciales.</Text>
      </Section>

      <Section titre="Vos droits">
        <Text>
          Vous disposez d'un droit d'accès, de rectification, d'effacement (dans la limite des obligations de traçabilité de la commande
          publique), de limitation et d'opposition au traitement de vos données. Pour les exercer, adressez-vous au délégué à la protection
          des données de {organisation}, par son formulaire de contact ou par courrier. Vous pouvez aussi{" "}
          <Anchor href="https://www.cnil.fr/fr/plaintes" underline="always">
            adresser une réclamation à la CNIL
          </Anchor>
          .
        </Text>
      </Section>
    </Page>
  );
}
