/**
 * The need to analyse: nature, estimated value HT, launch date, innovative purchase, social and specific
 * services, and optional lots. Amounts are typed in French or English writing and converted before sending.
 */
import { Button, Checkbox, Fieldset, Group, Stack, Text, TextInput } from "@mantine/core";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { ReglesAnalyseInput } from "@achat-public/contracts";
import { DANGER } from "../../ui/colors";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { localIsoDate } from "./dates";
import { errorAt, IssueList, summarize, type FieldPath } from "./errors";
import { formatEuros, parseEuros } from "./euros";
import type { Nature } from "./labels";
import { NatureField } from "./ToolForm";

export interface LotDraft {
  /** Stable key of the row (React key and input ids), not sent. */
  key: number;
  intitule: string;
  valeur: string;
}

export interface ProcedureDraft {
  nature: Nature;
  valeur: string;
  dateLancement: string;
  innovant: boolean;
  servicesSociauxSpecifiques: boolean;
  lots: LotDraft[];
}

export const initialProcedureDraft = (): ProcedureDraft => ({
  nature: "services",
  valeur: "",
  dateLancement: localIsoDate(),
  innovant: false,
  servicesSociauxSpecifiques: false,
  lots: [],
});

/** The request body, or an ApiError (INVALID_INPUT) listing what cannot be sent as typed. */
export function toAnalyseInput(draft: ProcedureDraft): ReglesAnalyseInput {
  const issues = new IssueList();
  const valeurEstimeeHt = issues.number(draft.valeur, ["valeurEstimeeHt"]);
  const dateLancement = issues.date(draft.dateLancement, ["dateLancement"]);
  const lots = draft.lots.map((lot, index) => {
    const intitule = lot.intitule.trim();
    const valeur = issues.number(lot.valeur, ["lots", index, "valeurEstimeeHt"]);
    return { ...(intitule ? { intitule } : {}), valeurEstimeeHt: valeur ?? 0 };
  });
  const body: ReglesAnalyseInput = {
    nature: draft.nature,
    valeurEstimeeHt: valeurEstimeeHt ?? 0,
    dateLancement,
    innovant: draft.innovant,
    servicesSociauxSpecifiques: draft.nature === "services" && draft.servicesSociauxSpecifiques,
    ...(lots.length > 0 ? { lots } : {}),
  };
  issues.schema(ReglesAnalyseInput, body);
  // As the API will: the lots make up the whole need (reported with the other problems, not after them).
  const sum = lots.reduce((total, lot) => total + Math.round(lot.valeurEstimeeHt * 100), 0);
  if (issues.issues.length === 0 && lots.length > 0 && sum !== Math.round(body.valeurEstimeeHt * 100)) {
    issues.add(
      ["lots"],
      `La somme des lots (${formatEuros(sum / 100)} HT) doit être égale à la valeur estimée du besoin (${formatEuros(body.valeurEstimeeHt)} HT), qui inclut tous les lots.`,
    );
  }
  issues.throwIfAny();
  return body;
}

/** French name of a field of the analysis, for the error summary. */
export function analyseFieldLabel(path: FieldPath): string | undefined {
  const [first, index, field] = path;
  if (first === "lots" && typeof index === "number") {
    if (field === "valeurEstimeeHt") return `Valeur estimée du lot ${index + 1}`;
    if (field === "intitule") return `Intitulé du lot ${index + 1}`;
    return `Lot ${index + 1}`;
  }
  const labels: Record<string, string> = {
    nature: "Nature du marché",
    valeurEstimeeHt: "Valeur estimée du besoin",
    dateLancement: "Date de lancement",
    innovant: "Achat innovant",
    servicesSociauxSpecifiques: "Services sociaux et autres services spécifiques",
    lots: "Lots",
  };
  return typeof first === "string" ? labels[first] : undefined;
}

export interface ProcedureFormProps {
  draft: ProcedureDraft;
  onChange(draft: ProcedureDraft): void;
  onSubmit(): void;
  error: unknown;
  pending: boolean;
}

export function ProcedureForm({ draft, onChange, onSubmit, error, pending }: ProcedureFormProps) {
  const id = useId();
  const nextKey = useRef(1);
  const addButton = useRef<HTMLButtonElement>(null);
  const [focusLot, setFocusLot] = useState<number | null>(null);

  // After "Ajouter un lot", keyboard and screen-reader users land in the new row.
  useEffect(() => {
    if (focusLot === null) return;
    document.getElementById(`${id}-lot-${focusLot}-intitule`)?.focus();
    setFocusLot(null);
  }, [focusLot, id]);

  const set = <K extends keyof ProcedureDraft>(name: K, value: ProcedureDraft[K]) => onChange({ ...draft, [name]: value });
  const setLot = (index: number, patch: Partial<LotDraft>) =>
    set(
      "lots",
      draft.lots.map((lot, i) => (i === index ? { ...lot, ...patch } : lot)),
    );
  const addLot = () => {
    const key = nextKey.current++;
    set("lots", [...draft.lots, { key, intitule: "", valeur: "" }]);
    setFocusLot(key);
  };
  const removeLot = (index: number) => {
    set(
      "lots",
      draft.lots.filter((_, i) => i !== index),
    );
    addButton.current?.focus();
  };

  const fieldError = (...path: (string | number)[]) => errorAt(error, ...path);
  const lotsError = fieldError("lots");

  const lotValues = draft.lots.map((lot) => parseEuros(lot.valeur));
  const lotsSum = lotValues.every((r) => r.ok) ? lotValues.reduce((sum, r) => sum + (r.ok ? Math.round(r.value * 100) : 0), 0) / 100 : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Besoin à analyser">
      <Stack gap="md">
        <ErrorAlert error={summarize(error, analyseFieldLabel)} title="L'analyse n'a pas abouti" />
        <NatureField value={draft.nature} onChange={(nature) => set("nature", nature)} error={fieldError("nature")} />
        <TextInput
          label="Valeur estimée du besoin (€ HT)"
          description={"Tous lots, options et reconductions compris (primes éventuelles aussi). Exemples : 59\u00a0999,99 ou 59999.99."}
          required
          inputMode="decimal"
          autoComplete="off"
          value={draft.valeur}
          onChange={(e) => set("valeur", e.currentTarget.value)}
          error={fieldError("valeurEstimeeHt")}
          maw={420}
        />
        <TextInput
          label="Date de lancement de la consultation"
          description="Date d'envoi de l'avis ou de la consultation : c'est elle qui fixe les règles applicables."
          type="date"
          required
          value={draft.dateLancement}
          onChange={(e) => set("dateLancement", e.currentTarget.value)}
          error={fieldError("dateLancement")}
          maw={420}
        />
        <Checkbox
          label="Achat innovant"
          description="Travaux, fournitures ou services nouveaux ou sensiblement améliorés (R2122-9-1)."
          checked={draft.innovant}
          onChange={(e) => set("innovant", e.currentTarget.checked)}
          error={fieldError("innovant")}
        />
        {draft.nature === "services" && (
          <Checkbox
            label="Services sociaux et autres services spécifiques"
            description="Services de l'annexe XIV (R2123-1 3°) : santé, social, culture, enseignement…"
            checked={draft.servicesSociauxSpecifiques}
            onChange={(e) => set("servicesSociauxSpecifiques", e.currentTarget.checked)}
            error={fieldError("servicesSociauxSpecifiques")}
          />
        )}
        <Fieldset legend="Lots (facultatif)">
          <Stack gap="sm">
            <Text size="sm">
              Si le besoin est alloti, décrivez chaque lot : la somme des lots doit être égale à la valeur estimée du besoin.
            </Text>
            {draft.lots.map((lot, index) => {
              const n = index + 1;
              return (
                <Group key={lot.key} align="flex-start" gap="sm">
                  <TextInput
                    id={`${id}-lot-${lot.key}-intitule`}
                    label={`Intitulé du lot ${n}`}
                    value={lot.intitule}
                    onChange={(e) => setLot(index, { intitule: e.currentTarget.value })}
                    error={fieldError("lots", index, "intitule")}
                    w={280}
                  />
                  <TextInput
                    label={`Valeur estimée du lot ${n} (€ HT)`}
                    required
                    inputMode="decimal"
                    autoComplete="off"
                    value={lot.valeur}
                    onChange={(e) => setLot(index, { valeur: e.currentTarget.value })}
                    error={fieldError("lots", index, "valeurEstimeeHt") ?? fieldError("lots", index)}
                    w={280}
                  />
                  <Button variant="default" mt={25} onClick={() => removeLot(index)}>
                    Retirer le lot {n}
                  </Button>
                </Group>
              );
            })}
            {lotsError && (
              <Text size="sm" c={DANGER} fw={500}>
                Lots : {lotsError}
              </Text>
            )}
            {draft.lots.length > 0 && lotsSum !== null && <Text size="sm">Somme des lots saisis : {formatEuros(lotsSum)} HT.</Text>}
            <Group>
              <Button ref={addButton} variant="default" onClick={addLot}>
                Ajouter un lot
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <Group>
          <Button type="submit" loading={pending}>
            Analyser le besoin
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
