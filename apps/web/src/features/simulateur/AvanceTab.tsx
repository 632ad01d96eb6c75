/**
 * Tab "Avance et retenue de garantie": whether an advance is owed and its minimum amount, and the cap of
 * the retention (POST /api/regles/avance).
 */
import { Checkbox, SimpleGrid, Text, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { ReglesAvanceInput, type ReglesAvanceOutput } from "@achat-public/contracts";
import { api } from "../../lib/api";
import { localIsoDate } from "./dates";
import { errorAt, IssueList, summarize, type FieldPath } from "./errors";
import { formatEuros, formatPercent } from "./euros";
import { ToolForm } from "./ToolForm";
import { AlertesBloquantes, Details, Facts, Resume, Synthese, type Fact } from "./ResultParts";

interface AvanceDraft {
  montantInitialHt: string;
  montantInitialTtc: string;
  dureeExecutionMois: string;
  dateLancement: string;
  titulairePme: boolean;
  montantModificationsTtc: string;
}

function toAvanceInput(draft: AvanceDraft): ReglesAvanceInput {
  const issues = new IssueList();
  const montantInitialHt = issues.number(draft.montantInitialHt, ["montantInitialHt"]) ?? 0;
  const montantInitialTtc = issues.number(draft.montantInitialTtc, ["montantInitialTtc"]) ?? 0;
  const dureeExecutionMois =
    issues.number(draft.dureeExecutionMois, ["dureeExecutionMois"], { maxDecimals: 2, groupThousands: false }) ?? 0;
  const dateLancement = issues.date(draft.dateLancement, ["dateLancement"]);
  const montantModificationsTtc = issues.optionalNumber(draft.montantModificationsTtc, ["montantModificationsTtc"], {
    allowNegative: true,
  });
  const body = {
    montantInitialHt,
    montantInitialTtc,
    dureeExecutionMois,
    dateLancement,
    titulairePme: draft.titulairePme,
    ...(montantModificationsTtc !== undefined ? { montantModificationsTtc } : {}),
  };
  // As the API will: the TTC amount cannot be below the HT amount (reported with the other problems).
  if (montantInitialTtc > 0 && montantInitialTtc < montantInitialHt) {
    issues.add(["montantInitialTtc"], "Le montant TTC ne peut pas être inférieur au montant HT.");
  }
  issues.schema(ReglesAvanceInput, body);
  issues.throwIfAny();
  return body;
}

const FIELD_LABELS: Record<string, string> = {
  montantInitialHt: "Montant initial HT",
  montantInitialTtc: "Montant initial TTC",
  dureeExecutionMois: "Durée d'exécution",
  dateLancement: "Date de lancement",
  titulairePme: "Titulaire PME",
  montantModificationsTtc: "Montant des modifications",
};
const fieldLabel = (path: FieldPath): string | undefined => (typeof path[0] === "string" ? FIELD_LABELS[path[0]] : undefined);

function AvanceResult({ result }: { result: ReglesAvanceOutput }) {
  const { avance, retenue } = result;
  const details: Fact[] = [
    { label: "Montant initial supérieur à 50 000 € HT", value: avance.montantSuperieurAuSeuil ? "oui" : "non" },
    { label: "Durée d'exécution supérieure à 2 mois", value: avance.dureeSuperieureAuSeuil ? "oui" : "non" },
    { label: "Assiette de l'avance", value: `${formatEuros(avance.assietteTtc)} TTC` },
    { label: "Assiette de la retenue de garantie", value: `${formatEuros(retenue.assietteTtc)} TTC` },
  ];
  return (
    <>
      <Synthese title="Synthèse" order={3}>
        <Text size="lg" fw={700}>
          {avance.obligatoire
            ? `Avance obligatoire : au moins ${formatEuros(avance.montantMinimumTtc)} TTC`
            : "Avance non obligatoire (l'acheteur peut en accorder une)"}
        </Text>
        <Resume
          items={[
            {
              label: "Taux minimal de l'avance",
              value: `${formatPercent(avance.tauxMinimum)}${avance.tauxPmeApplique ? " (taux PME)" : ""}`,
            },
            { label: "Avance minimale", value: `${formatEuros(avance.montantMinimumTtc)} TTC` },
            {
              label: "Retenue de garantie",
              value: `au plus ${formatEuros(retenue.plafondTtc)} TTC (${formatPercent(retenue.tauxMaximum)}${retenue.tauxPmeApplique ? ", plafond PME" : ""})`,
            },
          ]}
        />
        <AlertesBloquantes reponse={result} />
      </Synthese>
      <Details reponse={result} order={3} parts={[{ value: "calcul", title: "Éléments du calcul", content: <Facts items={details} /> }]} />
    </>
  );
}

export function AvanceTab() {
  const [draft, setDraft] = useState<AvanceDraft>({
    montantInitialHt: "",
    montantInitialTtc: "",
    dureeExecutionMois: "",
    dateLancement: localIsoDate(),
    titulairePme: false,
    montantModificationsTtc: "",
  });
  const mutation = useMutation({
    mutationFn: async (d: AvanceDraft) => api<ReglesAvanceOutput>("POST", "/api/regles/avance", toAvanceInput(d)),
  });
  const set = (name: Exclude<keyof AvanceDraft, "titulairePme">) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setDraft((d) => ({ ...d, [name]: value }));
  };
  const fieldError = (name: string) => errorAt(mutation.error, name);

  return (
    <ToolForm
      label="Marché dont calculer l'avance et la retenue"
      error={summarize(mutation.error, fieldLabel)}
      errorTitle="Le calcul n'a pas abouti"
      submitLabel="Calculer l'avance et la retenue"
      pending={mutation.isPending}
      onSubmit={() => mutation.mutate(draft)}
      resultTitle="Avance et retenue de garantie"
      data={mutation.data}
      result={mutation.data && <AvanceResult result={mutation.data} />}
    >
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <TextInput
          label="Montant initial du marché (€ HT)"
          description="Comparé au seuil de 50 000 € HT de l'avance obligatoire."
          required
          inputMode="decimal"
          autoComplete="off"
          value={draft.montantInitialHt}
          onChange={set("montantInitialHt")}
          error={fieldError("montantInitialHt")}
        />
        <TextInput
          label="Montant initial du marché (€ TTC)"
          description="Assiette de l'avance et de la retenue de garantie."
          required
          inputMode="decimal"
          autoComplete="off"
          value={draft.montantInitialTtc}
          onChange={set("montantInitialTtc")}
          error={fieldError("montantInitialTtc")}
        />
        <TextInput
          label="Durée d'exécution (mois)"
          description="Exemple : 18, ou 2,5 pour deux mois et demi."
          required
          inputMode="decimal"
          autoComplete="off"
          value={draft.dureeExecutionMois}
          onChange={set("dureeExecutionMois")}
          error={fieldError("dureeExecutionMois")}
        />
        <TextInput
          label="Date de lancement de la consultation"
          description="Elle fixe les règles applicables."
          type="date"
          required
          value={draft.dateLancement}
          onChange={set("dateLancement")}
          error={fieldError("dateLancement")}
        />
        <TextInput
          label="Modifications déjà notifiées (€ TTC, facultatif)"
          description="Ajoutées au montant initial pour le plafond de la retenue ; négatif pour une diminution."
          inputMode="decimal"
          autoComplete="off"
          value={draft.montantModificationsTtc}
          onChange={set("montantModificationsTtc")}
          error={fieldError("montantModificationsTtc")}
        />
        <Checkbox
          label="Le titulaire est une PME"
          description="Ou un sous-traitant payé directement, pour sa part (taux d'avance et plafond de retenue PME)."
          checked={draft.titulairePme}
          onChange={(e) => {
            const checked = e.currentTarget.checked;
            setDraft((d) => ({ ...d, titulairePme: checked }));
          }}
          error={fieldError("titulairePme")}
        />
      </SimpleGrid>
    </ToolForm>
  );
}
