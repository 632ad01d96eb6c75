import { z } from "zod";
import {
  ClotureSourcageInput,
  DemandeSourcageInput,
  DemandeSourcageOutput,
  DemandesEntrepriseOutput,
  DemandesLigneOutput,
  ExportQuery,
  IdParams,
  LigneIdParams,
  MesSignauxOutput,
  OuvertureOutput,
  presentDemande,
  presentDemandesLigne,
  presentMesSignaux,
  presentReponse,
  presentSignalAcheteur,
  ReponseSourcageInput,
  ReponseSourcageOutput,
  SignalInput,
  SignalOutput,
  SignauxLigneOutput,
} from "@achat-public/contracts";
import {
  cloreDemande,
  demandeAvecReponses,
  demandesDeLigne,
  demandesPourEntreprise,
  mesSignaux,
  ouvrirDemande,
  repondreDemande,
  retirerInteret,
  signalerInteret,
  signauxDeLigne,
} from "@achat-public/domain/sourcage";
import type { Colonnes } from "@achat-public/tableur";
import { readOnly } from "../context";
import { sendExport } from "../platform/files";
import { defineRoutes } from "../platform/routes";
import { departementDe, urlPublique } from "../portail/portail.service";

const EXEMPLE_DEMANDE: z.input<typeof DemandeSourcageInput> = {
  titre: "Entretien des espaces verts des collèges : vos capacités",
  introduction: "Le département prépare la consultation ; vos réponses l'aident à l'allotir.",
  questions: [
    { libelle: "Pouvez-vous intervenir sur l'ensemble du territoire ?", type: "oui-non" },
    { libelle: "Quel allotissement vous conviendrait ?", type: "choix", choix: ["Un lot unique", "Un lot par secteur"] },
    { libelle: "Vos remarques sur le besoin", type: "texte" },
  ],
  dateCloture: "2099-12-31",
  inviterInteresses: false,
};

export const sourcageRoutes = defineRoutes("Sourçage : signaux d'intérêt et questionnaires", (r, ctx) => {
  // ---------------------------------------------------------------------------------------------- companies

  r.write({
    method: "PUT",
    url: "/api/entreprise/interets/:ligneId",
    access: "entreprise.self",
    summary: "Signaler l'intérêt de son entreprise pour une ligne du programme publié (ou changer sa note)",
    description:
      "Un signal par entreprise et par ligne : un second appel (double clic compris) modifie la note. L'acheteur voit alors le profil de l'entreprise.",
    params: LigneIdParams,
    body: SignalInput,
    response: SignalOutput,
    example: { body: { note: "Nous réalisons ce type de travaux dans trois collèges du département." } },
    handler: async ({ uow, actor, params, body }) => {
      const { signal, cree } = await signalerInteret(uow, actor, params.ligneId, body);
      return {
        id: signal.id,
        ligneId: signal.ligneId,
        note: signal.note,
        creeLe: signal.creeLe.toISOString(),
        modifieLe: signal.modifieLe.toISOString(),
        cree,
      };
    },
  });

  r.write({
    method: "DELETE",
    url: "/api/entreprise/interets/:ligneId",
    access: "entreprise.self",
    status: 204,
    summary: "Retirer le signal d'intérêt de son entreprise",
    params: LigneIdParams,
    response: z.null(),
    handler: async ({ uow, actor, params }) => {
      await retirerInteret(uow, actor, params.ligneId);
      return null;
    },
  });

  r.read({
    method: "GET",
    url: "/api/entreprise/interets",
    access: "entreprise.self",
    summary: "Les signaux d'intérêt de son entreprise (jamais ceux d'une autre)",
    response: MesSignauxOutput,
    handler: async ({ uow, actor }) => presentMesSignaux(await mesSignaux(uow, actor)),
  });

  r.read({
    method: "GET",
    url: "/api/entreprise/sourcage/lignes/:ligneId",
    access: "entreprise.self",
    summary: "Les questionnaires de sourçage d'une ligne publiée, avec la réponse de son entreprise",
    params: LigneIdParams,
    response: DemandesEntrepriseOutput,
    handler: async ({ uow, actor, params }) => ({
      demandes: (await demandesPourEntreprise(uow, actor, params.ligneId)).map((d) => ({
        demande: presentDemande(d.demande),
        ouverte: d.ouverte,
        maReponse: d.maReponse ? presentReponse(d.maReponse) : null,
      })),
    }),
  });

  r.write({
    method: "PUT",
    url: "/api/entreprise/sourcage/:id/reponse",
    access: "entreprise.self",
    summary: "Répondre à un questionnaire de sourçage (ou modifier sa réponse jusqu'à la clôture)",
    params: IdParams,
    body: ReponseSourcageInput,
    response: ReponseSourcageOutput,
    example: { body: { reponses: { q1: true, q2: "Un lot par secteur", q3: "Prévoir une visite des sites." }, version: null } },
    handler: async ({ uow, actor, params, body }) => presentReponse(await repondreDemande(uow, actor, params.id, body)),
  });

  // ---------------------------------------------------------------------------------------------- buyers

  r.read({
    method: "GET",
    url: "/api/programme/lignes/:ligneId/interets",
    access: "sourcage.read",
    summary: "Les entreprises intéressées par une ligne : nombre, profil, taille, localité",
    params: LigneIdParams,
    response: SignauxLigneOutput,
    handler: async ({ uow, actor, params }) => {
      const { ligne, signaux } = await signauxDeLigne(uow, actor, params.ligneId, departementDe(ctx));
      return {
        ligne: { id: ligne.id, annee: ligne.annee, objet: ligne.objet, statut: ligne.statut, directionId: ligne.directionId },
        nombre: signaux.length,
        signaux: signaux.map(presentSignalAcheteur),
      };
    },
  });

  r.read({
    method: "GET",
    url: "/api/programme/lignes/:ligneId/sourcage",
    access: "sourcage.read",
    summary: "Les questionnaires de sourçage d'une ligne et toutes les réponses",
    params: LigneIdParams,
    response: DemandesLigneOutput,
    handler: async ({ uow, actor, params }) => presentDemandesLigne(await demandesDeLigne(uow, actor, params.ligneId)),
  });

  r.write({
    method: "POST",
    url: "/api/programme/lignes/:ligneId/sourcage",
    access: "sourcage.manage",
    status: 201,
    summary: "Ouvrir un questionnaire de sourçage sur une ligne publiée (CCP R2111-1)",
    description:
      "Questions à réponse libre, oui/non ou à choix ; date de clôture incluse. `inviterInteresses` : un courriel à chaque compte des entreprises qui ont signalé leur intérêt.",
    params: LigneIdParams,
    body: DemandeSourcageInput,
    response: OuvertureOutput,
    example: { body: EXEMPLE_DEMANDE },
    handler: async ({ uow, actor, params, body }) => {
      const ligne = await uow.programme.get(params.ligneId, actor.organisationId, { kind: "all" });
      const url = `${urlPublique(ctx)}/programme-public/${ligne?.annee ?? ""}/${params.ligneId}`;
      const { demande, invites } = await ouvrirDemande(uow, actor, params.ligneId, body, url);
      return { demande: presentDemande(demande), invites };
    },
  });

  r.write({
    method: "POST",
    url: "/api/sourcage/:id/cloture",
    access: "sourcage.manage",
    summary: "Clore un questionnaire de sourçage avant sa date",
    params: IdParams,
    body: ClotureSourcageInput,
    response: DemandeSourcageOutput,
    example: { body: { version: 1 } },
    handler: async ({ uow, actor, params, body }) => presentDemande(await cloreDemande(uow, actor, params.id, body.version)),
  });

  r.raw({
    url: "/api/sourcage/:id/export",
    access: "sourcage.read",
    summary: "Exporter les réponses d'un questionnaire de sourçage (XLSX ou CSV)",
    query: ExportQuery,
    handler: async ({ request, reply, session }) => {
      const actor = session?.actor;
      if (!actor) throw new Error("unreachable: access checked");
      const { id } = IdParams.parse(request.params);
      const { format } = ExportQuery.parse(request.query);
      const { demande, reponses } = await demandeAvecReponses(readOnly(ctx), actor, id);
      const colonnes = [
        { cle: "entreprise", entete: "Entreprise", type: "texte" },
        { cle: "siret", entete: "SIRET", type: "texte" },
        { cle: "modifieLe", entete: "Réponse du", type: "texte" },
        ...demande.questions.map((q) => ({ cle: q.id, entete: q.libelle, type: "texte", multiligne: true })),
      ] as unknown as Colonnes;
      const lignes = reponses.map((r) => ({
        entreprise: r.entreprise.raisonSociale,
        siret: r.entreprise.siret,
        modifieLe: r.reponse.modifieLe.toISOString().slice(0, 10),
        ...Object.fromEntries(
          demande.questions.map((q) => {
            const v = r.reponse.reponses[q.id];
            return [q.id, v === undefined ? null : typeof v === "boolean" ? (v ? "oui" : "non") : v];
          }),
        ),
      }));
      return sendExport(reply, lignes, colonnes, format, `sourcage-${demande.id.slice(0, 8)}`);
    },
  });
});
