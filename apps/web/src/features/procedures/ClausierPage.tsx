import { Badge, Button, Text } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { ClauseOutput } from "@achat-public/contracts";
import { api } from "../../lib/api";
import { Chargement } from "../../ui/Chargement";
import { DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { FormModal, type FormValues } from "../../ui/FormModal";
import { Page } from "../../ui/Page";
import { useSession } from "../auth/session";
import { nombre, TYPES_CLAUSE, USAGES_CLAUSE } from "./libelles";

/**
 * Page "/clausier": the model clauses of the procurement directorate (social clauses with the insertion hours
 * formula, environmental clauses and criteria, innovation clauses); buyers pick them into their procedures.
 */
export default function ClausierPage() {
  const { can } = useSession();
  const tenir = can("procedures.clausier");
  const queryClient = useQueryClient();
  const [ouvert, setOuvert] = useState(false);
  const clauses = useQuery({ queryKey: ["procedures", "clausier"], queryFn: () => api<ClauseOutput[]>("GET", "/api/clausier") });

  const corps = (v: FormValues) => ({
    type: String(v.type),
    usage: String(v.usage),
    titre: String(v.titre),
    texte: String(v.texte),
    formuleHeures:
      v.type === "sociale" && v.partMainOeuvrePct
        ? {
            partMainOeuvrePct: nombre(v.partMainOeuvrePct),
            tauxInsertionPct: nombre(v.tauxInsertionPct),
            coutHoraire: nombre(v.coutHoraire),
          }
        : null,
  });

  return (
    <Page
      title="Clausier"
      intro={
        <Text>
          Les clauses types de la direction de la commande publique. Heures d'insertion d'une clause sociale : valeur estimée HT × part de
          main-d'œuvre × taux d'insertion ÷ coût horaire.
        </Text>
      }
      actions={tenir && <Button onClick={() => setOuvert(true)}>Nouvelle clause</Button>}
    >
      <ErrorAlert error={clauses.error} title="Chargement impossible" />
      {clauses.isPending && <Chargement />}
      {clauses.data && (
        <DataTable<ClauseOutput>
          caption="Clauses types"
          rows={clauses.data}
          rowKey={(c) => c.id}
          minWidth={900}
          empty={<Text>Le clausier est vide.</Text>}
          columns={[
            { key: "titre", header: "Titre", principale: true, render: (c) => c.titre },
            {
              key: "type",
              header: "Type",
              render: (c) => (
                <Badge variant="outline" color="gray.8" tt="none">
                  {TYPES_CLAUSE[c.type]}
                </Badge>
              ),
            },
            { key: "usage", header: "Usage", render: (c) => USAGES_CLAUSE[c.usage] },
            { key: "texte", header: "Texte", render: (c) => c.texte },
            {
              key: "formule",
              header: "Heures d'insertion",
              render: (c) =>
                c.formuleHeures
                  ? `${c.formuleHeures.partMainOeuvrePct} % de main-d'œuvre × ${c.formuleHeures.tauxInsertionPct} % ÷ ${c.formuleHeures.coutHoraire} €/h`
                  : "—",
            },
            { key: "actif", header: "État", render: (c) => (c.actif ? "Proposée" : "Retirée") },
          ]}
        />
      )}
      <FormModal
        title="Nouvelle clause type"
        opened={ouvert}
        onClose={() => setOuvert(false)}
        fields={[]}
        fieldsFor={(v) => [
          {
            name: "type",
            label: "Type",
            kind: "select",
            options: Object.entries(TYPES_CLAUSE).map(([value, label]) => ({ value, label })),
          },
          {
            name: "usage",
            label: "Usage",
            kind: "select",
            options: Object.entries(USAGES_CLAUSE).map(([value, label]) => ({ value, label })),
          },
          { name: "titre", label: "Titre", kind: "text", required: true },
          { name: "texte", label: "Texte de la clause", kind: "text", required: true },
          ...(v.type === "sociale"
            ? [
                { name: "partMainOeuvrePct", label: "Part de main-d'œuvre (%)", kind: "text" as const },
                { name: "tauxInsertionPct", label: "Taux d'insertion (%)", kind: "text" as const },
                { name: "coutHoraire", label: "Coût horaire (€ HT)", kind: "text" as const },
              ]
            : []),
        ]}
        initialValues={{
          type: "sociale",
          usage: "condition-execution",
          titre: "",
          texte: "",
          partMainOeuvrePct: "",
          tauxInsertionPct: "",
          coutHoraire: "",
        }}
        submitLabel="Ajouter au clausier"
        onSubmit={async (v) => {
          await api("POST", "/api/clausier", corps(v));
          await queryClient.invalidateQueries({ queryKey: ["procedures", "clausier"] });
        }}
      />
    </Page>
  );
}
