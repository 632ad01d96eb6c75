import { Alert, Badge, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { SalonOutput } from "@achat-public/contracts";
import { STATUT_SALON_LIBELLES, STATUTS_SALON } from "@achat-public/domain/salon";
import { api, ApiError, query } from "../../lib/api";
import { formatLegalDate } from "../../lib/format";
import { SUCCESS } from "../../ui/colors";
import { Chargement } from "../../ui/Chargement";
import { DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Page } from "../../ui/Page";
import { Pagination } from "../../ui/Pagination";
import { horaires, salonsQuery } from "./requetes";

interface Inscription {
  id: string;
  raisonSociale: string;
  siret: string;
  statut: "acceptee" | "attente" | "annulee";
  positionAttente: number | null;
  personnes: number;
  presence: "present" | "absent" | null;
}
interface InscriptionsData {
  total: number;
  inscriptions: Inscription[];
}
const PER_PAGE = 50;
const LABELS = {
  nom: "Nom",
  date: "Date",
  lieu: "Lieu",
  heureOuverture: "Ouverture",
  heureFermeture: "Fermeture",
  dureeCreneauMinutes: "Durée d'un rendez-vous (minutes)",
  pauses: "Pause",
  tables: "Tables",
  capaciteEntreprises: "Entreprises admises",
  personnesParEntreprise: "Personnes par entreprise",
  statut: "Statut",
};
const fieldId = (field: string) => `salon-${field}`;

/** The form that creates a fair. */
function NouveauSalon({ onCree }: { onCree(id: string): void }) {
  const [v, setV] = useState({
    nom: "",
    date: "",
    lieu: "",
    heureOuverture: "09:00",
    heureFermeture: "17:00",
    dureeCreneauMinutes: 20 as number | string,
    pauseDebut: "12:20",
    pauseFin: "13:40",
    tables: 40 as number | string,
    capaciteEntreprises: 300 as number | string,
    personnesParEntreprise: 2 as number | string,
  });
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const fe = (f: string) => (error instanceof ApiError ? error.fieldError(f) : undefined);
  const texte = (name: keyof typeof v) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setV((x) => ({ ...x, [name]: value }));
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setPending(true);
    try {
      const cree = await api<SalonOutput>("POST", "/api/salons", {
        nom: v.nom,
        date: v.date,
        lieu: v.lieu,
        heureOuverture: v.heureOuverture,
        heureFermeture: v.heureFermeture,
        dureeCreneauMinutes: Number(v.dureeCreneauMinutes),
        pauses: v.pauseDebut && v.pauseFin ? [{ debut: v.pauseDebut, fin: v.pauseFin }] : [],
        tables: Number(v.tables),
        capaciteEntreprises: Number(v.capaciteEntreprises),
        personnesParEntreprise: Number(v.personnesParEntreprise),
        statut: "preparation",
      });
      onCree(cree.id);
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };
  return (
    <Paper withBorder p="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2}>Nouveau salon</Title>
          <ErrorAlert error={error} title="Salon non créé" labels={LABELS} fieldId={fieldId} focus />
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            <TextInput id={fieldId("nom")} label={LABELS.nom} required value={v.nom} onChange={texte("nom")} error={fe("nom")} />
            <TextInput
              id={fieldId("date")}
              label={LABELS.date}
              type="date"
              required
              value={v.date}
              onChange={texte("date")}
              error={fe("date")}
            />
            <TextInput id={fieldId("lieu")} label={LABELS.lieu} required value={v.lieu} onChange={texte("lieu")} error={fe("lieu")} />
            <TextInput
              id={fieldId("heureOuverture")}
              label={LABELS.heureOuverture}
              type="time"
              value={v.heureOuverture}
              onChange={texte("heureOuverture")}
              error={fe("heureOuverture")}
            />
            <TextInput
              id={fieldId("heureFermeture")}
              label={LABELS.heureFermeture}
              type="time"
              value={v.heureFermeture}
              onChange={texte("heureFermeture")}
              error={fe("heureFermeture")}
            />
            <NumberInput
              id={fieldId("dureeCreneauMinutes")}
              label={LABELS.dureeCreneauMinutes}
              min={5}
              max={240}
              value={v.dureeCreneauMinutes}
              onChange={(x) => setV((o) => ({ ...o, dureeCreneauMinutes: x }))}
              error={fe("dureeCreneauMinutes")}
            />
            <TextInput
              id={fieldId("pauses")}
              label="Début de la pause"
              type="time"
              value={v.pauseDebut}
              onChange={texte("pauseDebut")}
              error={fe("pauses")}
            />
            <TextInput label="Fin de la pause" type="time" value={v.pauseFin} onChange={texte("pauseFin")} />
            <NumberInput
              id={fieldId("tables")}
              label={LABELS.tables}
              min={1}
              value={v.tables}
              onChange={(x) => setV((o) => ({ ...o, tables: x }))}
              error={fe("tables")}
            />
            <NumberInput
              id={fieldId("capaciteEntreprises")}
              label={LABELS.capaciteEntreprises}
              min={1}
              value={v.capaciteEntreprises}
              onChange={(x) => setV((o) => ({ ...o, capaciteEntreprises: x }))}
              error={fe("capaciteEntreprises")}
            />
            <NumberInput
              id={fieldId("personnesParEntreprise")}
              label={LABELS.personnesParEntreprise}
              min={1}
              value={v.personnesParEntreprise}
              onChange={(x) => setV((o) => ({ ...o, personnesParEntreprise: x }))}
              error={fe("personnesParEntreprise")}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={pending}>
              Créer le salon (en préparation)
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Registrations of a fair, with the check-in at the door. */
function Inscriptions({ salon }: { salon: SalonOutput }) {
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [error, setError] = useState<unknown>(null);
  const liste = useQuery({
    queryKey: ["inscriptions-salon", salon.id, page],
    queryFn: () => api<InscriptionsData>("GET", `/api/salons/${salon.id}/inscriptions${query({ page, parPage: PER_PAGE })}`),
    placeholderData: keepPreviousData,
  });
  const pointer = async (i: Inscription, presence: "present" | "absent") => {
    setError(null);
    try {
      await api("PUT", `/api/salons/${salon.id}/inscriptions/${i.id}/presence`, { presence });
      await queryClient.invalidateQueries({ queryKey: ["inscriptions-salon", salon.id] });
    } catch (e) {
      setError(e);
    }
  };
  if (liste.isPending) return <Chargement />;
  if (liste.isError) return <ErrorAlert error={liste.error} title="Inscriptions indisponibles" />;
  return (
    <Stack>
      <ErrorAlert error={error} title="Pointage refusé" />
      <Pagination
        element={["inscription", "inscriptions"]}
        total={liste.data.total}
        page={page}
        parPage={PER_PAGE}
        onPage={setPage}
        label="Pages des inscriptions"
      />
      <DataTable<Inscription>
        caption={`Entreprises inscrites au ${salon.nom}`}
        columns={[
          { key: "entreprise", header: "Entreprise", principale: true, render: (i) => i.raisonSociale },
          { key: "siret", header: "SIRET", nowrap: true, render: (i) => i.siret },
          {
            key: "statut",
            header: "Inscription",
            nowrap: true,
            render: (i) => (i.statut === "acceptee" ? "Admise" : `En attente (${i.positionAttente})`),
          },
          { key: "personnes", header: "Personnes", render: (i) => i.personnes },
          {
            key: "presence",
            header: "Présence",
            nowrap: true,
            render: (i) =>
              i.presence === "present" ? (
                <Badge color={SUCCESS} variant="outline">
                  Présente
                </Badge>
              ) : i.presence === "absent" ? (
                <Badge color="red.9" variant="outline">
                  Absente
                </Badge>
              ) : (
                "—"
              ),
          },
          {
            key: "actions",
            header: "Pointage",
            actions: true,
            render: (i) =>
              i.statut === "acceptee" ? (
                <Group gap="xs" wrap="nowrap">
                  <Button size="xs" variant="outline" onClick={() => pointer(i, "present")} aria-label={`${i.raisonSociale} : présente`}>
                    Présente
                  </Button>
                  <Button
                    size="xs"
                    variant="outline"
                    color="red.9"
                    onClick={() => pointer(i, "absent")}
                    aria-label={`${i.raisonSociale} : absente`}
                  >
                    Absente
                  </Button>
                </Group>
              ) : null,
          },
        ]}
        rows={liste.data.inscriptions}
        rowKey={(i) => i.id}
        empty={<Text>Aucune entreprise inscrite.</Text>}
      />
    </Stack>
  );
}

/** Page « Organiser le salon » (procurement directorate): set up a fair, open its registrations, see them, check in. */
export default function OrganisationSalonPage() {
  const queryClient = useQueryClient();
  const salons = useQuery(salonsQuery);
  const [choisi, setChoisi] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [statutEnregistre, setStatutEnregistre] = useState(false);
  const salon = salons.data?.salons.find((s) => s.id === choisi) ?? salons.data?.salons[0];

  const changerStatut = async (statut: string) => {
    if (!salon) return;
    setError(null);
    setStatutEnregistre(false);
    try {
      const { id: _i, statutLibelle: _l, creneaux: _c, acceptees: _a, enAttente: _e, ...valeurs } = salon;
      await api("PUT", `/api/salons/${salon.id}`, { ...valeurs, statut });
      await queryClient.invalidateQueries({ queryKey: ["salons"] });
      setStatutEnregistre(true);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Page
      title="Organiser le salon"
      intro={<Text>Préparez le salon, ouvrez les inscriptions, suivez la liste d'attente et pointez les entreprises à l'entrée.</Text>}
    >
      {salons.isPending ? (
        <Chargement />
      ) : salons.isError ? (
        <ErrorAlert error={salons.error} title="Salons indisponibles" />
      ) : (
        <>
          {salon && (
            <Paper withBorder p="lg">
              <Stack>
                <Select
                  label="Salon"
                  data={salons.data.salons.map((s) => ({ value: s.id, label: `${s.nom} (${formatLegalDate(s.date)})` }))}
                  value={salon.id}
                  onChange={(v) => setChoisi(v)}
                  allowDeselect={false}
                  maw={480}
                />
                <Text>
                  {salon.lieu}. {horaires(salon)} ; {salon.creneaux.length} créneaux, {salon.tables} tables. {salon.acceptees ?? 0} /{" "}
                  {salon.capaciteEntreprises} entreprises admises, {salon.enAttente ?? 0} en attente.
                </Text>
                <ErrorAlert error={error} title="Statut non changé" />
                <div aria-live="polite">
                  {statutEnregistre && (
                    <Alert color={SUCCESS} variant="outline" title="Statut enregistré">
                      {salon.statutLibelle}.
                    </Alert>
                  )}
                </div>
                <Select
                  label="Statut du salon"
                  data={STATUTS_SALON.map((s) => ({ value: s, label: STATUT_SALON_LIBELLES[s] }))}
                  value={salon.statut}
                  onChange={(v) => v && changerStatut(v)}
                  allowDeselect={false}
                  maw={320}
                />
                <Title order={2}>Inscriptions</Title>
                <Inscriptions salon={salon} />
              </Stack>
            </Paper>
          )}
          <NouveauSalon
            onCree={async (id) => {
              await queryClient.invalidateQueries({ queryKey: ["salons"] });
              setChoisi(id);
            }}
          />
        </>
      )}
    </Page>
  );
}
