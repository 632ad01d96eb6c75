import { Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { EntonnoirSalon } from "@achat-public/domain/salon";
import { formatLegalDate } from "../../lib/format";
import { Chargement } from "../../ui/Chargement";
import { DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Graphique } from "../../ui/Graphique";
import { Page } from "../../ui/Page";
import { useSession } from "../auth/session";
import { entonnoirQuery, nombre, SatisfactionBloc, taux } from "./satisfaction";

type Etapes = EntonnoirSalon["total"];
interface Ventilation {
  cle: string;
  etapes: Etapes;
}

function TableVentilation({ caption, lignes }: { caption: string; lignes: Ventilation[] }) {
  return (
    <DataTable<Ventilation>
      caption={caption}
      rows={lignes}
      rowKey={(l) => l.cle}
      columns={[
        { key: "cle", header: "Groupe", principale: true, render: (l) => l.cle },
        { key: "tenus", header: "Rendez-vous tenus", render: (l) => nombre(l.etapes.tenus) },
        {
          key: "interet",
          header: "Suivis d'un signal d'intérêt",
          render: (l) => `${nombre(l.etapes.suivisDInteret)} (${taux(l.etapes.tauxInteret)})`,
        },
        { key: "offre", header: "Suivis d'une offre", render: (l) => `${nombre(l.etapes.suivisDOffre)} (${taux(l.etapes.tauxOffre)})` },
        {
          key: "attribution",
          header: "Suivis d'une attribution",
          render: (l) => `${nombre(l.etapes.suivisDAttribution)} (${taux(l.etapes.tauxAttribution)})`,
        },
      ]}
    />
  );
}

/**
 * Page « Ce qu'ont donné les salons » (steering): the conversion funnel of each held fair, year on year, and (for the
 * organiser and the management) the results of its satisfaction survey.
 */
export default function BilanSalonsPage() {
  const { can } = useSession();
  const data = useQuery(entonnoirQuery);
  return (
    <Page
      title="Ce qu'ont donné les salons"
      intro={<Text>Des rendez-vous du salon aux offres puis aux marchés : ce que personne ne mesure, salon après salon.</Text>}
    >
      {data.isPending ? (
        <Chargement />
      ) : data.isError ? (
        <ErrorAlert error={data.error} title="Bilan indisponible" />
      ) : data.data.salons.length === 0 ? (
        <Text>Aucun salon tenu pour l'instant.</Text>
      ) : (
        <Stack gap="xl">
          <Text size="sm">{data.data.definition}</Text>
          <Graphique
            titre="Rendez-vous tenus, suivis d'un signal d'intérêt, d'une offre, d'une attribution, par salon"
            categories={["Rendez-vous tenus", "Suivis d'un signal d'intérêt", "Suivis d'une offre", "Suivis d'une attribution"]}
            series={data.data.salons.map((s) => ({
              nom: s.salon,
              valeurs: [s.total.tenus, s.total.suivisDInteret, s.total.suivisDOffre, s.total.suivisDAttribution],
              formater: nombre,
            }))}
          />
          {data.data.salons.map((s) => (
            <Stack gap="sm" key={s.salonId} component="section" aria-labelledby={`bilan-${s.salonId}`}>
              <Title order={2} id={`bilan-${s.salonId}`}>
                {s.salon} ({formatLegalDate(s.date)})
              </Title>
              <Text>
                {nombre(s.total.planifies)} rendez-vous planifiés, {nombre(s.total.tenus)} tenus avec{" "}
                {nombre(s.total.entreprisesRencontrees)} entreprises ; {nombre(s.total.suivisDInteret)} suivis d'un signal d'intérêt (
                {taux(s.total.tauxInteret)}) ; {nombre(s.total.suivisDOffre)} suivis d'une offre ({taux(s.total.tauxOffre)},{" "}
                {nombre(s.total.entreprisesAyantRepondu)} entreprises) ; {nombre(s.total.suivisDAttribution)} suivis d'une attribution (
                {taux(s.total.tauxAttribution)}, {nombre(s.total.entreprisesAttributaires)} entreprises).
              </Text>
              <TableVentilation caption={`${s.salon} : par taille d'entreprise`} lignes={s.parTaille} />
              <TableVentilation caption={`${s.salon} : par localité`} lignes={s.parLocalite} />
              <TableVentilation caption={`${s.salon} : par famille d'achat`} lignes={s.parFamille} />
              {can("salon.bilan") && <SatisfactionBloc salonId={s.salonId} titre={`${s.salon} : questionnaire de satisfaction`} />}
            </Stack>
          ))}
        </Stack>
      )}
    </Page>
  );
}
