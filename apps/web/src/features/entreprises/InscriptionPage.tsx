import { Alert, Anchor, Button, Paper, Stack, Text, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { api, ApiError } from "../../lib/api";
import { SUCCESS } from "../../ui/colors";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { ChampMotDePasse } from "../../ui/form/ChampMotDePasse";
import { estimerSolidite, LONGUEUR_MIN } from "../../ui/form/solidite";
import { Page } from "../../ui/Page";

const LABELS = {
  siret: "SIRET de l'établissement",
  raisonSociale: "Raison sociale",
  nomAffiche: "Vos prénom et nom",
  email: "Votre adresse électronique",
  motDePasse: "Mot de passe",
};
const fieldId = (field: string) => `inscription-${field}`;

/** Page « Inscrire votre entreprise » (public): the SIRET, the company's name and its first account. */
export default function InscriptionPage() {
  const [values, setValues] = useState({ siret: "", raisonSociale: "", nomAffiche: "", email: "", motDePasse: "" });
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const [envoye, setEnvoye] = useState<string | null>(null);
  const set = (name: keyof typeof values) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [name]: value }));
  };
  const fieldError = (field: string) => (error instanceof ApiError ? error.fieldError(field) : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setPending(true);
    try {
      const r = await api<{ message: string }>("POST", "/api/entreprises/inscription", values);
      setEnvoye(r.message);
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };

  return (
    <Page
      title="Inscrire votre entreprise"
      intro={
        <Text>
          Un compte par établissement (SIRET). Vous en serez l'administrateur et pourrez inviter vos collègues. Rien de ce que vous décrivez
          de votre entreprise n'est public sans votre accord. Déjà inscrit ?{" "}
          <Anchor component={Link} to="/connexion" underline="always">
            Connectez-vous
          </Anchor>
          .
        </Text>
      }
    >
      <Paper withBorder p="lg" maw={620}>
        {envoye ? (
          <Alert color={SUCCESS} variant="outline" title="Vérifiez votre messagerie" role="status">
            {envoye}
          </Alert>
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack>
              <ErrorAlert error={error} title="Inscription refusée" labels={LABELS} fieldId={fieldId} focus />
              <TextInput
                id={fieldId("siret")}
                label={LABELS.siret}
                description="14 chiffres, espaces admis (ex. 732 829 320 00074)"
                required
                inputMode="numeric"
                autoComplete="off"
                value={values.siret}
                onChange={set("siret")}
                error={fieldError("siret")}
              />
              <TextInput
                id={fieldId("raisonSociale")}
                label={LABELS.raisonSociale}
                required
                autoComplete="organization"
                value={values.raisonSociale}
                onChange={set("raisonSociale")}
                error={fieldError("raisonSociale")}
              />
              <TextInput
                id={fieldId("nomAffiche")}
                label={LABELS.nomAffiche}
                required
                autoComplete="name"
                value={values.nomAffiche}
                onChange={set("nomAffiche")}
                error={fieldError("nomAffiche")}
              />
              <TextInput
                id={fieldId("email")}
                label={LABELS.email}
                description="Un lien de confirmation y sera envoyé"
                type="email"
                required
                autoComplete="email"
                value={values.email}
                onChange={set("email")}
                error={fieldError("email")}
              />
              <ChampMotDePasse
                id={fieldId("motDePasse")}
                label={LABELS.motDePasse}
                description={`Au moins ${LONGUEUR_MIN} caractères, difficile à deviner : une phrase de plusieurs mots est plus sûre.${values.motDePasse ? ` ${estimerSolidite(values.motDePasse).texte}` : ""}`}
                autoComplete="new-password"
                required
                value={values.motDePasse}
                onChange={set("motDePasse")}
                error={fieldError("motDePasse")}
              />
              <Button type="submit" loading={pending}>
                Créer le compte de l'entreprise
              </Button>
            </Stack>
          </form>
        )}
      </Paper>
    </Page>
  );
}
