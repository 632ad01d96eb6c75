import { Alert, Button, Checkbox, Group, MultiSelect, Select, SimpleGrid, Stack, Text, Textarea, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useParams } from "react-router";
import type { SalonOutput } from "@achat-public/contracts";
import { api } from "../../lib/api";
import { formatLegalDate } from "../../lib/format";
import { SUCCESS } from "../../ui/colors";
import { Chargement } from "../../ui/Chargement";
import { DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Page } from "../../ui/Page";
import { useSession } from "../auth/session";
import { horaires } from "./requetes";
import { plagesDisponibles } from "@achat-public/domain/salon";
import { acheteursQuery, AgendaBloc, Confirmation, etatDemande, PRIORITES, type AcheteurSalon, type Demande } from "./rendez-vous";

interface LignePublique {
  id: string;
  objet: string;
  annee: number;
}

/** The published lines of a direction for the fair's year and the year before (what a meeting can be about). */
function useLignes(directionId: string | null, annee: number) {
  return useQuery({
    queryKey: ["programme-public", directionId, annee],
    enabled: directionId !== null,
    queryFn: async () => {
      const lignes: LignePublique[] = [];
      for (const a of [annee, annee - 1]) {
        const r = await api<{ lignes: LignePublique[] }>("GET", `/api/public/programme?annee=${a}&directionId=${directionId}&parPage=100`);
        lignes.push(...r.lignes);
      }
      return lignes;
    },
  });
}

/** The requests table of either side, with the decline button while the request is live. */
function Demandes({ salon, pourEntreprise }: { salon: SalonOutput; pourEntreprise: boolean }) {
  const queryClient = useQueryClient();
  const cle = ["salon", salon.id, "demandes"];
  const demandes = useQuery({ queryKey: cle, queryFn: () => api<{ demandes: Demande[] }>("GET", `/api/salons/${salon.id}/demandes`) });
  const [error, setError] = useState<unknown>(null);
  const decliner = async (d: Demande) => {
    setError(null);
    try {
      await api("POST", `/api/salons/${salon.id}/demandes/${d.id}/declin`);
      await queryClient.invalidateQueries({ queryKey: ["salon", salon.id] });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Stack gap="xs" component="section" aria-labelledby="demandes-titre">
      <Title order={2} id="demandes-titre">
        {pourEntreprise ? "Mes demandes de rendez-vous" : "Demandes de rendez-vous reçues"}
      </Title>
      <ErrorAlert error={error ?? demandes.error} title="Action impossible" />
      {demandes.isPending ? (
        <Chargement />
      ) : (
        <DataTable<Demande>
          caption={pourEntreprise ? "Mes demandes et les invitations reçues" : "Les demandes des entreprises et mes invitations"}
          rows={demandes.data?.demandes ?? []}
          rowKey={(d) => d.id}
          empty={<Text>Aucune demande pour l'instant.</Text>}
          columns={[
            {
              key: "qui",
              header: pourEntreprise ? "Acheteur" : "Entreprise",
              principale: true,
              render: (d) => (pourEntreprise ? `${d.acheteur}${d.direction ? ` (${d.direction})` : ""}` : d.raisonSociale),
            },
            { key: "objet", header: "Au sujet de", render: (d) => d.lignes.map((l) => l.objet).join(" ; ") },
            { key: "priorite", header: "Priorité", nowrap: true, render: (d) => PRIORITES[d.priorite] },
            { key: "etat", header: "État", render: etatDemande },
            {
              key: "actions",
              header: "Actions",
              actions: true,
              render: (d) =>
                d.statut === "demandee" && salon.statut !== "tenu" ? (
                  <Button size="xs" variant="outline" color="red.9" onClick={() => decliner(d)}>
                    Décliner<span className="visually-hidden-inline"> : {pourEntreprise ? d.acheteur : d.raisonSociale}</span>
                  </Button>
                ) : null,
            },
          ]}
        />
      )}
    </Stack>
  );
}

/** A company asks an attending buyer for a meeting about lines of its direction's published programme. */
function NouvelleDemande({ salon }: { salon: SalonOutput }) {
  const queryClient = useQueryClient();
  const acheteurs = useQuery(acheteursQuery(salon.id));
  const [acheteurId, setAcheteurId] = useState<string | null>(null);
  const [lignes, setLignes] = useState<string[]>([]);
  const [priorite, setPriorite] = useState<string | null>("1");
  const [note, setNote] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [ok, setOk] = useState(false);
  const acheteur = acheteurs.data?.acheteurs.find((a) => a.utilisateurId === acheteurId) ?? null;
  const lignesDispo = useLignes(acheteur?.directionId ?? null, Number(salon.date.slice(0, 4)));
  const envoyer = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setOk(false);
    try {
      await api("POST", `/api/salons/${salon.id}/demandes`, { acheteurId, lignes, priorite: Number(priorite), note: note || null });
      setOk(true);
      setLignes([]);
      setNote("");
      await queryClient.invalidateQueries({ queryKey: ["salon", salon.id, "demandes"] });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Stack gap="xs" component="section" aria-labelledby="nouvelle-demande-titre">
      <Title order={2} id="nouvelle-demande-titre">
        Demander un rendez-vous
      </Title>
      <Text size="sm">
        Un rendez-vous porte toujours sur un achat : choisissez l'acheteur, puis les lignes de sa programmation dont vous voulez parler.
      </Text>
      <ErrorAlert error={error ?? acheteurs.error} title="Demande refusée" />
      <div aria-live="polite">
        {ok && (
          <Alert color={SUCCESS} variant="outline" title="Demande enregistrée">
            L'acheteur la verra ; le rendez-vous sera placé dans votre agenda quand l'organisateur calculera le planning.
          </Alert>
        )}
      </div>
      <form onSubmit={envoyer}>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Select
            label="Acheteur"
            required
            searchable
            value={acheteurId}
            onChange={(v) => {
              setAcheteurId(v);
              setLignes([]);
            }}
            data={(acheteurs.data?.acheteurs ?? []).map((a) => ({
              value: a.utilisateurId,
              label: `${a.nom}${a.direction ? ` — ${a.direction}` : ""} (table ${a.numeroTable})${
                a.familles.length ? ` : ${a.familles.map((f) => f.libelle).join(", ")}` : ""
              }`,
            }))}
          />
          <MultiSelect
            label="Lignes de la programmation"
            required
            searchable
            maxValues={5}
            disabled={!acheteur}
            description={acheteur ? "Jusqu'à 5 lignes publiées de sa direction" : "Choisissez d'abord l'acheteur"}
            value={lignes}
            onChange={setLignes}
            data={(lignesDispo.data ?? []).map((l) => ({ value: l.id, label: `${l.objet} (${l.annee})` }))}
          />
          <Select
            label="Priorité"
            required
            value={priorite}
            onChange={setPriorite}
            data={Object.entries(PRIORITES).map(([value, label]) => ({ value, label }))}
          />
          <Textarea
            label="Message à l'acheteur (facultatif)"
            maxLength={500}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
        </SimpleGrid>
        <Group mt="sm">
          <Button type="submit">Envoyer la demande</Button>
        </Group>
      </form>
    </Stack>
  );
}

/** The buyers attending, with what they buy: a company asks the right person. */
function AcheteursPresents({ salon }: { salon: SalonOutput }) {
  const acheteurs = useQuery(acheteursQuery(salon.id));
  if (acheteurs.isPending) return <Chargement />;
  return (
    <Stack gap="xs" component="section" aria-labelledby="acheteurs-presents-titre">
      <Title order={2} id="acheteurs-presents-titre">
        Les acheteurs présents
      </Title>
      <ErrorAlert error={acheteurs.error} title="Acheteurs indisponibles" />
      <DataTable<AcheteurSalon>
        caption="Les acheteurs présents, ce qu'ils achètent et quand ils reçoivent"
        rows={acheteurs.data?.acheteurs ?? []}
        rowKey={(a) => a.utilisateurId}
        empty={<Text>Aucun acheteur n'a encore indiqué sa présence.</Text>}
        columns={[
          { key: "nom", header: "Acheteur", principale: true, render: (a) => a.nom },
          { key: "direction", header: "Direction", render: (a) => a.direction ?? "—" },
          {
            key: "familles",
            header: "Familles d'achat",
            render: (a) => (a.familles.length ? a.familles.map((f) => f.libelle).join(", ") : "—"),
          },
          { key: "table", header: "Table", render: (a) => a.numeroTable },
          {
            key: "creneaux",
            header: "Reçoit",
            render: (a) =>
              a.disponibilites.length === salon.creneaux.length
                ? "toute la journée"
                : `${a.disponibilites[0] ?? "—"} à ${a.disponibilites[a.disponibilites.length - 1] ?? "—"} (${a.disponibilites.length} créneaux)`,
          },
        ]}
      />
    </Stack>
  );
}

/** The slots where the company (registered) is available for meetings; all of them by default. */
function MesCreneaux({ salon }: { salon: SalonOutput }) {
  const queryClient = useQueryClient();
  const mienne = useQuery({
    queryKey: ["mon-inscription", salon.id],
    queryFn: () => api<{ inscription: { disponibilites: string[] | null } | null }>("GET", `/api/salons/${salon.id}/mon-inscription`),
  });
  const [choix, setChoix] = useState<string[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [ok, setOk] = useState<string | null>(null);
  if (mienne.isPending) return <Chargement />;
  const inscription = mienne.data?.inscription ?? null;
  if (!inscription) return null;
  const valeur = choix ?? inscription.disponibilites ?? salon.creneaux;
  const enregistrer = async () => {
    setError(null);
    setOk(null);
    try {
      const r = await api<{ disponibilites: string[] | null; rendezVousRetires: number }>(
        "PUT",
        `/api/salons/${salon.id}/mon-inscription/disponibilites`,
        { disponibilites: valeur },
      );
      setOk(
        `Disponibilités : ${plagesDisponibles(salon, r.disponibilites).toLowerCase()}.${
          r.rendezVousRetires ? ` ${r.rendezVousRetires} rendez-vous hors de ces créneaux seront replacés au prochain planning.` : ""
        }`,
      );
      setChoix(null);
      await queryClient.invalidateQueries({ queryKey: ["mon-inscription", salon.id] });
      await queryClient.invalidateQueries({ queryKey: ["salon", salon.id] });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Stack gap="xs" component="section" aria-labelledby="creneaux-entreprise-titre">
      <Title order={2} id="creneaux-entreprise-titre">
        Nos créneaux
      </Title>
      <Text size="sm">Le planning ne place vos rendez-vous que sur les créneaux cochés (toute la journée par défaut).</Text>
      <ErrorAlert error={error ?? mienne.error} title="Enregistrement impossible" />
      <Confirmation message={ok} />
      <CasesCreneaux label="Créneaux où nous sommes disponibles" creneaux={salon.creneaux} value={valeur} onChange={setChoix} />
      <Group>
        <Button onClick={enregistrer}>Enregistrer nos créneaux</Button>
      </Group>
    </Stack>
  );
}

/** One checkbox per slot of the fair (a company's or a buyer's availability). */
function CasesCreneaux(props: { label: string; creneaux: string[]; value: string[]; onChange: (v: string[]) => void }) {
  return (
    <Checkbox.Group label={props.label} value={props.value} onChange={props.onChange}>
      <Group mt="xs">
        {props.creneaux.map((c) => (
          <Checkbox key={c} value={c} label={c} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}

/** A buyer's own availability at the fair: the slots where it receives companies (none: it does not attend). */
function MesDisponibilites({ salon }: { salon: SalonOutput }) {
  const { utilisateur } = useSession();
  const queryClient = useQueryClient();
  const acheteurs = useQuery(acheteursQuery(salon.id));
  const moi = acheteurs.data?.acheteurs.find((a) => a.utilisateurId === utilisateur?.id);
  const [choix, setChoix] = useState<string[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [ok, setOk] = useState<string | null>(null);
  const valeur = choix ?? moi?.disponibilites ?? [];
  const enregistrer = async () => {
    setError(null);
    setOk(null);
    try {
      const r = await api<{ numeroTable: number | null }>("PUT", `/api/salons/${salon.id}/acheteurs/${utilisateur?.id}`, {
        disponibilites: valeur,
      });
      setOk(
        r.numeroTable === null
          ? "Vous ne participez plus à ce salon."
          : `Disponibilités enregistrées : vous recevez à la table ${r.numeroTable}.`,
      );
      await queryClient.invalidateQueries({ queryKey: ["salon", salon.id] });
    } catch (e) {
      setError(e);
    }
  };
  if (acheteurs.isPending) return <Chargement />;
  return (
    <Stack gap="xs" component="section" aria-labelledby="dispo-titre">
      <Title order={2} id="dispo-titre">
        Mes disponibilités
      </Title>
      <ErrorAlert error={error ?? acheteurs.error} title="Enregistrement impossible" />
      <Confirmation message={ok} />
      <CasesCreneaux label="Créneaux où je reçois des entreprises" creneaux={salon.creneaux} value={valeur} onChange={setChoix} />
      <Group>
        <Button onClick={enregistrer}>Enregistrer mes disponibilités</Button>
      </Group>
    </Stack>
  );
}

/** Page « Mes rendez-vous au salon »: a company's requests and agenda, or a buyer's availability, requests and agenda. */
export default function MesRendezVousPage() {
  const { id: salonId = "" } = useParams();
  const { can } = useSession();
  const salon = useQuery({ queryKey: ["salon", salonId], queryFn: () => api<SalonOutput>("GET", `/api/salons/${salonId}`) });
  const entreprise = can("salon.inscrire");
  return (
    <Page
      title="Mes rendez-vous au salon"
      intro={
        salon.data && (
          <Text>
            {salon.data.nom}, le {formatLegalDate(salon.data.date)}, {salon.data.lieu} ({horaires(salon.data)}).
          </Text>
        )
      }
    >
      {salon.isPending ? (
        <Chargement />
      ) : salon.isError ? (
        <ErrorAlert error={salon.error} title="Salon introuvable" />
      ) : (
        <Stack gap="xl">
          {entreprise && salon.data.statut !== "tenu" && <AcheteursPresents salon={salon.data} />}
          {entreprise && salon.data.statut !== "tenu" && <MesCreneaux salon={salon.data} />}
          {entreprise && salon.data.statut !== "tenu" && <NouvelleDemande salon={salon.data} />}
          {!entreprise && can("salon.rencontrer") && salon.data.statut !== "tenu" && <MesDisponibilites salon={salon.data} />}
          <Demandes salon={salon.data} pourEntreprise={entreprise} />
          <AgendaBloc salonId={salonId} pourEntreprise={entreprise} />
        </Stack>
      )}
    </Page>
  );
}
