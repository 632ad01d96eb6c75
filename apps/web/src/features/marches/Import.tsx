import { Button, Paper, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { ImportTableur } from "../../ui/import/ImportTableur";
import { useSession } from "../auth/session";

const IMPORTS = {
  marches: {
    permission: "marches.manage",
    bouton: "Importer des marchés",
    quoi: "des marchés",
    requete: "marches",
    aide: "Une ligne par marché ; les titulaires sont désignés par leur SIRET (importez d'abord les fournisseurs absents de l'annuaire). Toutes les lignes sont importées, ou aucune.",
    entetes: {
      numero: "Numéro",
      objet: "Objet",
      direction: "Sigle de la direction",
      montantHt: "Montant (€ HT)",
      siretTitulaire: "SIRET du titulaire",
    },
  },
  fournisseurs: {
    permission: "fournisseurs.manage",
    bouton: "Importer des fournisseurs",
    quoi: "des fournisseurs",
    requete: "fournisseurs",
    aide: "Une ligne par établissement (SIRET) ; un SIRET déjà dans l'annuaire met sa fiche à jour. Toutes les lignes sont importées, ou aucune.",
    entetes: { siret: "SIRET", nom: "Raison sociale", codeCommune: "Code commune INSEE", categorie: "Catégorie d'entreprise" },
  },
} as const;

/** The button and the spreadsheet import of the contract or supplier list (the platform's one import, with its progress bar). */
export function useImport(type: keyof typeof IMPORTS) {
  const def = IMPORTS[type];
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [ouvert, setOuvert] = useState(false);
  const id = useId();
  if (!can(def.permission)) return { bouton: null, panneau: null };
  return {
    bouton: (
      <Button variant="light" aria-expanded={ouvert} aria-controls={id} onClick={() => setOuvert((o) => !o)}>
        {def.bouton}
      </Button>
    ),
    panneau: ouvert && (
      <Paper withBorder p="lg" id={id}>
        <ImportTableur
          type={type}
          quoi={def.quoi}
          entetes={def.entetes}
          aide={<Text size="sm">{def.aide}</Text>}
          onTermine={() => void queryClient.invalidateQueries({ queryKey: [def.requete] })}
        />
      </Paper>
    ),
  };
}
