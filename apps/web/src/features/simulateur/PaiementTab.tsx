/**
 * Tab "Retard de paiement": due date, days late, late-payment interest and the fixed indemnity
 * (POST /api/regles/paiement).
 */
import { SimpleGrid, Text, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { ReglesPaiementInput, type ReglesPaiementOutput } from "@achat-public/contracts";
import { api } from "../../lib/api";
import { plural } from "../../lib/format";
import { formatDateFr } from "./dates";
import { errorAt, IssueList, summarize, type FieldPath } from "./errors";
import { formatEuros, formatPercent } from "./euros";
import { formatSemestre, ORIGINE_TAUX_LABELS } from "./labels";
import { ToolForm } from "./ToolForm";
import { AlertesBloquantes, Details, Facts, Resume, Synthese, type Fact } from "./ResultParts";

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
  // The chronology is checked here too, so that it is reported with the other problems, not after them.
  if (dateReception && datePaiement && datePaiement < dateReception) {
    issues.add(["datePaiement"], "La date de paiement ne peut pas précéder la date de réception de la demande de paiement.");
  }
  const body = { montantTtc, dateReception, datePaiement, ...(tauxBce !== undefined ? { tauxBce } : {}) };
  issues.schema(ReglesPaiementInput, body);
  issues.throwIfAny();
  return body;
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
  const late = result.interetsMoratoires > 0 || result.indemniteForfaitaire > 0;
  const total = (Math.round(result.interetsMoratoires * 100) + Math.round(result.indemniteForfaitaire * 100)) / 100;
  const echeance =
    formatDateFr(result.dateEcheance) +
    (result.avertissementsDateEcheance.length > 0 ? ` (${result.avertissementsDateEcheance.join(" ")})` : "");
  const details: Fact[] = [
    { label: "Montant payé", value: `${formatEuros(result.montantTtc)} TTC` },
    { label: "Délai de paiement", value: plural(result.delaiPaiementJours, "jour") },
    ...(result.debutInterets ? [{ label: "Intérêts dus à partir du", value: formatDateFr(result.debutInterets) }] : []),
    { label: "Taux de la BCE retenu", value: tauxBceText(result) },
    ...(result.tauxInterets !== null
      ? [{ label: "Taux des intérêts moratoires (BCE + 8 points)", value: formatPercent(result.tauxInterets) }]
      : []),
  ];
  return (
    <>
      <Synthese title="Synthèse" order={3}>
        <Text size="lg" fw={700}>
          {result.joursRetard === 0
            ? "Paiement dans le délai : aucun intérêt moratoire n'est dû"
            : late
              ? `Paiement en retard de ${plural(result.joursRetard, "jour")} : ${formatEuros(total)} à verser au titulaire en plus du principal`
              : `Paiement après l'échéance, mais d'un montant nul : rien n'est dû`}
        </Text>
        <Resume
          items={[
            { label: "Date d'échéance", value: echeance },
            { label: "Jours de retard", value: result.joursRetard > 0 ? plural(result.joursRetard, "jour") : "aucun" },
            { label: "Intérêts moratoires", value: formatEuros(result.interetsMoratoires) },
            { label: "Indemnité forfaitaire pour frais de recouvrement", value: formatEuros(result.indemniteForfaitaire) },
            ...(result.dateLimiteVersementInterets
              ? [{ label: "À verser au plus tard le", value: formatDateFr(result.dateLimiteVersementInterets) }]
              : []),
          ]}
        />
        <AlertesBloquantes reponse={result} />
      </Synthese>
      <Details reponse={result} order={3} parts={[{ value: "calcul", title: "Éléments du calcul", content: <Facts items={details} /> }]} />
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
      data={mutation.data}
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
