import { Alert, Button, Checkbox, Paper, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import type { EntrepriseOutput } from "@achat-public/contracts";
import { CATEGORIE_LIBELLES, CATEGORIES_ENTREPRISE, STATUT_INCLUSIF_LIBELLES, STATUTS_INCLUSIFS } from "@achat-public/domain/entreprises";
import { api, ApiError } from "../../lib/api";
import { SUCCESS } from "../../ui/colors";
import { Chargement } from "../../ui/Chargement";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Page } from "../../ui/Page";

const LABELS = {
  raisonSociale: "Raison sociale",
  activites: "Activités (codes CPV)",
  territoires: "Départements desservis",
  categorie: "Taille de l'entreprise",
  statutInclusif: "Statut inclusif",
  certifications: "Certifications et labels",
  profilPublic: "Profil visible",
};
const fieldId = (field: string) => `profil-${field}`;
const liste = (texte: string) =>
  texte
    .split(/[\n,;]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** Page « Mon entreprise » (company accounts): the company's profile, kept by the company. */
export default function ProfilPage() {
  const queryClient = useQueryClient();
  const entreprise = useQuery({ queryKey: ["mon-entreprise"], queryFn: () => api<EntrepriseOutput>("GET", "/api/entreprise") });
  const [values, setValues] = useState({
    raisonSociale: "",
    activites: "",
    territoires: "",
    categorie: "",
    statutInclusif: "",
    certifications: "",
    profilPublic: false,
  });
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);
  const e = entreprise.data;
  useEffect(() => {
    if (!e) return;
    setValues({
      raisonSociale: e.raisonSociale,
      activites: e.activites.join(", "),
      territoires: e.territoires.join(", "),
      categorie: e.categorie ?? "",
      statutInclusif: e.statutInclusif ?? "",
      certifications: e.certifications.join("\n"),
      profilPublic: e.profilPublic,
    });
  }, [e]);
  const fieldError = (field: string) => (error instanceof ApiError ? error.fieldError(field) : undefined);
  const set = (name: "raisonSociale" | "activites" | "territoires" | "certifications") => (ev: { currentTarget: { value: string } }) => {
    const value = ev.currentTarget.value;
    setValues((v) => ({ ...v, [name]: value }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!e) return;
    setError(null);
    setDone(false);
    setPending(true);
    try {
      const saved = await api<EntrepriseOutput>("PUT", "/api/entreprise", {
        raisonSociale: values.raisonSociale,
        activites: liste(values.activites),
        territoires: liste(values.territoires),
        categorie: values.categorie || null,
        statutInclusif: values.statutInclusif || null,
        certifications: liste(values.certifications),
        profilPublic: values.profilPublic,
        version: e.version,
      });
      queryClient.setQueryData(["mon-entreprise"], saved);
      setDone(true);
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };

  return (
    <Page
      title="Mon entreprise"
      intro={
        <Text>
          Ce que votre entreprise fait et où elle intervient : les acheteurs le voient quand vous leur signalez votre intérêt. Rien n'est
          public sans votre accord.
        </Text>
      }
    >
      {entreprise.isPending ? (
        <Chargement />
      ) : entreprise.isError ? (
        <ErrorAlert error={entreprise.error} title="Profil indisponible" />
      ) : (
        <Paper withBorder p="lg" maw={720}>
          <form onSubmit={submit} noValidate>
            <Stack>
              <Text>
                SIRET <strong>{e?.siret}</strong>
              </Text>
              <ErrorAlert error={error} title="Profil non enregistré" labels={LABELS} fieldId={fieldId} focus />
              <div aria-live="polite">
                {done && (
                  <Alert color={SUCCESS} variant="outline" title="Profil enregistré">
                    Les modifications sont enregistrées.
                  </Alert>
                )}
              </div>
              <TextInput
                id={fieldId("raisonSociale")}
                label={LABELS.raisonSociale}
                required
                value={values.raisonSociale}
                onChange={set("raisonSociale")}
                error={fieldError("raisonSociale")}
              />
              <TextInput
                id={fieldId("activites")}
                label={LABELS.activites}
                description="Séparés par des virgules (ex. 45453000, 45421000)"
                value={values.activites}
                onChange={set("activites")}
                error={fieldError("activites")}
              />
              <TextInput
                id={fieldId("territoires")}
                label={LABELS.territoires}
                description="Numéros séparés par des virgules (ex. 94, 93, 77)"
                value={values.territoires}
                onChange={set("territoires")}
                error={fieldError("territoires")}
              />
              <Select
                id={fieldId("categorie")}
                label={LABELS.categorie}
                data={[
                  { value: "", label: "Non précisée" },
                  ...CATEGORIES_ENTREPRISE.map((c) => ({ value: c, label: CATEGORIE_LIBELLES[c] })),
                ]}
                value={values.categorie}
                onChange={(v) => setValues((x) => ({ ...x, categorie: v ?? "" }))}
                allowDeselect={false}
                error={fieldError("categorie")}
              />
              <Select
                id={fieldId("statutInclusif")}
                label={LABELS.statutInclusif}
                data={[{ value: "", label: "Aucun" }, ...STATUTS_INCLUSIFS.map((c) => ({ value: c, label: STATUT_INCLUSIF_LIBELLES[c] }))]}
                value={values.statutInclusif}
                onChange={(v) => setValues((x) => ({ ...x, statutInclusif: v ?? "" }))}
                allowDeselect={false}
                error={fieldError("statutInclusif")}
              />
              <Textarea
                id={fieldId("certifications")}
                label={LABELS.certifications}
                description="Une par ligne"
                autosize
                minRows={2}
                value={values.certifications}
                onChange={set("certifications")}
                error={fieldError("certifications")}
              />
              <Checkbox
                id={fieldId("profilPublic")}
                label="Rendre le profil de l'entreprise visible des visiteurs de la plateforme"
                checked={values.profilPublic}
                onChange={(ev) => {
                  const checked = ev.currentTarget.checked;
                  setValues((x) => ({ ...x, profilPublic: checked }));
                }}
              />
              <Button type="submit" loading={pending}>
                Enregistrer le profil
              </Button>
            </Stack>
          </form>
        </Paper>
      )}
    </Page>
  );
}
