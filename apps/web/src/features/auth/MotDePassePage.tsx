import { Alert, Button, Paper, Stack, Text } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useNavigate, useSearchParams } from "react-router";
import type { SessionOutput } from "@achat-public/contracts";
import { retourSur } from "../../app/retour";
import { api, ApiError } from "../../lib/api";
import { SUCCESS } from "../../ui/colors";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { ChampMotDePasse } from "../../ui/form/ChampMotDePasse";
import { estimerSolidite, LONGUEUR_MIN } from "../../ui/form/solidite";
import { invalidForm } from "../../ui/form/erreurs";
import { Page } from "../../ui/Page";
import { useSession } from "./session";

const LABELS = {
  motDePasseActuel: "Mot de passe actuel",
  nouveauMotDePasse: "Nouveau mot de passe",
  confirmation: "Nouveau mot de passe, une seconde fois",
};
const fieldId = (field: string) => `mot-de-passe-${field}`;

/**
 * Page « Mon mot de passe » (any account, account menu). When the password was given by an administrator
 * (`motDePasseAChanger`), every other page is closed until it is replaced; the page asked for opens after.
 */
export default function MotDePassePage() {
  const { utilisateur, setSession } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [values, setValues] = useState({ motDePasseActuel: "", nouveauMotDePasse: "", confirmation: "" });
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);
  const impose = utilisateur?.motDePasseAChanger === true;

  const set = (name: keyof typeof values) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [name]: value }));
  };
  const fieldError = (field: string) => (error instanceof ApiError ? error.fieldError(field) : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setDone(false);
    if (values.nouveauMotDePasse !== values.confirmation) {
      setError(invalidForm([{ path: ["confirmation"], message: "Les deux saisies du nouveau mot de passe sont différentes." }]));
      return;
    }
    setPending(true);
    try {
      const session = await api<SessionOutput>("PUT", "/api/auth/mot-de-passe", {
        motDePasseActuel: values.motDePasseActuel,
        nouveauMotDePasse: values.nouveauMotDePasse,
      });
      setValues({ motDePasseActuel: "", nouveauMotDePasse: "", confirmation: "" });
      setSession(session);
      if (impose) navigate(retourSur(params.get("retour")) ?? "/", { replace: true });
      else setDone(true);
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };

  return (
    <Page
      title="Mon mot de passe"
      intro={
        impose ? (
          <Alert color="collectivite.9" variant="outline" title="Choisissez votre propre mot de passe">
            Le mot de passe que vous avez reçu est provisoire. Remplacez-le pour accéder aux autres pages de la plateforme.
          </Alert>
        ) : (
          <Text>Changer votre mot de passe ferme vos autres sessions ouvertes ; celle-ci reste ouverte.</Text>
        )
      }
    >
      <Paper withBorder p="lg" maw={560}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <ErrorAlert error={error} title="Mot de passe non changé" labels={LABELS} fieldId={fieldId} focus />
            <div aria-live="polite">
              {done && (
                <Alert color={SUCCESS} variant="outline" title="Mot de passe changé">
                  Votre nouveau mot de passe est enregistré ; vos autres sessions ont été fermées.
                </Alert>
              )}
            </div>
            <ChampMotDePasse
              id={fieldId("motDePasseActuel")}
              label={LABELS.motDePasseActuel}
              description={impose ? "Celui que vous avez reçu" : undefined}
              autoComplete="current-password"
              required
              value={values.motDePasseActuel}
              onChange={set("motDePasseActuel")}
              error={fieldError("motDePasseActuel")}
            />
            <ChampMotDePasse
              id={fieldId("nouveauMotDePasse")}
              label={LABELS.nouveauMotDePasse}
              description={`Au moins ${LONGUEUR_MIN} caractères, difficile à deviner : une phrase de plusieurs mots est plus sûre et plus facile à retenir. Évitez votre nom, votre adresse, les mots courants seuls et les suites de clavier (azerty, 123…).${
                values.nouveauMotDePasse ? ` ${estimerSolidite(values.nouveauMotDePasse).texte}` : ""
              }`}
              autoComplete="new-password"
              required
              value={values.nouveauMotDePasse}
              onChange={set("nouveauMotDePasse")}
              error={fieldError("nouveauMotDePasse")}
            />
            <ChampMotDePasse
              id={fieldId("confirmation")}
              label={LABELS.confirmation}
              autoComplete="new-password"
              required
              value={values.confirmation}
              onChange={set("confirmation")}
              error={fieldError("confirmation")}
            />
            <Button type="submit" loading={pending}>
              Enregistrer mon mot de passe
            </Button>
          </Stack>
        </form>
      </Paper>
    </Page>
  );
}
