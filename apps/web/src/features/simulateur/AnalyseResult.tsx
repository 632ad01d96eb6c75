/** The legal analysis of a need: procedure, publicity, thresholds, obligations, time limits, small lots, bases. */
import { List, Paper, Stack, Table, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import type { ReglesAnalyseOutput } from "@achat-public/contracts";
import { formatLegalDate, plural } from "../../lib/format";
import { formatEuros } from "./euros";
import { FAMILLE_LABELS, formatFondement, MOTIF_DISPENSE_LABELS, NATURE_LABELS, PUBLICITE_LABELS } from "./labels";
import { Facts, FondementList, Fondements, ReglesAppliquees, TitledList, Vigilance } from "./ResultParts";

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

function Obligations({ analyse }: { analyse: Analyse }) {
  const climat = analyse.climatResilience;
  const seuilLegalite = `${formatEuros(analyse.seuilControleLegaliteHt)} HT`;
  return (
    <Stack gap="xs">
      <Title order={3}>Obligations</Title>
      <List spacing="xs">
        <Obligation
          label="Publication des données essentielles (DECP)"
          due={analyse.decpObligatoire}
          status={
            analyse.decpObligatoire
              ? "obligatoire"
              : analyse.decpListeAnnuellePossible
                ? "pas de publication individuelle obligatoire ; une liste annuelle des marchés peut la remplacer"
                : "non obligatoire"
          }
        />
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
          status={analyse.controleLegalite ? `obligatoire (seuil : ${seuilLegalite})` : `non obligatoire (seuil : ${seuilLegalite})`}
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
          status={
            climat.critereEnvironnementalObligatoire
              ? "obligatoire"
              : climat.applicable
                ? "non obligatoire"
                : "pas encore applicable à cette date"
          }
        />
        <Obligation
          label="Condition d'exécution environnementale (loi Climat et résilience)"
          due={climat.conditionExecutionEnvironnementaleObligatoire}
          status={
            climat.conditionExecutionEnvironnementaleObligatoire
              ? "obligatoire"
              : climat.applicable
                ? "non obligatoire"
                : "pas encore applicable à cette date"
          }
        />
        <Obligation
          label="Condition d'exécution sociale (loi Climat et résilience)"
          due={climat.conditionSocialeObligatoire}
          status={climat.conditionSocialeObligatoire ? "obligatoire" : "non obligatoire"}
        />
        {climat.prixSeulCritereInterdit && <Obligation label="Prix comme critère unique d'attribution" due status="interdit" />}
      </List>
    </Stack>
  );
}

/** "offres initiales, avec avis de préinformation" from "Procédure avec négociation — offres initiales, …". */
function etapeOf(delai: Delai): string {
  const prefix = `${delai.procedure} — `;
  const etape = delai.libelle.startsWith(prefix) ? delai.libelle.slice(prefix.length) : delai.libelle;
  return etape.charAt(0).toUpperCase() + etape.slice(1);
}

function DelaisMinimaux({ delais }: { delais: Delai[] }) {
  return (
    <Stack gap="xs">
      <Title order={3}>Délais minimaux de réception</Title>
      {delais.length === 0 ? (
        <Text>Pas de délai de réception : le marché est passé sans publicité ni mise en concurrence.</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
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
                  <Table.Td>
                    {d.joursMinimum === null ? "Pas de minimum légal" : plural(d.joursMinimum, "jour")}
                    {d.accordPossible ? " (ou date convenue avec les candidats)" : ""}
                  </Table.Td>
                  <Table.Td>{d.pointDeDepart}</Table.Td>
                  <Table.Td>{d.fondements.map(formatFondement).join(" ; ")}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function PetitsLots({ options, lotNames }: { options: OptionPetitsLots[]; lotNames: string[] }) {
  const nameOf = (index: number) => lotNames[index] ?? `Lot ${index + 1}`;
  return (
    <Stack gap="sm">
      <Title order={3}>Lots de faible montant</Title>
      {options.map((option) => (
        <Paper key={option.type} withBorder p="md">
          <Stack gap="xs">
            <Title order={4}>{option.libelle}</Title>
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

export interface AnalyseResultProps {
  analyse: Analyse;
  /** Names of the lots as typed, by index, to name the eligible lots. */
  lotNames: string[];
}

export function AnalyseResult({ analyse, lotNames }: AnalyseResultProps) {
  return (
    <>
      <Paper withBorder p="md">
        <Text size="lg" fw={700}>
          {FAMILLE_LABELS[analyse.procedure]}
          {analyse.motifDispense ? ` — ${MOTIF_DISPENSE_LABELS[analyse.motifDispense]}` : ""}
        </Text>
        <Text>Publicité : {PUBLICITE_LABELS[analyse.publicite]}.</Text>
      </Paper>
      <Facts
        items={[
          { label: "Nature", value: NATURE_LABELS[analyse.nature] },
          { label: "Valeur estimée", value: `${formatEuros(analyse.valeurEstimeeHt)} HT` },
          { label: "Date de lancement", value: formatLegalDate(analyse.dateLancement) },
          { label: "Seuil européen appliqué", value: `${formatEuros(analyse.seuilEuropeenHt)} HT` },
          { label: "Seuil de dispense appliqué", value: `${formatEuros(analyse.seuilDispenseHt)} HT` },
          {
            label: "Chiffre d'affaires minimal exigible des candidats",
            value: `au plus ${formatEuros(analyse.plafondChiffreAffairesMinimumHt)} HT pour l'ensemble, sauf justification`,
          },
        ]}
      />
      <Vigilance order={3} items={analyse.pointsDeVigilance} />
      <Obligations analyse={analyse} />
      <TitledList title="Procédures autorisées" order={3} items={analyse.proceduresAutorisees} />
      {analyse.proceduresSousCondition.length > 0 && (
        <Stack gap="xs">
          <Title order={3}>Procédures possibles sous condition</Title>
          <List spacing="xs">
            {analyse.proceduresSousCondition.map((p, i) => (
              <List.Item key={`${p.procedure}-${i}`}>
                <strong>{p.procedure}</strong> : {p.condition}
                {p.fondements.length > 0 ? ` (${p.fondements.map((f) => `${f.texte} ${f.article}`).join(", ")})` : ""}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      <DelaisMinimaux delais={analyse.delaisMinimauxReception} />
      {analyse.petitsLots.length > 0 && <PetitsLots options={analyse.petitsLots} lotNames={lotNames} />}
      <TitledList title="Explications" order={3} items={analyse.explications} />
      <ReglesAppliquees order={3} regles={analyse.reglesAppliquees} />
      <Fondements order={3} fondements={analyse.fondements} />
    </>
  );
}
