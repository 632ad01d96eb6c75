/** Tab "Procédure et calendrier": the need, its analysis (POST /api/regles/analyse), then its legal dates. */
import { Stack } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { ReglesAnalyseOutput } from "@achat-public/contracts";
import { api } from "../../lib/api";
import { AnalyseResult } from "./AnalyseResult";
import { Calendrier } from "./Calendrier";
import { initialProcedureDraft, ProcedureForm, toAnalyseInput, type ProcedureDraft } from "./ProcedureForm";
import { ResultSection } from "./ResultParts";

export function ProcedureTab() {
  const [draft, setDraft] = useState<ProcedureDraft>(initialProcedureDraft);
  const analyse = useMutation({
    mutationFn: async (d: ProcedureDraft) => api<ReglesAnalyseOutput>("POST", "/api/regles/analyse", toAnalyseInput(d)),
  });
  // Names of the lots as they were sent, to name the eligible small lots.
  const lotNames = (analyse.variables?.lots ?? []).map((lot, i) =>
    lot.intitule.trim() ? `Lot ${i + 1} (${lot.intitule.trim()})` : `Lot ${i + 1}`,
  );

  return (
    <Stack gap="xl">
      <ProcedureForm
        draft={draft}
        onChange={setDraft}
        onSubmit={() => analyse.mutate(draft)}
        error={analyse.error}
        pending={analyse.isPending}
      />
      <ResultSection title="Analyse du besoin" result={analyse.data}>
        {analyse.data && <AnalyseResult analyse={analyse.data} lotNames={lotNames} />}
      </ResultSection>
      {/* A new analysis starts a new calendar, prefilled from it. */}
      {analyse.data && <Calendrier key={analyse.submittedAt} analyse={analyse.data} />}
    </Stack>
  );
}
