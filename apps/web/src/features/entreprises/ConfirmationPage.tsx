import { Alert, Anchor, Button, Paper, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { api } from "../../lib/api";
import { SUCCESS } from "../../ui/colors";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Page } from "../../ui/Page";

/** Page of the confirmation link (public): one click activates the account (no automatic call: link scanners would use it). */
export default function ConfirmationPage() {
  const [params] = useSearchParams();
  const jeton = params.get("jeton") ?? "";
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const [email, setEmail] = useState<string | null>(null);

  const confirmer = async () => {
    setError(null);
    setPending(true);
    try {
      setEmail((await api<{ email: string }>("POST", "/api/entreprises/confirmation", { jeton })).email);
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };

  return (
    <Page title="Confirmer votre adresse" intro={<Text>Dernière étape de l'inscription de votre entreprise.</Text>}>
      <Paper withBorder p="lg" maw={560}>
        <Stack>
          <ErrorAlert error={error} title="Confirmation impossible" focus />
          {email ? (
            <Alert color={SUCCESS} variant="outline" title="Adresse confirmée" role="status">
              Le compte {email} est actif.{" "}
              <Anchor component={Link} to="/connexion" underline="always">
                Connectez-vous
              </Anchor>
              .
            </Alert>
          ) : jeton ? (
            <Button onClick={confirmer} loading={pending}>
              Confirmer mon adresse et activer le compte
            </Button>
          ) : (
            <Text>Ouvrez cette page par le lien reçu par courriel.</Text>
          )}
        </Stack>
      </Paper>
    </Page>
  );
}
