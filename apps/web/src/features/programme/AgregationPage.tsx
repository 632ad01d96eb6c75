import { Alert, Button, Group, List, NativeSelect, Stack, Text, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { AgregationProgrammeOutput } from "@achat-public/contracts";
import { api } from "../../lib/api";
import { plural } from "../../lib/format";
import { SUCCESS, WARNING } from "../../ui/colors";
import { Chargement } from "../../ui/Chargement";
import { DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Page } from "../../ui/Page";
import { useSession } from "../auth/session";
import { ANNEES, anneeCourante, euros, NATURES, PROCEDURES } from "./libelles";

type Groupe = AgregationProgrammeOutput["groupes"][number];

/**
 * Page "/programme/agregation" (procurement directorate): the aggregated value of every homogeneous family
 * and works operation of the year across directions, the procedure it calls for, and the split-purchase
 * alerts explained by the rule book (threshold, lines, sum, articles).
 */
export default function AgregationPage() {
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [annee, setAnnee] = useState(anneeCourante() + 1);
  const [publication, setPublication] = useState<{ publiees: number } | null>(null);
  const [erreur, setErreur] = useState<unknown>(null);
  const agregation = useQuery({
    queryKey: ["programme", "agregation", annee],
    queryFn: () => api<AgregationProgrammeOutput>("GET", `/api/programme/agregation?annee=${annee}`),
  });
  const publier = async () => {
    setErreur(null);
    try {
      setPublication(await api<{ publiees: number }>("POST", "/api/programme/publication", { annee }));
      await queryClient.invalidateQueries({ queryKey: ["programme"] });
    } catch (e) {
      setErreur(e);
    }
  };
  const data = agregation.data;
  return (
    <Page
      title="Agrégation par famille"
      intro={
        <Text>
          La procédure se déduit de la valeur totale des besoins homogènes de l'année, toutes directions confondues (fournitures et
          services, article R2121-6 du code de la commande publique), ou de l'opération pour les travaux (R2121-5), et non de chaque ligne.
        </Text>
      }
      actions={can("programme.validate") && <Button onClick={() => void publier()}>Publier les lignes validées de {annee}</Button>}
    >
      <Group align="flex-end">
        <NativeSelect
          label="Année"
          value={String(annee)}
          onChange={(e) => setAnnee(Number(e.currentTarget.value))}
          data={ANNEES().map((a) => String(a))}
        />
      </Group>
      <div aria-live="polite">
        <ErrorAlert error={erreur} title="Publication impossible" />
        {publication && (
          <Alert color={SUCCESS} variant="outline" title="Programme publié">
            {plural(publication.publiees, "ligne publiée", "lignes publiées")}.
          </Alert>
        )}
      </div>
      <ErrorAlert error={agregation.error} title="Chargement impossible" />
      {agregation.isPending && <Chargement />}
      {data && (
        <>
          <Stack gap="sm">
            <Title order={2}>Alertes de fractionnement ({data.alertes.length})</Title>
            {data.alertes.length === 0 ? (
              <Text>Aucune famille n'a de lignes toutes sous un seuil que leur somme atteint.</Text>
            ) : (
              data.alertes.map((a) => (
                <Alert key={a.famille} color={WARNING} variant="outline" title={`${a.famille} : ${euros(a.valeurAgregeeHt)} HT`}>
                  <Text size="sm">{a.message}</Text>
                  <List size="sm" mt="xs">
                    {a.lignes.map((l) => (
                      <List.Item key={l.id}>
                        {l.objet} — {euros(l.valeurEstimeeHt)} HT
                      </List.Item>
                    ))}
                  </List>
                  <Text size="xs" mt="xs">
                    Fondements : {a.fondements.map((f) => `${f.texte} ${f.article}`).join(", ")}
                  </Text>
                </Alert>
              ))
            )}
          </Stack>
          <Title order={2}>Toutes les familles et opérations de {annee}</Title>
          <DataTable<Groupe>
            caption={`Valeur agrégée par famille homogène ou opération, ${annee} (seuils au ${data.dateReference})`}
            rows={data.groupes}
            rowKey={(g) => `${g.nature}-${g.famille}`}
            minWidth={900}
            empty={<Text>Aucune ligne cette année.</Text>}
            columns={[
              { key: "famille", header: "Famille ou opération", principale: true, render: (g) => g.famille },
              { key: "nature", header: "Nature", render: (g) => NATURES[g.nature] },
              { key: "lignes", header: "Lignes", nowrap: true, render: (g) => g.lignes.length },
              { key: "valeur", header: "Valeur agrégée HT", nowrap: true, render: (g) => euros(g.valeurAgregeeHt) },
              { key: "procedure", header: "Procédure", render: (g) => PROCEDURES[g.procedure] },
              { key: "alerte", header: "Alerte", render: (g) => (g.seuilFranchi ? `Fractionnement (${g.seuilFranchi.libelle})` : "—") },
            ]}
          />
        </>
      )}
    </Page>
  );
}
