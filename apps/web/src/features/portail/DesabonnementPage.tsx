import { Alert, Anchor, Button, Paper, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { api } from "../../lib/api";
import { SUCCESS } from "../../ui/colors";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Page } from "../../ui/Page";

/** Page of the unsubscribe link of a digest (public, no login): one click turns the alerts off (link scanners only open it). */
export default function DesabonnementPage() {
  const [params] = useSearchParams();
  const jeton = params.get("jeton") ?? "";
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const confirmer = async () => {
    setError(null);
    setPending(true);
    try {
      setMessage((await api<{ message: string }>("POST", "/api/public/desabonnement", { jeton })).message);
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };

  return (
    <Page title="Ne plus recevoir les alertes" intro={<Text>Les synthèses par courriel d'une recherche enregistrée.</Text>}>
      <Paper withBorder p="lg" maw={560}>
        <Stack>
          <ErrorAlert error={error} title="Désabonnement impossible" focus />
          {message ? (
            <Alert color={SUCCESS} variant="outline" title="Alertes coupées" role="status">
              {message} Vous pouvez les réactiver depuis{" "}
              <Anchor component={Link} to="/mon-entreprise/recherches" underline="always">
                vos recherches
              </Anchor>
              .
            </Alert>
          ) : jeton ? (
            <Button onClick={confirmer} loading={pending}>
              Ne plus recevoir ces alertes
            </Button>
          ) : (
            <Text>Ouvrez cette page par le lien reçu par courriel.</Text>
          )}
        </Stack>
      </Paper>
    </Page>
  );
}
