import { List, Text } from "@mantine/core";
import type { Role } from "@achat-public/domain";
import { Bloc } from "../../ui/Bloc";
import { useSession } from "../auth/session";

/**
 * What the platform will offer each role next: said plainly, without dates nor sample data, so that the
 * readers and companies who have little to do yet know what to expect.
 */
const PROCHAINEMENT: Record<Role, { intro: string; items: string[] }> = {
  entreprise: {
    intro: "La plateforme s'ouvre progressivement aux entreprises. Sont prévus :",
    items: [
      "les achats à venir du Département, pour préparer vos candidatures ;",
      "des alertes sur les consultations qui correspondent à votre activité ;",
      "le suivi de vos marchés en cours : commandes, factures, délais de paiement.",
    ],
  },
  lecteur: {
    intro: "Pour la direction générale et les élus, sont prévus :",
    items: [
      "des tableaux de bord de la commande publique : volumes, procédures, délais ;",
      "la programmation annuelle des achats, direction par direction ;",
      "le suivi des marchés importants jusqu'à leur terme.",
    ],
  },
  acheteur: {
    intro: "Pour les acheteurs, sont prévus :",
    items: [
      "la programmation annuelle des achats de votre direction ;",
      "la conduite de chaque consultation, de l'expression du besoin à l'attribution ;",
      "le suivi de l'exécution des marchés : avenants, paiements, échéances.",
    ],
  },
  "acheteur-central": {
    intro: "Pour la direction de la commande publique, sont prévus :",
    items: [
      "la programmation annuelle des achats de toutes les directions ;",
      "la validation des consultations et le calendrier des commissions ;",
      "les données essentielles des marchés publiées sans ressaisie.",
    ],
  },
  admin: {
    intro: "Après la fondation (comptes, directions, journal d'audit), sont prévus :",
    items: [
      "la programmation annuelle des achats ;",
      "la conduite des consultations et le suivi des marchés ;",
      "la connexion des agents par ProConnect.",
    ],
  },
};

export default function ProchainementBloc() {
  const { utilisateur } = useSession();
  if (!utilisateur) return null;
  const texte = PROCHAINEMENT[utilisateur.role];
  return (
    <Bloc titre="Prochainement sur la plateforme">
      <Text size="sm">{texte.intro}</Text>
      <List size="sm" spacing={4}>
        {texte.items.map((item) => (
          <List.Item key={item}>{item}</List.Item>
        ))}
      </List>
      <Text size="sm">Ces services ne sont pas encore ouverts : aucune donnée n'y est affichée pour l'instant.</Text>
    </Bloc>
  );
}
