import { Anchor, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { Bloc } from "../../ui/Bloc";
import { useSession } from "./session";

/** Start-page block of every account: who is logged in, and the account's own settings. */
export default function MonCompteBloc() {
  const { utilisateur } = useSession();
  if (!utilisateur) return null;
  return (
    <Bloc titre="Mon compte">
      <Stack gap={4}>
        <Text size="sm" className="texte-coupable">
          {utilisateur.email}
        </Text>
        <Text size="sm">{utilisateur.roleLibelle}</Text>
        {utilisateur.direction && (
          <Text size="sm">
            {utilisateur.direction.nom} ({utilisateur.direction.sigle})
          </Text>
        )}
      </Stack>
      <Anchor component={Link} to="/mon-mot-de-passe" underline="always">
        Changer mon mot de passe
      </Anchor>
    </Bloc>
  );
}
