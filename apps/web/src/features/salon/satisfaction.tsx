import { List, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { type BilanSatisfaction, type EntonnoirSalon, SEUIL_ANONYMAT } from "@achat-public/domain/salon";
import { api } from "../../lib/api";
import { formatLegalDate } from "../../lib/format";
import { Chargement } from "../../ui/Chargement";
import { DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Graphique } from "../../ui/Graphique";

type Cote = BilanSatisfaction["cotes"][number];

export interface Entonnoir {
  definition: string;
  salons: EntonnoirSalon[];
}
export const entonnoirQuery = { queryKey: ["salons", "entonnoir"], queryFn: () => api<Entonnoir>("GET", "/api/salons/entonnoir") };
export const satisfactionQuery = (salonId: string) => ({
  queryKey: ["salon", salonId, "satisfaction"],
  queryFn: () => api<BilanSatisfaction>("GET", `/api/salons/${salonId}/satisfaction`),
});

export const taux = (v: number | null) => (v === null ? "—" : `${(Math.round(v * 1000) / 10).toLocaleString("fr-FR")} %`);
export const nombre = (v: number | null) => (v === null ? "—" : v.toLocaleString("fr-FR"));
export const moyenne = (v: number | null) => (v === null ? "—" : `${v.toLocaleString("fr-FR", { maximumFractionDigits: 2 })} / 5`);

export const MASQUE = `moins de ${SEUIL_ANONYMAT} réponses : non publié (anonymat)`;

export const NOTES_LIBELLES = ["1 — pas du tout", "2 — peu", "3 — moyennement", "4 — plutôt", "5 — tout à fait"];

/**
 * The satisfaction survey's results of a fair: per side, the answers against the participants, the means, who would
 * come again, and the distribution of the notes (chart and its table); the comments, without author, for the organiser.
 */
export function SatisfactionBloc({ salonId, titre, niveau = 3 }: { salonId: string; titre: string; niveau?: 2 | 3 }) {
  const bilan = useQuery(satisfactionQuery(salonId));
  if (bilan.isPending) return <Chargement />;
  if (bilan.isError) return <ErrorAlert error={bilan.error} title="Résultats du questionnaire indisponibles" />;
  const b = bilan.data;
  return (
    <Stack gap="sm" component="section" aria-labelledby={`satisfaction-${salonId}`}>
      <Title order={niveau} id={`satisfaction-${salonId}`}>
        {titre}
      </Title>
      <Text size="sm">
        {b.etat === "a-venir"
          ? "Le questionnaire s'ouvre quand le salon a eu lieu."
          : `Réponses ${b.etat === "ouvert" ? "reçues jusqu'au" : "closes le"} ${formatLegalDate(b.cloture)} ; une réponse par entreprise présente et par acheteur présent, publiées sans leurs auteurs.`}
      </Text>
      <DataTable<Cote>
        caption="Réponses, moyennes et retour au prochain salon, par côté"
        rows={b.cotes}
        rowKey={(c) => c.cote}
        columns={[
          { key: "cote", header: "Côté", principale: true, render: (c) => c.libelle },
          {
            key: "reponses",
            header: "Réponses",
            render: (c) => `${nombre(c.reponses)} sur ${nombre(c.participants)} (${taux(c.tauxReponse)})`,
          },
          { key: "satisfaction", header: "Satisfaction générale", render: (c) => (c.masque ? MASQUE : moyenne(c.moyenneSatisfaction)) },
          { key: "utilite", header: "Utilité des rendez-vous", render: (c) => (c.masque ? MASQUE : moyenne(c.moyenneUtilite)) },
          {
            key: "retour",
            header: "Reviendraient",
            render: (c) => (c.masque ? MASQUE : c.reviendraient === null ? "—" : `${nombre(c.reviendraient)} (${taux(c.tauxRetour)})`),
          },
        ]}
      />
      {b.cotes.some((c) => c.distributionSatisfaction && c.reponses > 0) && (
        <Graphique
          titre="Répartition des notes de satisfaction générale, par côté (nombre de réponses)"
          categories={NOTES_LIBELLES}
          series={b.cotes
            .filter((c) => c.distributionSatisfaction)
            .map((c) => ({ nom: c.libelle, valeurs: c.distributionSatisfaction ?? [], formater: nombre }))}
          hauteur={260}
        />
      )}
      {b.commentaires && b.commentaires.length > 0 && (
        <Stack gap={4}>
          <Title order={niveau === 2 ? 3 : 4}>Commentaires (sans leurs auteurs)</Title>
          <List>
            {b.commentaires.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: comments carry no identity (anonymous on purpose)
              <List.Item key={i}>
                <Text span size="sm" fw={600}>
                  {c.cote === "entreprise" ? "Entreprise" : "Acheteur"} :
                </Text>{" "}
                <Text span size="sm" style={{ whiteSpace: "pre-line" }}>
                  {c.texte}
                </Text>
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Stack>
  );
}
