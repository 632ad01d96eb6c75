import { Alert, Button, Group, MultiSelect, Select, Stack, Switch, Table, Text, Title } from "@mantine/core";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useParams } from "react-router";
import type { SalonOutput } from "@achat-public/contracts";
import { plagesDisponibles } from "@achat-public/domain/salon";
import { api, query } from "../../lib/api";
import { formatLegalDate } from "../../lib/format";
import { SUCCESS } from "../../ui/colors";
import { Chargement } from "../../ui/Chargement";
import { DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Page } from "../../ui/Page";
import { Pagination } from "../../ui/Pagination";
import { acheteursQuery, agendaQuery, Confirmation, type AcheteurSalon } from "./rendez-vous";

interface Bilan {
  demandes: number;
  places: number;
  entreprisesServies: number;
  entreprisesDemandeuses: number;
  borneSuperieure: number;
  borneEntreprisesServies: number;
  ajoutes: number;
  inchanges: number;
  deplaces: { entreprise: string; acheteur: string; de: string; vers: string }[];
  retires: { entreprise: string; acheteur: string; creneau: string; motif: string }[];
  ecartees: { demandeId: string; motif: string }[];
}

const pourcent = (v: number, borne: number) => (borne <= 0 ? "100 %" : `${Math.round((v / borne) * 1000) / 10} %`);

/** The organiser sets the purchase families of an attending buyer (shown to companies in the list of buyers). */
function FamillesAcheteur({ salonId, acheteurs }: { salonId: string; acheteurs: AcheteurSalon[] }) {
  const queryClient = useQueryClient();
  const familles = useQuery({
    queryKey: ["programme", "familles"],
    queryFn: () => api<{ code: string; libelle: string; actif: boolean }[]>("GET", "/api/programme/familles"),
  });
  const [acheteurId, setAcheteurId] = useState<string | null>(null);
  const [choix, setChoix] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [ok, setOk] = useState<string | null>(null);
  const acheteur = acheteurs.find((a) => a.utilisateurId === acheteurId) ?? null;
  const enregistrer = async () => {
    if (!acheteur) return;
    setError(null);
    setOk(null);
    try {
      await api("PUT", `/api/salons/${salonId}/acheteurs/${acheteur.utilisateurId}`, {
        disponibilites: acheteur.disponibilites,
        familles: choix,
      });
      setOk(`Familles d'achat de ${acheteur.nom} enregistrées.`);
      await queryClient.invalidateQueries({ queryKey: ["salon", salonId, "acheteurs"] });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Stack gap="xs">
      <ErrorAlert error={error ?? familles.error} title="Enregistrement impossible" />
      <Confirmation message={ok} />
      <Group align="end">
        <Select
          label="Acheteur"
          value={acheteurId}
          onChange={(v) => {
            setAcheteurId(v);
            setChoix(acheteurs.find((a) => a.utilisateurId === v)?.familles.map((f) => f.code) ?? []);
          }}
          data={acheteurs.map((a) => ({ value: a.utilisateurId, label: `${a.nom} (table ${a.numeroTable})` }))}
          w={280}
        />
        <MultiSelect
          label="Familles d'achat qu'il achète"
          searchable
          disabled={!acheteur}
          value={choix}
          onChange={setChoix}
          data={(familles.data ?? [])
            .filter((f) => f.actif || choix.includes(f.code))
            .map((f) => ({ value: f.code, label: `${f.libelle} (${f.code})` }))}
          miw={320}
        />
        <Button disabled={!acheteur} onClick={enregistrer}>
          Enregistrer les familles
        </Button>
      </Group>
    </Stack>
  );
}

/** The table plan: a row per table (its buyer), a column per slot, the company met in each cell. */
function PlanDesTables({ salon, acheteurs }: { salon: SalonOutput; acheteurs: AcheteurSalon[] }) {
  const plan = useQuery(agendaQuery(salon.id, true));
  if (plan.isPending) return <Chargement />;
  const cellule = new Map((plan.data?.rendezVous ?? []).map((r) => [`${r.numeroTable}|${r.creneau}`, r]));
  return (
    <Stack gap="xs" component="section" aria-labelledby="plan-titre">
      <Group justify="space-between">
        <Title order={2} id="plan-titre">
          Plan des tables
        </Title>
        <Button component="a" variant="outline" href={`/api/salons/${salon.id}/plan-des-tables.pdf`}>
          Plan des tables (PDF, une page)
        </Button>
      </Group>
      <ErrorAlert error={plan.error} title="Plan indisponible" />
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1, axe scrollable-region-focusable) */}
      <section className="table-defilante" aria-labelledby="plan-legende" tabIndex={0}>
        <Table withTableBorder withColumnBorders striped miw={200 + salon.creneaux.length * 110}>
          <caption id="plan-legende">
            {plan.data?.rendezVous.length ?? 0} rendez-vous ; « — » : l'acheteur n'est pas disponible à ce créneau
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Table et acheteur</Table.Th>
              {salon.creneaux.map((c) => (
                <Table.Th scope="col" key={c}>
                  {c}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {acheteurs.map((a) => (
              <Table.Tr key={a.utilisateurId}>
                <Table.Th scope="row">
                  {a.numeroTable}. {a.nom}
                  {a.direction ? ` (${a.direction})` : ""}
                </Table.Th>
                {salon.creneaux.map((c) => (
                  <Table.Td key={c}>
                    {cellule.get(`${a.numeroTable}|${c}`)?.raisonSociale ?? (a.disponibilites.includes(c) ? "" : "—")}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </section>
    </Stack>
  );
}

/** Page « Planning des rendez-vous » (organiser): attending buyers, the computed schedule and its bounds, confirmation. */
interface EntrepriseAdmise {
  id: string;
  raisonSociale: string;
  personnes: number;
  disponibilites: string[] | null;
}
const PAR_PAGE = 50;

/** The admitted companies and the slots each gave (the scheduler places their meetings only there). */
function EntreprisesAdmises({ salon }: { salon: SalonOutput }) {
  const [page, setPage] = useState(1);
  const liste = useQuery({
    queryKey: ["inscriptions-salon", salon.id, "acceptee", page],
    queryFn: () =>
      api<{ total: number; inscriptions: EntrepriseAdmise[] }>(
        "GET",
        `/api/salons/${salon.id}/inscriptions${query({ statut: "acceptee", page, parPage: PAR_PAGE })}`,
      ),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack gap="xs" component="section" aria-labelledby="entreprises-titre">
      <Title order={2} id="entreprises-titre">
        Entreprises admises et leurs disponibilités
      </Title>
      <Text size="sm">
        Chaque entreprise peut restreindre ses créneaux depuis la page du salon ; le planificateur ne place ses rendez-vous que sur ces
        créneaux.
      </Text>
      {liste.isPending ? (
        <Chargement />
      ) : liste.isError ? (
        <ErrorAlert error={liste.error} title="Inscriptions indisponibles" />
      ) : (
        <>
          <Pagination
            element={["entreprise admise", "entreprises admises"]}
            total={liste.data.total}
            page={page}
            parPage={PAR_PAGE}
            onPage={setPage}
            label="Pages des entreprises admises"
          />
          <DataTable<EntrepriseAdmise>
            caption="Les entreprises admises et leurs créneaux"
            rows={liste.data.inscriptions}
            rowKey={(i) => i.id}
            empty={<Text>Aucune entreprise admise.</Text>}
            columns={[
              { key: "entreprise", header: "Entreprise", principale: true, render: (i) => i.raisonSociale },
              { key: "personnes", header: "Personnes", render: (i) => i.personnes },
              { key: "creneaux", header: "Disponibilités", render: (i) => plagesDisponibles(salon, i.disponibilites) },
            ]}
          />
        </>
      )}
    </Stack>
  );
}

export default function PlanningSalonPage() {
  const { id: salonId = "" } = useParams();
  const queryClient = useQueryClient();
  const salon = useQuery({ queryKey: ["salon", salonId], queryFn: () => api<SalonOutput>("GET", `/api/salons/${salonId}`) });
  const acheteurs = useQuery(acheteursQuery(salonId));
  const [bilan, setBilan] = useState<Bilan | null>(null);
  const [confirmation, setConfirmation] = useState<{ confirmes: number; courriels: number } | null>(null);
  const [deplacer, setDeplacer] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState<"planning" | "confirmation" | null>(null);
  const agir = async (quoi: "planning" | "confirmation") => {
    setError(null);
    setPending(quoi);
    try {
      if (quoi === "planning") {
        setConfirmation(null);
        setBilan(await api<Bilan>("POST", `/api/salons/${salonId}/planning`, { autoriserDeplacements: deplacer }));
      } else setConfirmation(await api("POST", `/api/salons/${salonId}/planning/confirmation`));
      await queryClient.invalidateQueries({ queryKey: ["salon", salonId] });
    } catch (e) {
      setError(e);
    } finally {
      setPending(null);
    }
  };
  return (
    <Page
      title="Planning des rendez-vous"
      intro={salon.data && <Text>{`${salon.data.nom}, le ${formatLegalDate(salon.data.date)}, ${salon.data.lieu}.`}</Text>}
    >
      {salon.isPending || acheteurs.isPending ? (
        <Chargement />
      ) : salon.isError ? (
        <ErrorAlert error={salon.error} title="Salon introuvable" />
      ) : (
        <Stack gap="xl">
          <Stack gap="xs" component="section" aria-labelledby="acheteurs-titre">
            <Title order={2} id="acheteurs-titre">
              Acheteurs présents
            </Title>
            <Text size="sm">
              Chaque acheteur indique lui-même ses créneaux depuis la page « Mes rendez-vous » du salon ; vous indiquez ici les familles
              d'achat de chacun, que les entreprises voient pour demander la bonne personne.
            </Text>
            <DataTable<AcheteurSalon>
              caption="Les acheteurs, leur table et leurs créneaux"
              rows={acheteurs.data?.acheteurs ?? []}
              rowKey={(a) => a.utilisateurId}
              empty={<Text>Aucun acheteur n'a encore indiqué ses disponibilités.</Text>}
              columns={[
                { key: "nom", header: "Acheteur", principale: true, render: (a) => a.nom },
                { key: "direction", header: "Direction", render: (a) => a.direction ?? "—" },
                { key: "table", header: "Table", render: (a) => a.numeroTable },
                { key: "creneaux", header: "Créneaux", render: (a) => `${a.disponibilites.length} sur ${salon.data.creneaux.length}` },
                {
                  key: "familles",
                  header: "Familles d'achat",
                  render: (a) => (a.familles.length ? a.familles.map((f) => f.libelle).join(", ") : "—"),
                },
              ]}
            />
            {salon.data.statut !== "tenu" && <FamillesAcheteur salonId={salonId} acheteurs={acheteurs.data?.acheteurs ?? []} />}
          </Stack>
          <EntreprisesAdmises salon={salon.data} />
          <Stack gap="xs" component="section" aria-labelledby="calcul-titre">
            <Title order={2} id="calcul-titre">
              Calcul du planning
            </Title>
            <Text size="sm">
              Le planificateur donne d'abord un rendez-vous à chaque entreprise qui peut en avoir un, puis place le plus de rendez-vous
              possible, les priorités les plus hautes d'abord ; il prouve son résultat par des bornes. Refaire le calcul ne déplace pas les
              rendez-vous confirmés, sauf si vous l'autorisez.
            </Text>
            <ErrorAlert error={error} title="Calcul impossible" />
            <Group>
              <Switch
                label="Autoriser le déplacement des rendez-vous confirmés"
                checked={deplacer}
                onChange={(e) => setDeplacer(e.currentTarget.checked)}
              />
              <Button loading={pending === "planning"} disabled={salon.data.statut === "tenu"} onClick={() => agir("planning")}>
                Calculer le planning
              </Button>
              <Button
                variant="outline"
                loading={pending === "confirmation"}
                disabled={salon.data.statut === "tenu"}
                onClick={() => agir("confirmation")}
              >
                Confirmer et envoyer les agendas
              </Button>
            </Group>
            <div aria-live="polite">
              {bilan && (
                <Alert color={SUCCESS} variant="outline" title="Planning calculé">
                  <Text>
                    {bilan.places} rendez-vous placés sur {bilan.demandes} demandés (borne : {bilan.borneSuperieure}, soit{" "}
                    {pourcent(bilan.places, bilan.borneSuperieure)}) ; {bilan.entreprisesServies} entreprises servies sur{" "}
                    {bilan.entreprisesDemandeuses} demandeuses (borne : {bilan.borneEntreprisesServies}, soit{" "}
                    {pourcent(bilan.entreprisesServies, bilan.borneEntreprisesServies)}).
                  </Text>
                  <Text>
                    {bilan.ajoutes} ajoutés, {bilan.inchanges} inchangés, {bilan.deplaces.length} déplacés, {bilan.retires.length} retirés,{" "}
                    {bilan.ecartees.length} demandes écartées (entreprise non admise ou acheteur absent).
                  </Text>
                </Alert>
              )}
              {confirmation && (
                <Alert color={SUCCESS} variant="outline" title="Agendas envoyés">
                  {confirmation.confirmes} rendez-vous confirmés, {confirmation.courriels} courriels envoyés.
                </Alert>
              )}
            </div>
          </Stack>
          <PlanDesTables salon={salon.data} acheteurs={acheteurs.data?.acheteurs ?? []} />
        </Stack>
      )}
    </Page>
  );
}
