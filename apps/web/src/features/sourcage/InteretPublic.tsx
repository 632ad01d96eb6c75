import { Alert, Anchor, Button, Group, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import type { DemandesEntrepriseOutput, MesSignauxOutput } from "@achat-public/contracts";
import { api, ApiError } from "../../lib/api";
import { SUCCESS } from "../../ui/colors";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { useSession } from "../auth/session";
import { QuestionnaireEntreprise } from "./QuestionnaireEntreprise";

/**
 * On a public programme line: « Cela nous intéresse » for a logged-in company (with an optional note, withdrawable)
 * and the line's sourcing questionnaires; for a visitor, how to do it. Other companies' signals are never shown.
 */
export function InteretPublic({ ligneId }: { ligneId: string }) {
  const { utilisateur, can } = useSession();
  const entreprise = can("entreprise.self");
  if (!entreprise) {
    if (utilisateur) return null;
    return (
      <Text>
        Entreprises :{" "}
        <Anchor component={Link} to="/connexion" underline="always">
          connectez-vous
        </Anchor>{" "}
        ou{" "}
        <Anchor component={Link} to="/entreprises/inscription" underline="always">
          créez un compte
        </Anchor>{" "}
        pour signaler votre intérêt pour cet achat à l'acheteur.
      </Text>
    );
  }
  return <InteretEntreprise ligneId={ligneId} />;
}

function InteretEntreprise({ ligneId }: { ligneId: string }) {
  const queryClient = useQueryClient();
  const signaux = useQuery({ queryKey: ["mes-signaux"], queryFn: () => api<MesSignauxOutput>("GET", "/api/entreprise/interets") });
  const demandes = useQuery({
    queryKey: ["sourcage-entreprise", ligneId],
    queryFn: () => api<DemandesEntrepriseOutput>("GET", `/api/entreprise/sourcage/lignes/${ligneId}`),
  });
  const signal = signaux.data?.signaux.find((s) => s.ligne.id === ligneId) ?? null;
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const valeurNote = note ?? signal?.note ?? "";

  const agir = async (fn: () => Promise<unknown>, ok: string) => {
    setError(null);
    setMessage(null);
    setPending(true);
    try {
      await fn();
      setMessage(ok);
      setNote(null);
      await queryClient.invalidateQueries({ queryKey: ["mes-signaux"] });
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };

  return (
    <Stack>
      <Paper withBorder p="md" maw={720}>
        <Stack>
          <Title order={2}>Votre intérêt pour cet achat</Title>
          <Text size="sm">
            Signaler votre intérêt montre à l'acheteur, avant la consultation, le profil de votre entreprise (activités, taille, statut,
            certifications) : il prépare mieux son besoin. Les autres entreprises ne voient jamais votre signal.
          </Text>
          <ErrorAlert
            error={error}
            title="Action impossible"
            labels={{ note: "Note pour l'acheteur" }}
            fieldId={() => "interet-note"}
            focus
          />
          <div aria-live="polite">
            {message && (
              <Alert color={SUCCESS} variant="outline" title={message}>
                {signal ? "Vous le retrouvez dans « Mes signaux d'intérêt »." : ""}
              </Alert>
            )}
          </div>
          {signal && <Text fw={600}>Votre entreprise a signalé son intérêt pour cet achat.</Text>}
          <Textarea
            id="interet-note"
            label="Note pour l'acheteur (facultative)"
            description="1 000 caractères au plus : vos références, vos questions, un groupement envisagé…"
            autosize
            minRows={2}
            maxLength={1000}
            value={valeurNote}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={error instanceof ApiError ? error.fieldError("note") : undefined}
          />
          <Group>
            <Button
              loading={pending}
              onClick={() =>
                agir(
                  () => api("PUT", `/api/entreprise/interets/${ligneId}`, { note: valeurNote.trim() === "" ? null : valeurNote }),
                  signal ? "Note enregistrée" : "Intérêt signalé",
                )
              }
            >
              {signal ? "Enregistrer la note" : "Cela nous intéresse"}
            </Button>
            {signal && (
              <Button
                variant="outline"
                color="red.9"
                loading={pending}
                onClick={() => agir(() => api("DELETE", `/api/entreprise/interets/${ligneId}`), "Intérêt retiré")}
              >
                Retirer notre intérêt
              </Button>
            )}
          </Group>
        </Stack>
      </Paper>
      {demandes.data?.demandes.map((d) => (
        <QuestionnaireEntreprise key={d.demande.id} entree={d} ligneId={ligneId} />
      ))}
    </Stack>
  );
}
