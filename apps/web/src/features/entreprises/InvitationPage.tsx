import { Alert, Anchor, Button, Paper, Stack, Text } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { api, ApiError } from "../../lib/api";
import { SUCCESS } from "../../ui/colors";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { ChampMotDePasse } from "../../ui/form/ChampMotDePasse";
import { estimerSolidite, LONGUEUR_MIN } from "../../ui/form/solidite";
import { Page } from "../../ui/Page";

const LABELS = { motDePasse: "Mot de passe", jeton: "Lien d'invitation" };
const fieldId = (field: string) => `invitation-${field}`;

/** Page of an invitation link (public): the colleague chooses a password and joins the company's account. */
export default function InvitationPage() {
  const [params] = useSearchParams();
  const jeton = params.get("jeton") ?? "";
  const [motDePasse, setMotDePasse] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const [email, setEmail] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setPending(true);
    try {
      setEmail((await api<{ email: string }>("POST", "/api/entreprises/invitation", { jeton, motDePasse })).email);
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };

  return (
    <Page
      title="Rejoindre votre entreprise"
      intro={<Text>Choisissez votre mot de passe pour rejoindre le compte de votre entreprise.</Text>}
    >
      <Paper withBorder p="lg" maw={560}>
        {email ? (
          <Alert color={SUCCESS} variant="outline" title="Compte créé" role="status">
            Le compte {email} est actif.{" "}
            <Anchor component={Link} to="/connexion" underline="always">
              Connectez-vous
            </Anchor>
            .
          </Alert>
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack>
              <ErrorAlert error={error} title="Invitation non acceptée" labels={LABELS} fieldId={fieldId} focus />
              <ChampMotDePasse
                id={fieldId("motDePasse")}
                label={LABELS.motDePasse}
                description={`Au moins ${LONGUEUR_MIN} caractères, difficile à deviner.${motDePasse ? ` ${estimerSolidite(motDePasse).texte}` : ""}`}
                autoComplete="new-password"
                required
                value={motDePasse}
                onChange={(e) => setMotDePasse(e.currentTarget.value)}
                error={error instanceof ApiError ? error.fieldError("motDePasse") : undefined}
              />
              <Button type="submit" loading={pending} disabled={!jeton}>
                Rejoindre l'entreprise
              </Button>
            </Stack>
          </form>
        )}
      </Paper>
    </Page>
  );
}
