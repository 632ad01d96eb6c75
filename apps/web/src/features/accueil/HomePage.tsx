import { SimpleGrid, Text } from "@mantine/core";
import { lazy, Suspense } from "react";
import { FEATURES } from "../../app/features";
import { autorise, blocsDe } from "../../app/registre";
import { Chargement } from "../../ui/Chargement";
import { Page } from "../../ui/Page";
import { useSession } from "../auth/session";

/** Every block of the registry, its code loaded when a start page shows it. */
const BLOCS = blocsDe(FEATURES).map((bloc) => ({ bloc, Composant: lazy(bloc.load) }));

/**
 * The start page of each role: the blocks the features contribute (app/features.ts, `blocsAccueil`), those
 * the account's permissions allow, in their order.
 */
export default function HomePage() {
  const { utilisateur, theme } = useSession();
  if (!utilisateur) return null;
  const permissions = utilisateur.permissions.map((p) => p.code);
  const blocs = BLOCS.filter(({ bloc }) => autorise(bloc.permission, permissions));
  return (
    <Page
      title={`Bonjour ${utilisateur.nomAffiche}`}
      intro={
        <Text>
          Plateforme de pilotage de la commande publique — {theme.nomOrganisation}. Rôle : {utilisateur.roleLibelle}
          {utilisateur.direction ? `, ${utilisateur.direction.nom} (${utilisateur.direction.sigle})` : ""}.
        </Text>
      }
    >
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        {blocs.map(({ bloc, Composant }) => (
          <Suspense key={bloc.id} fallback={<Chargement />}>
            <Composant />
          </Suspense>
        ))}
      </SimpleGrid>
    </Page>
  );
}
