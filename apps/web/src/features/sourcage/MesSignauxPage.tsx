import { Anchor, Button, Paper, Stack, Text, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import type { MesSignauxOutput } from "@achat-public/contracts";
import { api } from "../../lib/api";
import { formatInstant } from "../../lib/format";
import { Chargement } from "../../ui/Chargement";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Page } from "../../ui/Page";

/** Page « Mes signaux d'intérêt » (company accounts): the lines its company signalled, with the note; withdraw one. */
export default function MesSignauxPage() {
  const queryClient = useQueryClient();
  const signaux = useQuery({ queryKey: ["mes-signaux"], queryFn: () => api<MesSignauxOutput>("GET", "/api/entreprise/interets") });
  const [error, setError] = useState<unknown>(null);
  const retirer = async (ligneId: string) => {
    setError(null);
    try {
      await api("DELETE", `/api/entreprise/interets/${ligneId}`);
      await queryClient.invalidateQueries({ queryKey: ["mes-signaux"] });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Page
      title="Mes signaux d'intérêt"
      intro={
        <Text>
          Les achats du programme publié pour lesquels votre entreprise a dit « cela nous intéresse ». L'acheteur de chaque achat voit votre
          signal et votre profil ; les autres entreprises ne le voient pas. Signalez votre intérêt depuis la page d'une ligne du{" "}
          <Anchor component={Link} to="/programme-public" underline="always">
            programme public des achats
          </Anchor>
          .
        </Text>
      }
    >
      <ErrorAlert error={error} title="Action impossible" focus />
      {signaux.isPending ? (
        <Chargement />
      ) : signaux.isError ? (
        <ErrorAlert error={signaux.error} title="Liste indisponible" />
      ) : signaux.data.signaux.length === 0 ? (
        <Text>Aucun signal d'intérêt pour le moment.</Text>
      ) : (
        <Stack>
          {signaux.data.signaux.map((s) => (
            <Paper key={s.id} withBorder p="md">
              <Stack gap="xs">
                <Title order={2} size="h4">
                  {s.ligne.url ? (
                    <Anchor component={Link} to={s.ligne.url} underline="always">
                      {s.ligne.objet}
                    </Anchor>
                  ) : (
                    s.ligne.objet
                  )}
                </Title>
                <Text size="sm">
                  {s.ligne.direction} — lancement prévu au trimestre {s.ligne.trimestre} de {s.ligne.annee}
                  {s.ligne.publiee ? "" : " (la ligne n'est plus publiée : elle est en cours de révision)"}
                </Text>
                <Text size="sm">Signalé le {formatInstant(s.creeLe)}</Text>
                {s.note && <Text style={{ whiteSpace: "pre-line" }}>Votre note : {s.note}</Text>}
                <Button size="xs" variant="outline" color="red.9" style={{ alignSelf: "flex-start" }} onClick={() => retirer(s.ligne.id)}>
                  Retirer notre intérêt<span className="visually-hidden-inline"> : {s.ligne.objet}</span>
                </Button>
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
    </Page>
  );
}
