import { Alert, Button, NativeSelect, Paper, Radio, Stack, Text, Textarea, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { DemandesEntrepriseOutput } from "@achat-public/contracts";
import { api, ApiError } from "../../lib/api";
import { formatInstant, formatLegalDate } from "../../lib/format";
import { SUCCESS } from "../../ui/colors";
import { ErrorAlert } from "../../ui/ErrorAlert";

type Entree = DemandesEntrepriseOutput["demandes"][number];

/** A sourcing questionnaire as a company answers it (its own answer only, editable until the closing date). */
export function QuestionnaireEntreprise({ entree, ligneId }: { entree: Entree; ligneId: string }) {
  const { demande, ouverte, maReponse } = entree;
  const queryClient = useQueryClient();
  const initial = Object.fromEntries(
    demande.questions.map((q) => {
      const v = maReponse?.reponses[q.id];
      return [q.id, v === undefined ? "" : typeof v === "boolean" ? (v ? "oui" : "non") : v];
    }),
  );
  const [valeurs, setValeurs] = useState<Record<string, string>>(initial);
  const [error, setError] = useState<unknown>(null);
  const [ok, setOk] = useState(false);
  const [pending, setPending] = useState(false);
  const fieldId = (q: string) => `sourcage-${demande.id}-${q}`;
  const labels = Object.fromEntries(demande.questions.map((q) => [`reponses.${q.id}`, q.libelle]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setOk(false);
    setPending(true);
    try {
      const reponses = Object.fromEntries(
        demande.questions.map((q) => {
          const v = valeurs[q.id] ?? "";
          if (q.type === "oui-non") return [q.id, v === "" ? null : v === "oui"];
          return [q.id, v === "" ? null : v];
        }),
      );
      await api("PUT", `/api/entreprise/sourcage/${demande.id}/reponse`, { reponses, version: maReponse?.version ?? null });
      setOk(true);
      await queryClient.invalidateQueries({ queryKey: ["sourcage-entreprise", ligneId] });
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };
  const fieldError = (q: string) => (error instanceof ApiError ? error.fieldError(`reponses.${q}`) : undefined);

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={3}>Questionnaire de sourçage : {demande.titre}</Title>
          {demande.introduction && <Text style={{ whiteSpace: "pre-line" }}>{demande.introduction}</Text>}
          <Text size="sm">
            {ouverte
              ? `Réponses jusqu'au ${formatLegalDate(demande.dateCloture)} inclus. Votre réponse reste modifiable jusque-là ; seul l'acheteur la lit.`
              : "Ce questionnaire est clos."}
            {maReponse ? ` Votre réponse du ${formatInstant(maReponse.modifieLe)} est enregistrée.` : ""}
          </Text>
          <ErrorAlert
            error={error}
            title="Réponse non enregistrée"
            labels={labels}
            fieldId={(f) => fieldId(f.replace(/^reponses\./, ""))}
            focus
          />
          <div aria-live="polite">
            {ok && (
              <Alert color={SUCCESS} variant="outline" title="Réponse enregistrée">
                L'acheteur pourra la lire avec la ligne du programme.
              </Alert>
            )}
          </div>
          {demande.questions.map((q) => {
            const set = (v: string) => setValeurs((x) => ({ ...x, [q.id]: v }));
            if (q.type === "oui-non")
              return (
                <Radio.Group
                  key={q.id}
                  id={fieldId(q.id)}
                  label={q.libelle}
                  value={valeurs[q.id] ?? ""}
                  onChange={set}
                  error={fieldError(q.id)}
                >
                  <Stack gap={4} mt={4}>
                    <Radio value="oui" label="Oui" disabled={!ouverte} />
                    <Radio value="non" label="Non" disabled={!ouverte} />
                  </Stack>
                </Radio.Group>
              );
            if (q.type === "choix")
              return (
                <NativeSelect
                  key={q.id}
                  id={fieldId(q.id)}
                  label={q.libelle}
                  data={[{ value: "", label: "(sans réponse)" }, ...q.choix.map((c) => ({ value: c, label: c }))]}
                  value={valeurs[q.id] ?? ""}
                  onChange={(e) => set(e.currentTarget.value)}
                  error={fieldError(q.id)}
                  disabled={!ouverte}
                />
              );
            return (
              <Textarea
                key={q.id}
                id={fieldId(q.id)}
                label={q.libelle}
                autosize
                minRows={2}
                maxLength={2000}
                value={valeurs[q.id] ?? ""}
                onChange={(e) => set(e.currentTarget.value)}
                error={fieldError(q.id)}
                disabled={!ouverte}
              />
            );
          })}
          {ouverte && (
            <Button type="submit" loading={pending} style={{ alignSelf: "flex-start" }}>
              {maReponse ? "Modifier notre réponse" : "Envoyer notre réponse"}
            </Button>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
