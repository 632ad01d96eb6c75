import { Anchor, Button, Code, Paper, PasswordInput, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { Link, Navigate, useLocation, useNavigate } from "react-router";
import type { SessionOutput } from "@achat-public/contracts";
import { api, ApiError } from "../../lib/api";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Page } from "../../ui/Page";
import { useSession } from "./session";

const DEMO_ACCOUNTS = [
  ["Administrateur", "admin@demo.achat-public.fr", "demo-admin-2026"],
  ["Acheteur central", "central@demo.achat-public.fr", "demo-central-2026"],
  ["Acheteur (direction des bâtiments)", "acheteur@demo.achat-public.fr", "demo-acheteur-2026"],
  ["Lecteur (élue)", "lecteur@demo.achat-public.fr", "demo-lecteur-2026"],
  ["Entreprise", "entreprise@demo.achat-public.fr", "demo-entreprise-2026"],
];

export function LoginPage() {
  const { utilisateur, theme, setSession } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState("");
  const [motDePasse, setMotDePasse] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  if (utilisateur) return <Navigate to="/" replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      setSession(await api<SessionOutput>("POST", "/api/auth/connexion", { email, motDePasse }));
      const from = (location.state as { from?: string } | null)?.from;
      navigate(from && from !== "/connexion" ? from : "/", { replace: true });
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
        </Text>
      }
    >
      <Paper withBorder p="lg" maw={480}>
        <form onSubmit={submit} noValidate aria-describedby={error ? "erreur-connexion" : undefined}>
          <Stack>
            <div id="erreur-connexion">
              <ErrorAlert error={error} title="Connexion refusée" />
            </div>
            <TextInput
              label="Adresse électronique"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={fieldError("email")}
            />
            <PasswordInput
              label="Mot de passe"
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
          <Table>
            <Table.Caption>Un compte par rôle, disponible uniquement en mode démonstration.</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Rôle</Table.Th>
                <Table.Th scope="col">Adresse</Table.Th>
                <Table.Th scope="col">Mot de passe</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {DEMO_ACCOUNTS.map(([role, address, password]) => (
                <Table.Tr key={address}>
                  <Table.Td>{role}</Table.Td>
                  <Table.Td>
                    <Code>{address}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Code>{password}</Code>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Page>
  );
}
