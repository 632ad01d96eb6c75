import { Alert, Anchor, Button, Code, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { RechercheOutput } from "@achat-public/contracts";
import { api, ApiError } from "../../lib/api";
import { SUCCESS } from "../../ui/colors";
import { Chargement } from "../../ui/Chargement";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Page } from "../../ui/Page";

const LABELS = {
  nom: "Nom de la recherche",
  frequence: "Fréquence des alertes",
  prefixesCpv: "Préfixes CPV",
  motsCles: "Mots-clés",
  departement: "Département",
  montantMinHt: "Montant minimum (€ HT)",
  montantMaxHt: "Montant maximum (€ HT)",
};
const fieldId = (field: string) => `recherche-${field}`;
const VIDE = { nom: "", frequence: "hebdomadaire", prefixesCpv: "", motsCles: "", departement: "", montantMinHt: "", montantMaxHt: "" };
const liste = (s: string) => s.split(/[\s,;]+/).filter((x) => x !== "");
const nombre = (s: string) => (s.trim() === "" ? null : Number(s.replace(",", ".").replace(/\s/g, "")));

/** Page « Mes recherches et alertes » (company accounts): saved searches, their digest and private feed. */
export default function RecherchesPage() {
  const queryClient = useQueryClient();
  const recherches = useQuery({
    queryKey: ["recherches"],
    queryFn: () => api<{ recherches: RechercheOutput[] }>("GET", "/api/entreprise/recherches"),
  });
  const [values, setValues] = useState(VIDE);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const [cree, setCree] = useState<string | null>(null);
  const recharger = () => queryClient.invalidateQueries({ queryKey: ["recherches"] });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setCree(null);
    setPending(true);
    try {
      const r = await api<RechercheOutput>("POST", "/api/entreprise/recherches", {
        nom: values.nom,
        frequence: values.frequence,
        prefixesCpv: liste(values.prefixesCpv),
        motsCles: liste(values.motsCles),
        departement: values.departement.trim() || null,
        montantMinHt: nombre(values.montantMinHt),
        montantMaxHt: nombre(values.montantMaxHt),
      });
      setCree(r.nom);
      setValues(VIDE);
      await recharger();
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };
  const action = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      await recharger();
    } catch (e) {
      setError(e);
    }
  };
  const fieldError = (field: string) => (error instanceof ApiError ? error.fieldError(field) : undefined);
  const champ = (field: keyof typeof VIDE, description?: string) => (
    <TextInput
      id={fieldId(field)}
      label={LABELS[field]}
      description={description}
      value={values[field]}
      onChange={(e) => {
        const v = e.currentTarget.value;
        setValues((x) => ({ ...x, [field]: v }));
      }}
      error={fieldError(field)}
    />
  );

  return (
    <Page
      title="Mes recherches et alertes"
      intro={
        <Text>
          Chaque recherche vous envoie par courriel les nouvelles lignes du programme des achats publié et les nouvelles consultations qui y
          répondent (chaque élément une seule fois), et a son propre flux RSS privé.
        </Text>
      }
    >
      <ErrorAlert error={error} title="Action impossible" labels={LABELS} fieldId={fieldId} focus />
      {recherches.isPending ? (
        <Chargement />
      ) : recherches.isError ? (
        <ErrorAlert error={recherches.error} title="Liste indisponible" />
      ) : recherches.data.recherches.length === 0 ? (
        <Text>Aucune recherche enregistrée.</Text>
      ) : (
        <Stack>
          {recherches.data.recherches.map((r) => (
            <Paper key={r.id} withBorder p="md">
              <Stack gap="xs">
                <Title order={2} size="h4">
                  {r.nom}
                </Title>
                <Text size="sm">
                  {[
                    r.prefixesCpv.length ? `CPV ${r.prefixesCpv.join(", ")}` : "tous codes CPV",
                    r.motsCles.length ? `mots-clés : ${r.motsCles.join(" ")}` : null,
                    r.departement ? `département ${r.departement}` : null,
                    r.montantMinHt !== null ? `à partir de ${r.montantMinHt.toLocaleString("fr-FR")} € HT` : null,
                    r.montantMaxHt !== null ? `jusqu'à ${r.montantMaxHt.toLocaleString("fr-FR")} € HT` : null,
                  ]
                    .filter(Boolean)
                    .join(" ; ")}
                </Text>
                <Text size="sm">
                  Alertes : {r.alertesActives ? `synthèse ${r.frequence}` : "coupées"}
                  {r.frequence === "hebdomadaire" && r.alertesActives ? " (le lundi)" : ""}
                </Text>
                {r.fluxUrl ? (
                  <Text size="sm">
                    Flux RSS privé (ne le partagez pas) : <Code style={{ wordBreak: "break-all" }}>{r.fluxUrl}</Code>
                  </Text>
                ) : (
                  <Text size="sm">Flux RSS privé révoqué.</Text>
                )}
                <Group>
                  <Button
                    size="xs"
                    variant="outline"
                    onClick={() =>
                      action(() =>
                        api("PUT", `/api/entreprise/recherches/${r.id}`, {
                          nom: r.nom,
                          frequence: r.frequence,
                          prefixesCpv: r.prefixesCpv,
                          motsCles: r.motsCles,
                          departement: r.departement,
                          montantMinHt: r.montantMinHt,
                          montantMaxHt: r.montantMaxHt,
                          alertesActives: !r.alertesActives,
                          version: r.version,
                        }),
                      )
                    }
                  >
                    {r.alertesActives ? "Couper les alertes" : "Réactiver les alertes"}
                  </Button>
                  <Button
                    size="xs"
                    variant="outline"
                    onClick={() => action(() => api("POST", `/api/entreprise/recherches/${r.id}/flux`, { actif: true }))}
                  >
                    {r.fluxUrl ? "Nouvelle adresse du flux" : "Rétablir le flux"}
                  </Button>
                  {r.fluxUrl && (
                    <Button
                      size="xs"
                      variant="outline"
                      onClick={() => action(() => api("POST", `/api/entreprise/recherches/${r.id}/flux`, { actif: false }))}
                    >
                      Révoquer le flux
                    </Button>
                  )}
                  <Button
                    size="xs"
                    variant="outline"
                    color="red.9"
                    onClick={() => action(() => api("DELETE", `/api/entreprise/recherches/${r.id}`))}
                  >
                    Supprimer « {r.nom} »
                  </Button>
                </Group>
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
      <Paper withBorder p="lg" maw={620}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={2}>Nouvelle recherche</Title>
            <div aria-live="polite">
              {cree && (
                <Alert color={SUCCESS} variant="outline" title="Recherche enregistrée">
                  « {cree} » est enregistrée.
                </Alert>
              )}
            </div>
            {champ("nom")}
            <NativeSelect
              id={fieldId("frequence")}
              label={LABELS.frequence}
              data={[
                { value: "hebdomadaire", label: "Hebdomadaire (le lundi)" },
                { value: "quotidienne", label: "Quotidienne" },
              ]}
              value={values.frequence}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setValues((x) => ({ ...x, frequence: v }));
              }}
              error={fieldError("frequence")}
            />
            {champ("prefixesCpv", "Début des codes CPV, séparés par des espaces (ex. 45 pour les travaux, 7731 pour les espaces verts)")}
            {champ("motsCles", "Tous doivent figurer dans l'objet ; accents ignorés")}
            {champ("departement", "Ex. 94 ; vide : tous")}
            {champ("montantMinHt")}
            {champ("montantMaxHt")}
            <Button type="submit" loading={pending}>
              Enregistrer la recherche
            </Button>
          </Stack>
        </form>
      </Paper>
      <Text size="sm">
        Sans compte, le{" "}
        <Anchor href="/api/public/flux.rss" underline="always">
          flux RSS public
        </Anchor>{" "}
        et le{" "}
        <Anchor href="/api/public/calendrier.ics" underline="always">
          calendrier des dates limites et des salons
        </Anchor>{" "}
        acceptent les mêmes filtres (cpv, q, departement, montantMin, montantMax).
      </Text>
    </Page>
  );
}
