import { Alert, Badge, Button, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { EntrepriseOutput } from "@achat-public/contracts";
import { api, ApiError } from "../../lib/api";
import { formatInstant } from "../../lib/format";
import { SUCCESS } from "../../ui/colors";
import { Chargement } from "../../ui/Chargement";
import { DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Page } from "../../ui/Page";

interface Collegues {
  collegues: { utilisateurId: string; email: string; nomAffiche: string; administrateur: boolean; actif: boolean }[];
  invitations: { email: string; nomAffiche: string; expireLe: string }[];
}
const LABELS = { email: "Adresse électronique", nomAffiche: "Prénom et nom" };
const fieldId = (field: string) => `invitation-${field}`;

/** Page « Mes collègues » (company accounts): the accounts of the company; its administrator invites. */
export default function ColleguesPage() {
  const queryClient = useQueryClient();
  const entreprise = useQuery({ queryKey: ["mon-entreprise"], queryFn: () => api<EntrepriseOutput>("GET", "/api/entreprise") });
  const liste = useQuery({ queryKey: ["collegues"], queryFn: () => api<Collegues>("GET", "/api/entreprise/collegues") });
  const [values, setValues] = useState({ email: "", nomAffiche: "" });
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const [invite, setInvite] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setInvite(null);
    setPending(true);
    try {
      const r = await api<{ email: string }>("POST", "/api/entreprise/collegues", values);
      setInvite(r.email);
      setValues({ email: "", nomAffiche: "" });
      await queryClient.invalidateQueries({ queryKey: ["collegues"] });
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };
  const fieldError = (field: string) => (error instanceof ApiError ? error.fieldError(field) : undefined);

  return (
    <Page
      title="Mes collègues"
      intro={<Text>Les comptes de votre entreprise. L'administrateur du compte invite ses collègues par courriel.</Text>}
    >
      {liste.isPending ? (
        <Chargement />
      ) : liste.isError ? (
        <ErrorAlert error={liste.error} title="Liste indisponible" />
      ) : (
        <DataTable
          caption="Comptes de l'entreprise"
          columns={[
            { key: "nom", header: "Nom", principale: true, render: (c) => c.nomAffiche },
            { key: "email", header: "Adresse", render: (c) => c.email },
            {
              key: "role",
              header: "Rôle",
              nowrap: true,
              render: (c) => (c.administrateur ? <Badge variant="outline">Administrateur</Badge> : "Collègue"),
            },
            { key: "actif", header: "État", nowrap: true, render: (c) => (c.actif ? "Actif" : "Adresse à confirmer") },
          ]}
          rows={liste.data.collegues}
          rowKey={(c) => c.utilisateurId}
        />
      )}
      {entreprise.data?.administrateur && (
        <Paper withBorder p="lg" maw={620}>
          <Stack>
            <Title order={2}>Inviter un collègue</Title>
            {liste.data && liste.data.invitations.length > 0 && (
              <Text>
                Invitations en cours :{" "}
                {liste.data.invitations.map((i) => `${i.nomAffiche} (${i.email}, jusqu'au ${formatInstant(i.expireLe)})`).join(" ; ")}
              </Text>
            )}
            <form onSubmit={submit} noValidate>
              <Stack>
                <ErrorAlert error={error} title="Invitation non envoyée" labels={LABELS} fieldId={fieldId} focus />
                <div aria-live="polite">
                  {invite && (
                    <Alert color={SUCCESS} variant="outline" title="Invitation envoyée">
                      Un lien valable 7 jours a été envoyé à {invite}.
                    </Alert>
                  )}
                </div>
                <TextInput
                  id={fieldId("nomAffiche")}
                  label={LABELS.nomAffiche}
                  required
                  value={values.nomAffiche}
                  onChange={(e) => setValues((v) => ({ ...v, nomAffiche: e.currentTarget.value }))}
                  error={fieldError("nomAffiche")}
                />
                <TextInput
                  id={fieldId("email")}
                  label={LABELS.email}
                  type="email"
                  required
                  value={values.email}
                  onChange={(e) => setValues((v) => ({ ...v, email: e.currentTarget.value }))}
                  error={fieldError("email")}
                />
                <Button type="submit" loading={pending}>
                  Envoyer l'invitation
                </Button>
              </Stack>
            </form>
          </Stack>
        </Paper>
      )}
    </Page>
  );
}
