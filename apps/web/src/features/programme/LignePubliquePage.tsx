import { Anchor, List, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import type { LignePubliqueOutput } from "@achat-public/contracts";
import { api } from "../../lib/api";
import { ouiNon } from "../../lib/format";
import { Chargement } from "../../ui/Chargement";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Page } from "../../ui/Page";
import { InteretPublic } from "../sourcage/InteretPublic";
import { NATURES, PROCEDURES } from "./libelles";

/** Page "/programme-public/:annee/:id": one published line, at a stable address (no account needed). */
export default function LignePubliquePage() {
  const { annee, id } = useParams();
  const ligne = useQuery({
    queryKey: ["programme-public", "ligne", id],
    queryFn: () => api<LignePubliqueOutput>("GET", `/api/public/programme/lignes/${id ?? ""}`),
  });
  const l = ligne.data;
  return (
    // a constant title: the page keeps the focus where the browser put it while the line loads
    <Page title="Ligne du programme public">
      <ErrorAlert error={ligne.error} title="Ligne introuvable" />
      {ligne.isPending && <Chargement />}
      {l && <Title order={2}>{l.objet}</Title>}
      {l && (
        <List>
          <List.Item>Direction : {l.direction}</List.Item>
          <List.Item>Nature : {NATURES[l.nature]}</List.Item>
          <List.Item>Code CPV : {l.cpv}</List.Item>
          <List.Item>Famille d'achat : {l.familleLibelle ?? l.operation ?? "—"}</List.Item>
          <List.Item>
            Lancement prévu : trimestre {l.trimestre} de {l.annee}, pour {l.dureeMois} mois
          </List.Item>
          <List.Item>Valeur estimée : {l.fourchette.libelle}</List.Item>
          <List.Item>Famille de procédure : {l.familleProcedure ? PROCEDURES[l.familleProcedure] : "—"}</List.Item>
          <List.Item>Renouvellement d'un marché existant : {ouiNon(l.renouvellement)}</List.Item>
          <List.Item>
            Achat responsable envisagé : clause sociale {ouiNon(l.clauseSociale)}, lot réservé {ouiNon(l.lotReserve)}, critère
            environnemental {ouiNon(l.critereEnvironnemental)}, innovation {ouiNon(l.innovation)}
          </List.Item>
        </List>
      )}
      {l && <InteretPublic ligneId={l.id} />}
      <Text>
        <Anchor component={Link} to={`/programme-public?annee=${annee ?? ""}`} underline="always">
          Retour au programme {annee}
        </Anchor>
      </Text>
    </Page>
  );
}
