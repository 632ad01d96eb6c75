import { Anchor, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import type { IndicateursOutput } from "@achat-public/contracts";
import { formaterValeur } from "@achat-public/domain/pilotage";
import { api, query } from "../../lib/api";
import { Bloc } from "../../ui/Bloc";
import { Chargement } from "../../ui/Chargement";
import { ErrorAlert } from "../../ui/ErrorAlert";

const ANNEE = new Date().getFullYear();

/** Start-page block: the year's headline figures, and the way to the cockpit. */
export default function PilotageBloc() {
  const { data, error, isPending } = useQuery({
    queryKey: ["indicateurs", { annee: ANNEE }],
    queryFn: () => api<IndicateursOutput>("GET", `/api/indicateurs${query({ annee: ANNEE })}`),
  });
  const i = data?.indicateurs;
  return (
    <Bloc titre={`Pilotage ${ANNEE}`}>
      <ErrorAlert error={error} title="Chargement impossible" />
      {isPending && <Chargement />}
      {i && (
        <Text size="sm">
          {formaterValeur("nombre", i.nombreMarchesNotifies.valeur)} marchés notifiés pour{" "}
          {formaterValeur("euros", i.montantNotifieHt.valeur)} HT ; PME : {formaterValeur("part", i.partPmeNombre.valeur)} ; considération
          sociale : {formaterValeur("part", i.partConsiderationSociale.valeur)} ; délai moyen de paiement :{" "}
          {formaterValeur("jours", i.delaiMoyenPaiementJours.valeur)}.
        </Text>
      )}
      <Anchor component={Link} to="/pilotage" underline="always">
        Ouvrir le pilotage
      </Anchor>
    </Bloc>
  );
}
