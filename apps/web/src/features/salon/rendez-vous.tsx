import { Alert, Anchor, Badge, Button, Group, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { SalonOutput } from "@achat-public/contracts";
import { api } from "../../lib/api";
import { SUCCESS } from "../../ui/colors";
import { DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";

export interface AcheteurSalon {
  utilisateurId: string;
  nom: string;
  direction: string | null;
  directionId: string | null;
  numeroTable: number;
  disponibilites: string[];
  /** Purchase families it buys (programme nomenclature). */
  familles: { code: string; libelle: string }[];
}

export interface Demande {
  id: string;
  entrepriseId: string;
  raisonSociale: string;
  acheteurId: string;
  acheteur: string;
  direction: string | null;
  lignes: { id: string; objet: string }[];
  priorite: number;
  origine: "entreprise" | "acheteur";
  note: string | null;
  statut: "demandee" | "declinee";
  declineePar: "entreprise" | "acheteur" | null;
}

export interface RendezVous {
  demandeId: string;
  creneau: string;
  debut: string;
  fin: string;
  numeroTable: number;
  confirme: boolean;
  entrepriseId: string;
  raisonSociale: string;
  acheteurId: string;
  acheteur: string;
  direction: string | null;
  lignes: { id: string; objet: string }[];
}

export interface Agenda {
  salon: SalonOutput;
  rendezVous: RendezVous[];
}

export const PRIORITES: Record<number, string> = { 1: "1 — essentielle", 2: "2 — utile", 3: "3 — si possible" };

export const acheteursQuery = (salonId: string) => ({
  queryKey: ["salon", salonId, "acheteurs"],
  queryFn: () => api<{ acheteurs: AcheteurSalon[] }>("GET", `/api/salons/${salonId}/acheteurs`),
});

export const agendaQuery = (salonId: string, tout = false) => ({
  queryKey: ["salon", salonId, tout ? "planning" : "agenda"],
  queryFn: () => api<Agenda>("GET", tout ? `/api/salons/${salonId}/planning` : `/api/salons/${salonId}/mon-agenda`),
});

/** The confirmation of a saved form, announced to screen readers (the live region stays in the page). */
export function Confirmation({ message }: { message: string | null }) {
  return (
    <div aria-live="polite">
      {message && (
        <Alert color={SUCCESS} variant="outline" title="C'est noté">
          {message}
        </Alert>
      )}
    </div>
  );
}

export function etatDemande(d: Demande): string {
  if (d.statut === "demandee") return d.origine === "acheteur" ? "Invitation de l'acheteur" : "Demandée";
  return d.declineePar === "entreprise" ? "Déclinée par l'entreprise" : "Déclinée par l'acheteur";
}

/** One side's agenda: its meetings in the order of the day, with the PDF and calendar downloads. */
export function AgendaBloc({ salonId, pourEntreprise }: { salonId: string; pourEntreprise: boolean }) {
  const agenda = useQuery(agendaQuery(salonId));
  return (
    <Stack gap="xs" component="section" aria-labelledby="agenda-titre">
      <Title order={2} id="agenda-titre">
        Mon agenda
      </Title>
      <ErrorAlert error={agenda.error} title="Agenda indisponible" />
      <DataTable<RendezVous>
        caption="Mes rendez-vous, dans l'ordre de la journée"
        rows={agenda.data?.rendezVous ?? []}
        rowKey={(r) => r.demandeId}
        empty={<Text>Aucun rendez-vous placé pour l'instant : le planning est calculé par l'organisateur avant le salon.</Text>}
        columns={[
          { key: "heure", header: "Heure", principale: true, nowrap: true, render: (r) => `${r.debut}–${r.fin}` },
          { key: "table", header: "Table", render: (r) => r.numeroTable },
          {
            key: "avec",
            header: pourEntreprise ? "Acheteur" : "Entreprise",
            render: (r) => (pourEntreprise ? `${r.acheteur}${r.direction ? ` (${r.direction})` : ""}` : r.raisonSociale),
          },
          { key: "objet", header: "Au sujet de", render: (r) => r.lignes.map((l) => l.objet).join(" ; ") },
          {
            key: "etat",
            header: "État",
            nowrap: true,
            render: (r) => <Badge variant="outline">{r.confirme ? "Confirmé" : "Proposé"}</Badge>,
          },
        ]}
      />
      <Group>
        <Button component="a" variant="outline" href={`/api/salons/${salonId}/mon-agenda.pdf`}>
          Télécharger l'agenda (PDF)
        </Button>
        <Anchor href={`/api/salons/${salonId}/mon-agenda.ics`}>Ajouter à mon calendrier (iCalendar)</Anchor>
      </Group>
    </Stack>
  );
}
