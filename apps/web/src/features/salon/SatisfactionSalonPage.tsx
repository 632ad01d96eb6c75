import { Alert, Button, Group, Radio, Stack, Text, Textarea } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useParams } from "react-router";
import type { SalonOutput } from "@achat-public/contracts";
import type { MaSatisfaction } from "@achat-public/domain/salon";
import { api } from "../../lib/api";
import { formatLegalDate } from "../../lib/format";
import { SUCCESS } from "../../ui/colors";
import { Chargement } from "../../ui/Chargement";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Page } from "../../ui/Page";
import { Confirmation } from "./rendez-vous";
import { NOTES_LIBELLES } from "./satisfaction";

type Mienne = Omit<MaSatisfaction, "reponse"> & {
  reponse: { satisfaction: number; utilite: number; reviendrait: boolean; commentaire: string | null; modifieLe: string } | null;
};

function Note({ label, value, onChange, readOnly }: { label: string; value: string; onChange(v: string): void; readOnly: boolean }) {
  return (
    <Radio.Group label={label} required value={value} onChange={onChange}>
      <Group mt="xs">
        {NOTES_LIBELLES.map((libelle, i) => (
          <Radio key={libelle} value={String(i + 1)} label={libelle} disabled={readOnly} />
        ))}
      </Group>
    </Radio.Group>
  );
}

/** The survey form: prefilled with one's answer, read-only when the survey is not open or one did not attend. */
function Questionnaire({ salonId, mienne }: { salonId: string; mienne: Mienne }) {
  const queryClient = useQueryClient();
  const r = mienne.reponse;
  const [satisfaction, setSatisfaction] = useState(r ? String(r.satisfaction) : "");
  const [utilite, setUtilite] = useState(r ? String(r.utilite) : "");
  const [reviendrait, setReviendrait] = useState(r ? (r.reviendrait ? "oui" : "non") : "");
  const [commentaire, setCommentaire] = useState(r?.commentaire ?? "");
  const [error, setError] = useState<unknown>(null);
  const [ok, setOk] = useState<string | null>(null);
  const lecture = !mienne.peutRepondre;
  const envoyer = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setOk(null);
    try {
      const res = await api<{ modification: boolean }>("PUT", `/api/salons/${salonId}/ma-satisfaction`, {
        satisfaction: Number(satisfaction),
        utilite: Number(utilite),
        reviendrait: reviendrait === "oui",
        commentaire: commentaire.trim() || null,
      });
      setOk(res.modification ? "Votre réponse est modifiée." : "Merci : votre réponse est enregistrée.");
      await queryClient.invalidateQueries({ queryKey: ["salon", salonId, "ma-satisfaction"] });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <form onSubmit={envoyer} aria-label="Questionnaire de satisfaction">
      <Stack gap="md">
        <ErrorAlert error={error} title="Réponse refusée" />
        <Confirmation message={ok} />
        <Note label="Êtes-vous satisfait du salon dans son ensemble ?" value={satisfaction} onChange={setSatisfaction} readOnly={lecture} />
        <Note label="Les rendez-vous vous ont-ils été utiles ?" value={utilite} onChange={setUtilite} readOnly={lecture} />
        <Radio.Group label="Viendriez-vous au prochain salon ?" required value={reviendrait} onChange={setReviendrait}>
          <Group mt="xs">
            <Radio value="oui" label="Oui" disabled={lecture} />
            <Radio value="non" label="Non" disabled={lecture} />
          </Group>
        </Radio.Group>
        <Textarea
          label="Commentaire (facultatif)"
          description="1 000 caractères au plus ; il est lu par l'organisateur sans votre nom."
          maxLength={1000}
          autosize
          minRows={3}
          readOnly={lecture}
          value={commentaire}
          onChange={(e) => setCommentaire(e.currentTarget.value)}
        />
        {!lecture && (
          <Group>
            <Button type="submit">{r ? "Modifier ma réponse" : "Envoyer ma réponse"}</Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/** Page « Questionnaire de satisfaction du salon »: a present company or an attending buyer answers after the fair. */
export default function SatisfactionSalonPage() {
  const { id: salonId = "" } = useParams();
  const salon = useQuery({ queryKey: ["salon", salonId], queryFn: () => api<SalonOutput>("GET", `/api/salons/${salonId}`) });
  const mienne = useQuery({
    queryKey: ["salon", salonId, "ma-satisfaction"],
    queryFn: () => api<Mienne>("GET", `/api/salons/${salonId}/ma-satisfaction`),
  });
  return (
    <Page
      title="Questionnaire de satisfaction du salon"
      intro={
        salon.data && (
          <Text>
            {salon.data.nom}, le {formatLegalDate(salon.data.date)}, {salon.data.lieu}. Quatre questions, une réponse par entreprise et par
            acheteur présents ; les résultats sont publiés sans le nom de ceux qui ont répondu.
          </Text>
        )
      }
    >
      {salon.isPending || mienne.isPending ? (
        <Chargement />
      ) : salon.isError || mienne.isError ? (
        <ErrorAlert error={salon.error ?? mienne.error} title="Questionnaire indisponible" />
      ) : (
        <Stack gap="md">
          <Alert variant="outline" color={mienne.data.peutRepondre ? SUCCESS : "collectivite.9"} title={titreEtat(mienne.data)}>
            {mienne.data.motif ??
              `Vous pouvez répondre, puis modifier votre réponse, jusqu'au ${formatLegalDate(mienne.data.cloture)} inclus.`}
            {mienne.data.reponse && ` Dernière réponse le ${new Date(mienne.data.reponse.modifieLe).toLocaleDateString("fr-FR")}.`}
          </Alert>
          {mienne.data.cote && (mienne.data.peutRepondre || mienne.data.reponse) && (
            <Questionnaire key={mienne.data.reponse?.modifieLe ?? "vide"} salonId={salonId} mienne={mienne.data} />
          )}
        </Stack>
      )}
    </Page>
  );
}

function titreEtat(m: Mienne): string {
  if (m.etat === "a-venir") return "Le questionnaire s'ouvrira après le salon";
  if (m.etat === "clos") return "Questionnaire clos";
  if (!m.peutRepondre) return "Questionnaire réservé aux participants";
  return m.reponse ? "Vous avez répondu" : "Questionnaire ouvert";
}
