/**
 * Tab "Modification du marché": checks an amendment against the case of L2194-1 invoked, with the earlier
 * modifications (POST /api/regles/modification).
 */
import { Button, Checkbox, Fieldset, Group, NativeSelect, Stack, Text, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { ReglesModificationInput, type ReglesModificationOutput } from "@achat-public/contracts";
import { api } from "../../lib/api";
import { DANGER, SUCCESS } from "../../ui/colors";
import { localIsoDate } from "./dates";
import { errorAt, IssueList, summarize, type FieldPath } from "./errors";
import { formatEuros, formatPercent, formatPourcentageExact } from "./euros";
import { FONDEMENT_MODIFICATION_LABELS, isKeyOf, optionsOf, type FondementModification, type Nature } from "./labels";
import { NatureField, ToolForm } from "./ToolForm";
import { AlertesBloquantes, Details, Facts, Resume, Synthese } from "./ResultParts";

interface ModificationLine {
  /** Stable key of the row (React key and input ids), not sent. */
  key: number;
  montant: string;
  /** "" until chosen. */
  fondement: string;
}

interface ModificationDraft {
  montantInitial: string;
  nature: Nature;
  dateLancement: string;
  attribueParCao: boolean;
  anterieures: ModificationLine[];
  modification: ModificationLine;
}

const initialDraft = (): ModificationDraft => ({
  montantInitial: "",
  nature: "services",
  dateLancement: localIsoDate(),
  attribueParCao: false,
  anterieures: [],
  modification: { key: 0, montant: "", fondement: "" },
});

function toModificationInput(draft: ModificationDraft): ReglesModificationInput {
  const issues = new IssueList();
  const line = (m: ModificationLine, path: FieldPath) => {
    const montantHt = issues.number(m.montant, [...path, "montantHt"], { allowNegative: true }) ?? 0;
    let fondement: FondementModification = "non-substantielle";
    if (isKeyOf(FONDEMENT_MODIFICATION_LABELS, m.fondement)) fondement = m.fondement;
    else issues.add([...path, "fondement"], "Choisissez le fondement de la modification.");
    return { montantHt, fondement };
  };
  const montantInitialHt = issues.number(draft.montantInitial, ["montantInitialHt"]) ?? 0;
  const dateLancement = issues.date(draft.dateLancement, ["dateLancement"]);
  const modificationsAnterieures = draft.anterieures.map((m, i) => line(m, ["modificationsAnterieures", i]));
  const modification = line(draft.modification, ["modification"]);
  const body = {
    montantInitialHt,
    nature: draft.nature,
    dateLancement,
    attribueParCao: draft.attribueParCao,
    ...(modificationsAnterieures.length > 0 ? { modificationsAnterieures } : {}),
    modification,
  };
  issues.schema(ReglesModificationInput, body);
  issues.throwIfAny();
  return body;
}

function fieldLabel(path: FieldPath): string | undefined {
  const [first, second, third] = path;
  const part = (field: string | number | undefined) =>
    field === "montantHt" ? "Montant" : field === "fondement" ? "Fondement" : "Valeurs";
  if (first === "modificationsAnterieures" && typeof second === "number")
    return `${part(third)} de la modification déjà notifiée ${second + 1}`;
  if (first === "modification") return `${part(second)} de la modification examinée`;
  const labels: Record<string, string> = {
    montantInitialHt: "Montant initial du marché",
    nature: "Nature du marché",
    dateLancement: "Date de lancement de la consultation initiale",
    attribueParCao: "Attribution par la CAO",
    modificationsAnterieures: "Modifications déjà notifiées",
  };
  return typeof first === "string" ? labels[first] : undefined;
}

const fondementOptions = [{ value: "", label: "Choisissez le fondement" }, ...optionsOf(FONDEMENT_MODIFICATION_LABELS)];

function ModificationResult({ result }: { result: ReglesModificationOutput }) {
  const faible = result.faibleMontant;
  const pct = (montant: number) => formatPourcentageExact(montant, result.montantInitialHt);
  return (
    <>
      <Synthese title="Synthèse" order={3}>
        <Text size="lg" fw={700} c={result.autorisee ? SUCCESS : DANGER}>
          {result.autorisee ? "Autorisée sur ce fondement" : "Non autorisée sur ce fondement"}
        </Text>
        <Resume
          items={[
            { label: "Fondement invoqué", value: FONDEMENT_MODIFICATION_LABELS[result.fondementInvoque] },
            {
              label: "Cette modification",
              value: `${formatEuros(result.montantModificationHt)} HT, soit ${pct(result.montantModificationHt)} du montant initial de ${formatEuros(result.montantInitialHt)} HT`,
            },
            { label: "Nouveau montant du marché", value: `${formatEuros(result.nouveauMontantHt)} HT` },
            { label: "Avis préalable de la commission d'appel d'offres", value: result.avisCaoRequis ? "requis" : "non requis" },
          ]}
        />
        <AlertesBloquantes reponse={result} />
      </Synthese>
      <Details
        reponse={result}
        order={3}
        parts={[
          {
            value: "montants",
            title: "Montants et pourcentages",
            content: (
              <Facts
                items={[
                  { label: "Montant initial", value: `${formatEuros(result.montantInitialHt)} HT` },
                  {
                    label: "Cumul des modifications, celle-ci comprise",
                    value: `${formatEuros(result.montantCumuleModificationsHt)} HT, soit ${pct(result.montantCumuleModificationsHt)} du montant initial`,
                  },
                  ...(faible
                    ? [
                        {
                          label: "Modifications de faible montant cumulées",
                          value:
                            `${formatEuros(faible.montantCumuleHt)} HT, soit ${pct(faible.montantCumuleHt)} du montant initial ` +
                            `(plafonds : moins de ${formatPercent(faible.plafondPourcentage)} et moins que le seuil européen de ${formatEuros(faible.seuilEuropeenHt)} HT)`,
                        },
                      ]
                    : []),
                ]}
              />
            ),
          },
        ]}
      />
    </>
  );
}

export function ModificationTab() {
  const id = useId();
  const nextKey = useRef(1);
  const addButton = useRef<HTMLButtonElement>(null);
  const [focusLine, setFocusLine] = useState<number | null>(null);
  const [draft, setDraft] = useState<ModificationDraft>(initialDraft);
  const mutation = useMutation({
    mutationFn: async (d: ModificationDraft) => api<ReglesModificationOutput>("POST", "/api/regles/modification", toModificationInput(d)),
  });

  useEffect(() => {
    if (focusLine === null) return;
    document.getElementById(`${id}-anterieure-${focusLine}-montant`)?.focus();
    setFocusLine(null);
  }, [focusLine, id]);

  const set = <K extends keyof ModificationDraft>(name: K, value: ModificationDraft[K]) => setDraft((d) => ({ ...d, [name]: value }));
  const setLine = (index: number, patch: Partial<ModificationLine>) =>
    setDraft((d) => ({ ...d, anterieures: d.anterieures.map((m, i) => (i === index ? { ...m, ...patch } : m)) }));
  const addLine = () => {
    const key = nextKey.current++;
    setDraft((d) => ({ ...d, anterieures: [...d.anterieures, { key, montant: "", fondement: "" }] }));
    setFocusLine(key);
  };
  const removeLine = (index: number) => {
    setDraft((d) => ({ ...d, anterieures: d.anterieures.filter((_, i) => i !== index) }));
    addButton.current?.focus();
  };

  const error = mutation.error;
  const fieldError = (...path: (string | number)[]) => errorAt(error, ...path);

  return (
    <ToolForm
      label="Modification à vérifier"
      error={summarize(error, fieldLabel)}
      errorTitle="La vérification n'a pas abouti"
      submitLabel="Vérifier la modification"
      pending={mutation.isPending}
      onSubmit={() => mutation.mutate(draft)}
      resultTitle="Résultat de la vérification"
      data={mutation.data}
      result={mutation.data && <ModificationResult result={mutation.data} />}
    >
      <TextInput
        label="Montant initial du marché (€ HT)"
        description={"Montant du marché à sa notification. Exemples : 250\u00a0000 ou 250000.00."}
        required
        inputMode="decimal"
        autoComplete="off"
        value={draft.montantInitial}
        onChange={(e) => set("montantInitial", e.currentTarget.value)}
        error={fieldError("montantInitialHt")}
        maw={420}
      />
      <NatureField value={draft.nature} onChange={(nature) => set("nature", nature)} error={fieldError("nature")} />
      <TextInput
        label="Date de lancement de la consultation initiale"
        description="Elle fixe le seuil européen retenu pour les modifications de faible montant."
        type="date"
        required
        value={draft.dateLancement}
        onChange={(e) => set("dateLancement", e.currentTarget.value)}
        error={fieldError("dateLancement")}
        maw={420}
      />
      <Checkbox
        label="Marché attribué par la commission d'appel d'offres (CAO)"
        checked={draft.attribueParCao}
        onChange={(e) => set("attribueParCao", e.currentTarget.checked)}
        error={fieldError("attribueParCao")}
      />
      <Fieldset legend="Modifications déjà notifiées (facultatif)">
        <Stack gap="sm">
          <Text size="sm">Dans l'ordre de leur notification ; un montant négatif est une diminution.</Text>
          {draft.anterieures.map((line, index) => {
            const n = index + 1;
            return (
              <Group key={line.key} align="flex-start" gap="sm">
                <TextInput
                  id={`${id}-anterieure-${line.key}-montant`}
                  label={`Montant de la modification ${n} (€ HT)`}
                  required
                  inputMode="decimal"
                  autoComplete="off"
                  value={line.montant}
                  onChange={(e) => setLine(index, { montant: e.currentTarget.value })}
                  error={fieldError("modificationsAnterieures", index, "montantHt") ?? fieldError("modificationsAnterieures", index)}
                  w={300}
                />
                <NativeSelect
                  label={`Fondement de la modification ${n}`}
                  required
                  data={fondementOptions}
                  value={line.fondement}
                  onChange={(e) => setLine(index, { fondement: e.currentTarget.value })}
                  error={fieldError("modificationsAnterieures", index, "fondement")}
                  w={380}
                />
                <Button variant="default" mt={25} onClick={() => removeLine(index)}>
                  Retirer la modification {n}
                </Button>
              </Group>
            );
          })}
          <Group>
            <Button ref={addButton} variant="default" onClick={addLine}>
              Ajouter une modification déjà notifiée
            </Button>
          </Group>
        </Stack>
      </Fieldset>
      <Fieldset legend="Modification examinée">
        <Group align="flex-start" gap="sm">
          <TextInput
            label="Montant de cette modification (€ HT)"
            description={"Négatif pour une diminution, par exemple -1\u00a0500,00."}
            required
            inputMode="decimal"
            autoComplete="off"
            value={draft.modification.montant}
            onChange={(e) => set("modification", { ...draft.modification, montant: e.currentTarget.value })}
            error={fieldError("modification", "montantHt") ?? fieldError("modification")}
            w={300}
          />
          <NativeSelect
            label="Fondement invoqué"
            description="Cas de modification de l'article L2194-1."
            required
            data={fondementOptions}
            value={draft.modification.fondement}
            onChange={(e) => set("modification", { ...draft.modification, fondement: e.currentTarget.value })}
            error={fieldError("modification", "fondement")}
            w={380}
          />
        </Group>
      </Fieldset>
    </ToolForm>
  );
}
