import { Anchor, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { plural } from "../../lib/format";
import { Bloc } from "../../ui/Bloc";
import { Chargement } from "../../ui/Chargement";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { useSession } from "../auth/session";
import { organisationQuery } from "./requetes";

/** Start-page block of the internal roles: the organisation in figures, and one's own direction. */
export default function OrganisationBloc() {
  const { utilisateur } = useSession();
  const { data, error, isPending } = useQuery(organisationQuery);
  const services = data?.directions.reduce((n, d) => n + d.services.length, 0) ?? 0;
  const comptes = data?.directions.reduce((n, d) => n + d.nombreComptes, 0) ?? 0;
  const maDirection = data?.directions.find((d) => d.id === utilisateur?.direction?.id);
  return (
    <Bloc titre="Organisation">
      <ErrorAlert error={error} title="Chargement impossible" />
      {isPending && <Chargement />}
      {data && (
        <>
          <Text size="sm">
            {data.nom} : {plural(data.nombreDirections, "direction")}, {plural(services, "service")},{" "}
            {plural(comptes, "compte rattaché", "comptes rattachés")} à une direction.
          </Text>
          {maDirection && (
            <Text size="sm">
              Votre direction, {maDirection.nom} ({maDirection.sigle}) : {plural(maDirection.services.length, "service")},{" "}
              {plural(maDirection.nombreComptes, "compte")}.
            </Text>
          )}
        </>
      )}
      <Anchor component={Link} to="/organisation" underline="always">
        Voir les directions et services
      </Anchor>
    </Bloc>
  );
}
