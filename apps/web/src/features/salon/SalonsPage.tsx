import { Alert, Anchor, Badge, Button, Card, Group, NumberInput, Stack, Text, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import type { SalonOutput } from "@achat-public/contracts";
import { api } from "../../lib/api";
import { formatLegalDate } from "../../lib/format";
import { SUCCESS } from "../../ui/colors";
import { Chargement } from "../../ui/Chargement";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Page } from "../../ui/Page";
import { useSession } from "../auth/session";
import { horaires, salonsQuery } from "./requetes";

interface MonInscription {
  inscription: {
    id: string;
    statut: "acceptee" | "attente" | "annulee";
    personnes: number;
    positionAttente: number | null;
    message: string;
  } | null;
}

/** A company's registration to one fair: its state, register (with the number of people) or cancel. */
function Inscription({ salon }: { salon: SalonOutput }) {
  const queryClient = useQueryClient();
  const cle = ["mon-inscription", salon.id];
  const mienne = useQuery({ queryKey: cle, queryFn: () => api<MonInscription>("GET", `/api/salons/${salon.id}/mon-inscription`) });
  const [personnes, setPersonnes] = useState<number | string>(1);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const agir = async (method: "POST" | "DELETE") => {
    setError(null);
    setPending(true);
    try {
      await api(method, `/api/salons/${salon.id}/mon-inscription`, method === "POST" ? { personnes: Number(personnes) } : undefined);
      await queryClient.invalidateQueries({ queryKey: cle });
      await queryClient.invalidateQueries({ queryKey: ["salons"] });
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };
  if (mienne.isPending) return <Chargement />;
  const inscription = mienne.data?.inscription ?? null;
  return (
    <Stack gap="xs">
      <ErrorAlert error={error ?? mienne.error} title="Inscription impossible" />
      <div aria-live="polite">
        {inscription && (
          <Alert
            color={inscription.statut === "acceptee" ? SUCCESS : "collectivite.9"}
            variant="outline"
            title={inscription.statut === "acceptee" ? "Inscrite" : "En liste d'attente"}
          >
            {inscription.message}
          </Alert>
        )}
      </div>
      {inscription ? (
        salon.statut !== "tenu" && (
          <Group>
            <Button variant="outline" color="red.9" loading={pending} onClick={() => agir("DELETE")}>
              Annuler l'inscription
            </Button>
          </Group>
        )
      ) : salon.statut === "ouvert" ? (
        <Group align="end">
          <NumberInput
            label="Personnes de l'entreprise"
            min={1}
            max={salon.personnesParEntreprise}
            value={personnes}
            onChange={setPersonnes}
            w={220}
          />
          <Button loading={pending} onClick={() => agir("POST")}>
            Inscrire mon entreprise
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

/** Page « Salon de l'achat public »: the fairs; a company account registers from here. */
export default function SalonsPage() {
  const { can } = useSession();
  const salons = useQuery(salonsQuery);
  return (
    <Page
      title="Salon de l'achat public"
      intro={<Text>Chaque année, le Département réunit ses acheteurs et les entreprises pour des rendez-vous sur ses achats à venir.</Text>}
    >
      {salons.isPending ? (
        <Chargement />
      ) : salons.isError ? (
        <ErrorAlert error={salons.error} title="Salons indisponibles" />
      ) : salons.data.salons.length === 0 ? (
        <Text>Aucun salon annoncé.</Text>
      ) : (
        salons.data.salons.map((s) => (
          <Card withBorder key={s.id} component="section" aria-labelledby={`salon-${s.id}`}>
            <Stack gap="xs">
              <Group justify="space-between">
                <Title order={2} id={`salon-${s.id}`}>
                  {s.nom}
                </Title>
                <Badge variant="outline">{s.statutLibelle}</Badge>
              </Group>
              <Text>
                Le {formatLegalDate(s.date)}, {s.lieu}. {horaires(s)}.
              </Text>
              <Text>
                {s.capaciteEntreprises} entreprises au plus, {s.personnesParEntreprise} personne(s) par entreprise
                {s.acceptees !== undefined ? ` ; ${s.acceptees} inscrite(s), ${s.enAttente ?? 0} en attente` : ""}.
              </Text>
              {can("salon.inscrire") && <Inscription salon={s} />}
              <Group>
                {(can("salon.inscrire") || can("salon.rencontrer")) && (
                  <Anchor component={Link} to={`/salons/rendez-vous/${s.id}`}>
                    Mes rendez-vous<span className="visually-hidden-inline"> : {s.nom}</span>
                  </Anchor>
                )}
                {s.statut === "tenu" && (can("salon.inscrire") || can("salon.rencontrer")) && (
                  <Anchor component={Link} to={`/salons/satisfaction/${s.id}`}>
                    Questionnaire de satisfaction<span className="visually-hidden-inline"> : {s.nom}</span>
                  </Anchor>
                )}
                {can("salon.manage") && (
                  <Anchor component={Link} to={`/salons/planning/${s.id}`}>
                    Planning des rendez-vous<span className="visually-hidden-inline"> : {s.nom}</span>
                  </Anchor>
                )}
              </Group>
            </Stack>
          </Card>
        ))
      )}
    </Page>
  );
}
