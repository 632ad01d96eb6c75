import { Anchor, Button, Code, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { Link, Navigate, useSearchParams } from "react-router";
import type { SessionOutput } from "@achat-public/contracts";
import { apresConnexion, retourSur } from "../../app/retour";
import { api, ApiError } from "../../lib/api";
import { DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { ChampMotDePasse } from "../../ui/form/ChampMotDePasse";
import { Page } from "../../ui/Page";
import { useSession } from "./session";

const DEMO_ACCOUNTS = [
  { role: "Administrateur", email: "admin@demo.achat-public.fr", motDePasse: "demo-admin-2026" },
  { role: "Acheteur central", email: "central@demo.achat-public.fr", motDePasse: "demo-central-2026" },
  { role: "Acheteur (direction des bâtiments)", email: "acheteur@demo.achat-public.fr", motDePasse: "demo-acheteur-2026" },
  { role: "Lecteur (élue)", email: "lecteur@demo.achat-public.fr", motDePasse: "demo-lecteur-2026" },
  { role: "Entreprise", email: "entreprise@demo.achat-public.fr", motDePasse: "demo-entreprise-2026" },
];

const LABELS = { email: "Adresse électronique", motDePasse: "Mot de passe" };
const fieldId = (field: string) => `connexion-${field}`;

/** Page "/connexion": after login, back to the page asked for (`?retour=`), or « Mon mot de passe » first. */
export default function LoginPage() {
  const { utilisateur, theme, setSession } = useSession();
  const [params] = useSearchParams();
  const retour = retourSur(params.get("retour"));
  const [email, setEmail] = useState("");
  const [motDePasse, setMotDePasse] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  // Logged in (already, or just now): go where the visitor was going.
  if (utilisateur) return <Navigate to={apresConnexion(retour, utilisateur.motDePasseAChanger)} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      setSession(await api<SessionOutput>("POST", "/api/auth/connexion", { email, motDePasse }));
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };

  const fieldError = (field: string) => (error instanceof ApiError ? error.fieldError(field) : undefined);

  return (
    <Page
      title="Connexion"
      intro={
        <Text>
          Connectez-vous avec votre adresse électronique professionnelle. Sans compte, le{" "}
          <Anchor component={Link} to="/simulateur" underline="always">
            simulateur des règles de la commande publique
          </Anchor>{" "}
          est ouvert à tous.
          {retour && " Après la connexion, vous retrouverez la page demandée."}
        </Text>
      }
    >
      <Paper withBorder p="lg" maw={480}>
        <form onSubmit={submit} noValidate aria-describedby={error ? "erreur-connexion" : undefined}>
          <Stack>
            <div id="erreur-connexion">
              <ErrorAlert error={error} title="Connexion refusée" labels={LABELS} fieldId={fieldId} />
            </div>
            <TextInput
              id={fieldId("email")}
              label={LABELS.email}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={fieldError("email")}
            />
            <ChampMotDePasse
              id={fieldId("motDePasse")}
              label={LABELS.motDePasse}
              autoComplete="current-password"
              required
              value={motDePasse}
              onChange={(e) => setMotDePasse(e.currentTarget.value)}
              error={fieldError("motDePasse")}
            />
            <Button type="submit" loading={pending}>
              Se connecter
            </Button>
          </Stack>
        </form>
      </Paper>
      {theme.demo && (
        <Paper withBorder p="lg" maw={760} component="section" aria-labelledby="comptes-demo">
          <Title order={2} size="h4" id="comptes-demo" mb="sm">
            Comptes de démonstration
          </Title>
          <DataTable
            caption="Un compte par rôle, disponible uniquement en mode démonstration."
            rows={DEMO_ACCOUNTS}
            rowKey={(a) => a.email}
            columns={[
              { key: "role", header: "Rôle", principale: true, render: (a) => a.role },
              { key: "email", header: "Adresse", render: (a) => <Code className="code-coupable">{a.email}</Code> },
              { key: "motDePasse", header: "Mot de passe", render: (a) => <Code className="code-coupable">{a.motDePasse}</Code> },
            ]}
          />
        </Paper>
      )}
    </Page>
  );
}
