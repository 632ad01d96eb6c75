import { Anchor, Card, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { formatLegalDate } from "../../lib/format";
import { Chargement } from "../../ui/Chargement";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Graphique } from "../../ui/Graphique";
import { useSession } from "../auth/session";
import { entonnoirQuery, MASQUE, moyenne, nombre, satisfactionQuery, taux } from "./satisfaction";

/** The satisfaction averages of a fair, per side, in brief. */
function SatisfactionEnBref({ salonId }: { salonId: string }) {
  const bilan = useQuery(satisfactionQuery(salonId));
  if (bilan.isPending) return <Chargement />;
  if (bilan.isError) return <ErrorAlert error={bilan.error} title="Satisfaction indisponible" />;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {bilan.data.cotes.map((c) => (
        <Card withBorder padding="sm" component="article" aria-labelledby={`satisfaction-bref-${c.cote}`} key={c.cote}>
          <Stack gap={4}>
            <Text size="sm" fw={600} id={`satisfaction-bref-${c.cote}`}>
              Satisfaction des {c.libelle.toLowerCase()}
            </Text>
            <Text size="xl" fw={700}>
              {c.masque ? "—" : moyenne(c.moyenneSatisfaction)}
            </Text>
            <Text size="sm">
              {c.masque
                ? `Résultats ${MASQUE}`
                : `Utilité des rendez-vous : ${moyenne(c.moyenneUtilite)} ; reviendraient : ${taux(c.tauxRetour)}`}
            </Text>
            <Text size="sm">
              {nombre(c.reponses)} réponses sur {nombre(c.participants)} ({taux(c.tauxReponse)})
            </Text>
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}

/**
 * The « Salon de l'achat public » section of the steering cockpit: the last held fair's funnel in brief (meetings
 * held → interest → bid → award) and, for the organiser and the management, its satisfaction averages.
 */
export function SalonPilotage() {
  const { can } = useSession();
  const entonnoir = useQuery(entonnoirQuery);
  const dernier = entonnoir.data?.salons.at(-1);
  return (
    <section aria-labelledby="salon-pilotage">
      <Title order={2} size="h3" id="salon-pilotage" mb="xs">
        Salon de l'achat public
      </Title>
      {entonnoir.isPending ? (
        <Chargement />
      ) : entonnoir.isError ? (
        <ErrorAlert error={entonnoir.error} title="Bilan des salons indisponible" />
      ) : !dernier ? (
        <Text>Aucun salon tenu pour l'instant.</Text>
      ) : (
        <Stack gap="sm">
          <Text>
            {dernier.salon}, le {formatLegalDate(dernier.date)} : {nombre(dernier.total.tenus)} rendez-vous tenus avec{" "}
            {nombre(dernier.total.entreprisesRencontrees)} entreprises, {nombre(dernier.total.suivisDOffre)} suivis d'une offre (
            {taux(dernier.total.tauxOffre)}) et {nombre(dernier.total.suivisDAttribution)} d'une attribution (
            {taux(dernier.total.tauxAttribution)}).
          </Text>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
            <Graphique
              titre={`${dernier.salon} : des rendez-vous aux marchés`}
              categories={["Planifiés", "Tenus", "Suivis d'un signal d'intérêt", "Suivis d'une offre", "Suivis d'une attribution"]}
              series={[
                {
                  nom: "Rendez-vous",
                  valeurs: [
                    dernier.total.planifies,
                    dernier.total.tenus,
                    dernier.total.suivisDInteret,
                    dernier.total.suivisDOffre,
                    dernier.total.suivisDAttribution,
                  ],
                  formater: nombre,
                },
              ]}
              hauteur={260}
            />
            {can("salon.bilan") && <SatisfactionEnBref salonId={dernier.salonId} />}
          </SimpleGrid>
          <Anchor component={Link} to="/salons/bilan" underline="always">
            Ce qu'ont donné les salons, année après année (et le questionnaire de satisfaction)
          </Anchor>
        </Stack>
      )}
    </section>
  );
}
