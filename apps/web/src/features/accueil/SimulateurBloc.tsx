import { Anchor, List, Text } from "@mantine/core";
import { Link } from "react-router";
import { Bloc } from "../../ui/Bloc";

/** Start-page block of every account: the simulator of the rules of public procurement, tool by tool. */
export default function SimulateurBloc() {
  return (
    <Bloc titre="Simulateur des règles">
      <Text size="sm">
        Les règles du Code de la commande publique appliquées à votre cas, avec leurs articles : procédure et publicité, dates légales,
        modification d'un marché, retard de paiement, avance.
      </Text>
      <List size="sm" spacing={4}>
        <List.Item>
          <Anchor component={Link} to="/simulateur" underline="always">
            Quelle procédure pour mon achat ?
          </Anchor>
        </List.Item>
        <List.Item>
          <Anchor component={Link} to="/simulateur?onglet=modification" underline="always">
            Puis-je modifier ce marché ?
          </Anchor>
        </List.Item>
        <List.Item>
          <Anchor component={Link} to="/simulateur?onglet=paiement" underline="always">
            Intérêts d'un paiement en retard
          </Anchor>
        </List.Item>
        <List.Item>
          <Anchor component={Link} to="/simulateur?onglet=avance" underline="always">
            Avance et retenue de garantie
          </Anchor>
        </List.Item>
      </List>
    </Bloc>
  );
}
