/**
 * Tab "Retard de paiement": due date, days late, late-payment interest and the fixed indemnity
 * (POST /api/regles/paiement).
 */
import { Paper, SimpleGrid, Text, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { ReglesPaiementInput, ReglesPaiementOutput } from "@achat-public/contracts";
import { api } from "../../lib/api";
import { formatLegalDate, plural } from "../../lib/format";
import { errorAt, IssueList, summarize, type FieldPath } from "./errors";
import { formatEuros, formatPercent } from "./euros";
import { formatSemestre, ORIGINE_TAUX_LABELS } from "./labels";
import { ToolForm } from "./ToolForm";
import { Facts, Fondements, TitledList, Vigilance, type Fact } from "./ResultParts";

interface PaiementDraft {
  montantTtc: string;
  dateReception: string;
  datePaiement: string;
  tauxBce: string;
}

const EMPTY: PaiementDraft = { montantTtc: "", dateReception: "", datePaiement: "", tauxBce: "" };

function toPaiementInput(draft: PaiementDraft): ReglesPaiementInput {
  const issues = new IssueList();
  const montantTtc = issues.number(draft.montantTtc, ["montantTtc"]) ?? 0;
  const dateReception = issues.date(draft.dateReception, ["dateReception"]);
  const datePaiement = issues.date(draft.datePaiement, ["datePaiement"]);
  const tauxBce = issues.optionalNumber(draft.tauxBce, ["tauxBce"], { allowNegative: true, maxDecimals: 2, groupThousands: false });
  issues.throwIfAny();
  return { montantTtc, dateReception, datePaiement, ...(tauxBce !== undefined ? { tauxBce } : {}) };
}

const FIELD_LABELS: Record<string, string> = {
  montantTtc: "Montant payé",
  dateReception: "Date de réception de la demande de paiement",
  datePaiement: "Date de paiement",
  tauxBce: "Taux de la BCE",
  delaiPaiementJours: "Délai de paiement",
};
const fieldLabel = (path: FieldPath): string | undefined => (typeof path[0] === "string" ? FIELD_LABELS[path[0]] : undefined);

function tauxBceText(result: ReglesPaiementOutput): string {
  if (result.tauxBce === null) return "sans objet : pas de retard";
  const parts = [formatPercent(result.tauxBce)];
  if (result.origineTauxBce) parts.push(ORIGINE_TAUX_LABELS[result.origineTauxBce]);
  if (result.semestreReference) parts.push(`taux du ${formatSemestre(result.semestreReference)}`);
  if (result.statutTauxBce === "a-confirmer") parts.push("valeur à confirmer");
  return parts.join(" — ");
}

function PaiementResult({ result }: { result: ReglesPaiementOutput }) {
  const late = result.joursRetard > 0;
  const echeance =
    formatLegalDate(result.dateEcheance) +
    (result.avertissementsDateEcheance.length > 0 ? ` (attention : ${result.avertissementsDateEcheance.join(" ; ")})` : "");
  const facts: Fact[] = [
    { label: "Montant payé", value: `${formatEuros(result.montantTtc)} TTC` },
    { label: "Délai de paiement", value: plural(result.delaiPaiementJours, "jour") },
    { label: "Date d'échéance", value: echeance },
    { label: "Jours de retard", value: late ? plural(result.joursRetard, "jour") : "aucun" },
    ...(result.debutInterets ? [{ label: "Intérêts dus à partir du", value: formatLegalDate(result.debutInterets) }] : []),
    { label: "Taux de la BCE retenu", value: tauxBceText(result) },
    ...(result.tauxInterets !== null
      ? [{ label: "Taux des intérêts moratoires (BCE + 8 points)", value: formatPercent(result.tauxInterets) }]
      : []),
    { label: "Intérêts moratoires", value: formatEuros(result.interetsMoratoires) },
    { label: "Indemnité forfaitaire pour frais de recouvrement", value: formatEuros(result.indemniteForfaitaire) },
    ...(result.dateLimiteVersementInterets
      ? [{ label: "Intérêts et indemnité à verser au plus tard le", value: formatLegalDate(result.dateLimiteVersementInterets) }]
      : []),
  ];
  return (
    <>
      <Paper withBorder p="md">
        <Text size="lg" fw={700}>
          {late
            ? `Paiement en retard de ${plural(result.joursRetard, "jour")}`
            : "Paiement dans le délai : aucun intérêt moratoire n'est dû"}
        </Text>
        {late && (
          <Text>
            À verser au titulaire en plus du principal :{" "}
            {formatEuros((Math.round(result.interetsMoratoires * 100) + Math.round(result.indemniteForfaitaire * 100)) / 100)} (intérêts
            moratoires et indemnité forfaitaire).
          </Text>
        )}
      </Paper>
      <Facts items={facts} />
      <Vigilance order={3} items={result.pointsDeVigilance} />
      <TitledList title="Explications" order={3} items={result.explications} />
      <Fondements order={3} fondements={result.fondements} />
    </>
  );
}

export function PaiementTab() {
  const [draft, setDraft] = useState<PaiementDraft>(EMPTY);
  const mutation = useMutation({
    mutationFn: async (d: PaiementDraft) => api<ReglesPaiementOutput>("POST", "/api/regles/paiement", toPaiementInput(d)),
  });
  const set = (name: keyof PaiementDraft) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setDraft((d) => ({ ...d, [name]: value }));
  };
  const fieldError = (name: string) => errorAt(mutation.error, name);

  return (
    <ToolForm
      label="Paiement à contrôler"
      error={summarize(mutation.error, fieldLabel)}
      errorTitle="Le calcul n'a pas abouti"
      submitLabel="Calculer les intérêts"
      pending={mutation.isPending}
      onSubmit={() => mutation.mutate(draft)}
      resultTitle="Résultat du calcul"
      result={mutation.data && <PaiementResult result={mutation.data} />}
    >
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <TextInput
          label="Montant payé (€ TTC)"
          description={"Montant réglé en retard, net de la retenue de garantie. Exemple : 12\u00a0000,00."}
          required
          inputMode="decimal"
          autoComplete="off"
          value={draft.montantTtc}
          onChange={set("montantTtc")}
          error={fieldError("montantTtc")}
        />
        <TextInput
          label="Taux de la BCE en % (facultatif)"
          description="À défaut, le taux du semestre connu de la plateforme est appliqué. Exemple : 2,15."
          inputMode="decimal"
          autoComplete="off"
          value={draft.tauxBce}
          onChange={set("tauxBce")}
          error={fieldError("tauxBce")}
        />
        <TextInput
          label="Date de réception de la demande de paiement"
          description="Date à laquelle la facture est parvenue à l'acheteur."
          type="date"
          required
          value={draft.dateReception}
          onChange={set("dateReception")}
          error={fieldError("dateReception")}
        />
        <TextInput
          label="Date de paiement"
          description="Date de mise en paiement."
          type="date"
          required
          value={draft.datePaiement}
          onChange={set("datePaiement")}
          error={fieldError("datePaiement")}
        />
      </SimpleGrid>
    </ToolForm>
  );
}
