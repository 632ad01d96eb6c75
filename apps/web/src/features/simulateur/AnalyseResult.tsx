/**
 * The legal analysis of a need: first a summary (procedure, publicity, receipt time limit, standstill, DECP,
 * legality control, blocking alerts), then the details folded: alerts, obligations, procedures, time
 * limits, small lots, explanations, rules applied, legal bases.
 */
import { List, Paper, Stack, Table, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import type { ReglesAnalyseOutput } from "@achat-public/contracts";
import { plural } from "../../lib/format";
import { formatDateFr } from "./dates";
import { formatEuros } from "./euros";
import { FAMILLE_LABELS, formatFondement, MOTIF_DISPENSE_LABELS, NATURE_LABELS, PUBLICITE_LABELS } from "./labels";
import { AlertesBloquantes, Details, Facts, FondementList, Puces, Resume, ScrollTable, Synthese } from "./ResultParts";

type Analyse = ReglesAnalyseOutput;
type Delai = Analyse["delaisMinimauxReception"][number];
type OptionPetitsLots = Analyse["petitsLots"][number];

/** One obligation: its name, then its status in words (never by colour alone); a duty is in bold. */
function Obligation({ label, due, status }: { label: string; due: boolean; status: ReactNode }) {
  return (
    <List.Item>
      {label} : {due ? <strong>{status}</strong> : status}
    </List.Item>
  );
}

function decpStatus(analyse: Analyse): string {
  if (analyse.decpObligatoire) return "obligatoire";
  return analyse.decpListeAnnuellePossible
    ? "pas de publication individuelle obligatoire ; une liste annuelle des marchés peut la remplacer"
    : "non obligatoire";
}

function Obligations({ analyse }: { analyse: Analyse }) {
  const climat = analyse.climatResilience;
  const seuilLegalite = `${formatEuros(analyse.seuilControleLegaliteHt)} HT`;
  const climatStatus = (due: boolean) =>
    due ? "obligatoire" : climat.applicable ? "non obligatoire" : "pas encore applicable à cette date";
  return (
    <List spacing="xs">
      <Obligation label="Publication des données essentielles (DECP)" due={analyse.decpObligatoire} status={decpStatus(analyse)} />
      <Obligation
        label="Documents de la consultation (DCE) gratuits sur le profil d'acheteur"
        due={analyse.dceGratuitSurProfilAcheteur}
        status={
          analyse.dceGratuitSurProfilAcheteur
            ? "obligatoire"
            : analyse.dceGratuitSiAvisPublie
              ? "obligatoire si un avis est publié"
              : "non obligatoire"
        }
      />
      <Obligation
        label="Transmission au contrôle de légalité"
        due={analyse.controleLegalite}
        status={`${analyse.controleLegalite ? "obligatoire" : "non obligatoire"} (seuil : ${seuilLegalite})`}
      />
      <Obligation
        label="Délai de suspension (standstill) avant la signature"
        due={analyse.standstillApplicable}
        status={analyse.standstillApplicable ? "à respecter" : "non applicable"}
      />
      <Obligation
        label="Avis d'attribution"
        due={analyse.avisAttributionObligatoire}
        status={analyse.avisAttributionObligatoire ? "obligatoire" : "non obligatoire"}
      />
      <Obligation
        label="Critère d'attribution environnemental (loi Climat et résilience)"
        due={climat.critereEnvironnementalObligatoire}
        status={climatStatus(climat.critereEnvironnementalObligatoire)}
      />
      <Obligation
        label="Condition d'exécution environnementale (loi Climat et résilience)"
        due={climat.conditionExecutionEnvironnementaleObligatoire}
        status={climatStatus(climat.conditionExecutionEnvironnementaleObligatoire)}
      />
      <Obligation
        label="Condition d'exécution sociale (loi Climat et résilience)"
        due={climat.conditionSocialeObligatoire}
        status={climat.conditionSocialeObligatoire ? "obligatoire" : "non obligatoire"}
      />
      {climat.prixSeulCritereInterdit && <Obligation label="Prix comme critère unique d'attribution" due status="interdit" />}
    </List>
  );
}

/** "offres initiales, avec avis de préinformation" from "Procédure avec négociation — offres initiales, …". */
function etapeOf(delai: Delai): string {
  const prefix = `${delai.procedure} — `;
  const etape = delai.libelle.startsWith(prefix) ? delai.libelle.slice(prefix.length) : delai.libelle;
  return etape.charAt(0).toUpperCase() + etape.slice(1);
}

function jours(delai: Delai): string {
  return (
    (delai.joursMinimum === null ? "Pas de minimum légal" : plural(delai.joursMinimum, "jour")) +
    (delai.accordPossible ? " (ou date convenue avec les candidats)" : "")
  );
}

function DelaisMinimaux({ delais }: { delais: Delai[] }) {
  if (delais.length === 0) return <Text>Pas de délai de réception : le marché est passé sans publicité ni mise en concurrence.</Text>;
  return (
    <ScrollTable label="Délais minimaux de réception (tableau défilant)" minWidth={760}>
      <Table striped verticalSpacing="xs">
        <Table.Caption>Délais minimaux de réception des candidatures et des offres, par procédure</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Procédure</Table.Th>
            <Table.Th scope="col">Étape</Table.Th>
            <Table.Th scope="col">Jours minimum</Table.Th>
            <Table.Th scope="col">Point de départ</Table.Th>
            <Table.Th scope="col">Fondement</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {delais.map((d) => (
            <Table.Tr key={d.variante}>
              <Table.Td>{d.procedure}</Table.Td>
              <Table.Td>{etapeOf(d)}</Table.Td>
              <Table.Td>{jours(d)}</Table.Td>
              <Table.Td>{d.pointDeDepart}</Table.Td>
              <Table.Td>{d.fondements.map(formatFondement).join(" ; ")}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function PetitsLots({ options, lotNames }: { options: OptionPetitsLots[]; lotNames: string[] }) {
  const nameOf = (index: number) => lotNames[index] ?? `Lot ${index + 1}`;
  return (
    <Stack gap="sm">
      {options.map((option) => (
        <Paper key={option.type} withBorder p="md">
          <Stack gap="xs">
            <Title order={5}>{option.libelle}</Title>
            <Text fw={700}>
              {option.applicable ? "Applicable à ce besoin" : `Non applicable : ${option.motifNonApplicable ?? "conditions non remplies"}`}
            </Text>
            <Facts
              items={[
                { label: "Valeur d'un lot", value: `inférieure à ${formatEuros(option.seuilLotHt)} HT` },
                { label: "Plafond cumulé (20 % de la valeur de tous les lots)", value: `${formatEuros(option.plafondCumuleHt)} HT` },
                {
                  label: "Lots sous le seuil",
                  value: option.lotsEligibles.length === 0 ? "aucun" : option.lotsEligibles.map(nameOf).join(", "),
                },
                { label: "Montant cumulé de ces lots", value: `${formatEuros(option.montantCumuleEligiblesHt)} HT` },
                ...(option.applicable
                  ? [
                      {
                        label: "Tous ces lots dans la limite de 20 %",
                        value: option.toutesEligiblesDansLimite ? "oui" : "non : n'en retenir qu'une partie",
                      },
                    ]
                  : []),
              ]}
            />
            <Text>{option.explication}</Text>
            <FondementList fondements={option.fondements} />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

/** The receipt time limit to retain, in a few words: the electronic open call, the MAPA rule, or none. */
function delaiResume(analyse: Analyse): string {
  const delais = analyse.delaisMinimauxReception;
  if (delais.length === 0) return "aucun (pas de mise en concurrence)";
  const aoo = delais.find((d) => d.variante === "aoo-electronique");
  if (aoo)
    return `${jours(aoo)} en appel d'offres ouvert avec transmission électronique (${aoo.fondements.map((f) => f.article).join(", ")}) ; autres variantes dans le détail`;
  const mapa = delais.find((d) => d.variante === "mapa");
  if (mapa) return "pas de minimum légal : un délai raisonnable, adapté à la complexité du marché (R2143-1, R2151-1)";
  return `${jours(delais[0] as Delai)} (${(delais[0] as Delai).libelle})`;
}

/** Article of the procedure family, for the summary: the dispense invoked, else the EU-threshold rule. */
function articleFamille(analyse: Analyse): string {
  if (analyse.motifDispense === "achat-innovant") return "R2122-9-1";
  if (analyse.motifDispense === "montant") return "R2122-8";
  if (analyse.servicesSociauxSpecifiques) return "R2123-1 3°";
  return analyse.procedure === "procedure-formalisee" ? "R2124-1" : "R2123-1";
}

export interface AnalyseResultProps {
  analyse: Analyse;
  /** Names of the lots as typed, by index, to name the eligible lots. */
  lotNames: string[];
}

export function AnalyseResult({ analyse, lotNames }: AnalyseResultProps) {
  return (
    <>
      <Synthese title="Synthèse" order={3}>
        <Text size="lg" fw={700}>
          {FAMILLE_LABELS[analyse.procedure]}
          {analyse.motifDispense ? ` — ${MOTIF_DISPENSE_LABELS[analyse.motifDispense]}` : ""}{" "}
          <span style={{ whiteSpace: "nowrap" }}>({articleFamille(analyse)})</span>
        </Text>
        <Resume
          items={[
            { label: "Publicité", value: PUBLICITE_LABELS[analyse.publicite] },
            { label: "Délai minimal de réception", value: delaiResume(analyse) },
            {
              label: "Délai de suspension (standstill)",
              value: analyse.standstillApplicable ? "à respecter avant la signature" : "non applicable",
            },
            { label: "Données essentielles (DECP)", value: decpStatus(analyse) },
            { label: "Contrôle de légalité", value: analyse.controleLegalite ? "transmission obligatoire" : "non obligatoire" },
            {
              label: "Règles appliquées",
              value: `celles en vigueur au ${formatDateFr(analyse.dateLancement)} pour ${formatEuros(analyse.valeurEstimeeHt)} HT de ${NATURE_LABELS[analyse.nature].toLowerCase()}`,
            },
          ]}
        />
        <AlertesBloquantes reponse={analyse} />
      </Synthese>
      <Details
        reponse={analyse}
        order={3}
        parts={[
          { value: "obligations", title: "Obligations", content: <Obligations analyse={analyse} /> },
          {
            value: "procedures",
            title: "Procédures autorisées",
            content: (
              <Stack gap="xs">
                <Puces items={analyse.proceduresAutorisees} />
                {analyse.proceduresSousCondition.length > 0 && (
                  <>
                    <Text fw={700}>Procédures possibles sous condition</Text>
                    <Puces
                      items={analyse.proceduresSousCondition.map((p) => (
                        <>
                          <strong>{p.procedure}</strong> : {p.condition}
                          {p.fondements.length > 0 ? ` (${p.fondements.map((f) => `${f.texte} ${f.article}`).join(", ")})` : ""}
                        </>
                      ))}
                    />
                  </>
                )}
              </Stack>
            ),
          },
          {
            value: "seuils",
            title: "Seuils et chiffre d'affaires exigible",
            content: (
              <Facts
                items={[
                  { label: "Seuil européen appliqué", value: `${formatEuros(analyse.seuilEuropeenHt)} HT` },
                  { label: "Seuil de dispense appliqué", value: `${formatEuros(analyse.seuilDispenseHt)} HT` },
                  {
                    label: "Chiffre d'affaires minimal exigible des candidats",
                    value: `au plus ${formatEuros(analyse.plafondChiffreAffairesMinimumHt)} HT pour l'ensemble, sauf justification`,
                  },
                ]}
              />
            ),
          },
          { value: "delais", title: "Délais minimaux de réception", content: <DelaisMinimaux delais={analyse.delaisMinimauxReception} /> },
          ...(analyse.petitsLots.length > 0
            ? [
                {
                  value: "petits-lots",
                  title: "Lots de faible montant",
                  content: <PetitsLots options={analyse.petitsLots} lotNames={lotNames} />,
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
