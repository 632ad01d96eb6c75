/**
 * Page "/simulateur": the rule book of the Code de la commande publique, open to everyone (no login needed).
 * Three tabs: procedure and legal dates, contract modification, late payment. The tab shown is kept in the
 * address (?onglet=…) so that a link opens the right one.
 */
import { Tabs, Text } from "@mantine/core";
import { useSearchParams } from "react-router";
import { Page } from "../../ui/Page";
import { AvanceTab } from "./AvanceTab";
import { ModificationTab } from "./ModificationTab";
import { PaiementTab } from "./PaiementTab";
import { ProcedureTab } from "./ProcedureTab";

const TABS = {
  procedure: "Procédure et calendrier",
  modification: "Modification du marché",
  paiement: "Retard de paiement",
  avance: "Avance et retenue de garantie",
} as const;
type TabName = keyof typeof TABS;
const isTab = (value: string | null): value is TabName => value !== null && Object.hasOwn(TABS, value);

export function SimulateurPage() {
  const [params, setParams] = useSearchParams();
  const requested = params.get("onglet");
  const tab: TabName = isTab(requested) ? requested : "procedure";
  const select = (value: string | null) => {
    if (!isTab(value)) return;
    setParams(value === "procedure" ? {} : { onglet: value }, { replace: true });
  };

  return (
    <Page
      title="Simulateur de la commande publique"
      intro={
        <Text>
          Décrivez un achat pour connaître la procédure et la publicité applicables et calculer les dates légales, vérifier une modification
          du marché, calculer les intérêts d'un paiement en retard, l'avance due et la retenue de garantie. Chaque réponse cite ses
          fondements dans le Code de la commande publique ; elle éclaire l'acheteur sans remplacer son analyse juridique.
        </Text>
      }
    >
      <Tabs value={tab} onChange={select}>
        <Tabs.List aria-label="Outils du simulateur">
          {(Object.keys(TABS) as TabName[]).map((name) => (
            <Tabs.Tab key={name} value={name}>
              {TABS[name]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="procedure" pt="lg">
          <ProcedureTab />
        </Tabs.Panel>
        <Tabs.Panel value="modification" pt="lg">
          <ModificationTab />
        </Tabs.Panel>
        <Tabs.Panel value="paiement" pt="lg">
          <PaiementTab />
        </Tabs.Panel>
        <Tabs.Panel value="avance" pt="lg">
          <AvanceTab />
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}
