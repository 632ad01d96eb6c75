import {
  accepterInvitation,
  confirmerEmail,
  INSCRIPTION_THROTTLE,
  inscrireEntreprise,
  inviterCollegue,
  listerCollegues,
  maEntreprise,
  modifierProfil,
  preparerInscription,
  reserverTentative,
} from "@achat-public/domain/entreprises";
import {
  ColleguesOutput,
  EmailOutput,
  EntrepriseOutput,
  InscriptionEntrepriseInput,
  InscriptionEntrepriseOutput,
  InvitationAcceptInput,
  InvitationInput,
  InvitationOutput,
  JetonInput,
  presentEntreprise,
  ProfilInput,
} from "@achat-public/contracts";
import { unitOfWork } from "../context";
import { defineRoutes } from "../platform/routes";

const EXEMPLE_INSCRIPTION = {
  siret: "73282932000074",
  raisonSociale: "Exemple SARL",
  email: "contact@exemple.fr",
  nomAffiche: "Camille Exemple",
  motDePasse: "une phrase de passe assez longue",
};

export const entreprisesRoutes = defineRoutes("Entreprises", (r, ctx) => {
  const liens = { publicUrl: ctx.config.publicUrl.replace(/\/$/, "") };

  r.read({
    method: "POST",
    url: "/api/entreprises/inscription",
    access: "public",
    status: 201,
    summary: "Inscrire son entreprise (SIRET) et créer son premier compte",
    description:
      "Le SIRET est contrôlé (clé de Luhn, exception de La Poste) ; un SIRET n'a qu'un compte d'entreprise. Le compte reste inactif " +
      "jusqu'à ce que l'adresse soit confirmée par le lien envoyé par courriel (48 heures). 10 inscriptions par heure et par adresse IP.",
    body: InscriptionEntrepriseInput,
    response: InscriptionEntrepriseOutput,
    example: { body: EXEMPLE_INSCRIPTION },
    handler: async ({ body, request }) => {
      await unitOfWork(ctx, (uow) => reserverTentative(uow, `inscription:${request.ip}`, INSCRIPTION_THROTTLE), request.id);
      const prepared = await preparerInscription(ctx, body);
      const { utilisateur } = await unitOfWork(ctx, (uow) => inscrireEntreprise(uow, liens, prepared), request.id);
      return {
        email: utilisateur.email,
        message: `Un lien de confirmation a été envoyé à ${utilisateur.email} : ouvrez-le pour activer le compte.`,
      };
    },
  });

  r.write({
    method: "POST",
    url: "/api/entreprises/confirmation",
    access: "public",
    summary: "Confirmer l'adresse électronique d'un compte d'entreprise (lien reçu)",
    body: JetonInput,
    response: EmailOutput,
    example: { body: { jeton: "jeton-du-lien" } },
    handler: async ({ uow, body }) => confirmerEmail(uow, body.jeton),
  });

  r.read({
    method: "POST",
    url: "/api/entreprises/invitation",
    access: "public",
    summary: "Accepter l'invitation d'un collègue et choisir son mot de passe",
    body: InvitationAcceptInput,
    response: EmailOutput,
    example: { body: { jeton: "jeton-du-lien", motDePasse: "une phrase de passe assez longue" } },
    handler: async ({ body, request }) => {
      await unitOfWork(ctx, (uow) => reserverTentative(uow, `invitation:${request.ip}`, INSCRIPTION_THROTTLE), request.id);
      return unitOfWork(ctx, (uow) => accepterInvitation(uow, body), request.id);
    },
  });

  r.read({
    method: "GET",
    url: "/api/entreprise",
    access: "entreprise.self",
    summary: "Le profil de son entreprise",
    response: EntrepriseOutput,
    handler: async ({ uow, actor }) => {
      const { entreprise, membre } = await maEntreprise(uow, actor);
      return presentEntreprise(entreprise, membre.administrateur);
    },
  });

  r.write({
    method: "PUT",
    url: "/api/entreprise",
    access: "entreprise.self",
    summary: "Modifier le profil de son entreprise",
    description:
      "Activités (codes CPV), départements desservis, catégorie, statut inclusif, certifications ; rien n'est public sans profilPublic.",
    body: ProfilInput,
    response: EntrepriseOutput,
    example: {
      body: {
        raisonSociale: "Exemple SARL",
        activites: ["45000000"],
        territoires: ["94"],
        categorie: "pme",
        statutInclusif: null,
        certifications: [],
        profilPublic: false,
        version: 1,
      },
    },
    handler: async ({ uow, actor, body }) => {
      const entreprise = await modifierProfil(uow, actor, body);
      const membre = await uow.membres.deUtilisateur(actor.userId);
      return presentEntreprise(entreprise, membre?.administrateur ?? false);
    },
  });

  r.read({
    method: "GET",
    url: "/api/entreprise/collegues",
    access: "entreprise.self",
    summary: "Les comptes de son entreprise et les invitations en cours",
    response: ColleguesOutput,
    handler: async ({ uow, actor }) => {
      const { collegues, invitations } = await listerCollegues(uow, actor);
      return { collegues, invitations: invitations.map((i) => ({ ...i, expireLe: i.expireLe.toISOString() })) };
    },
  });

  r.write({
    method: "POST",
    url: "/api/entreprise/collegues",
    access: "entreprise.self",
    status: 201,
    summary: "Inviter un collègue (administrateur du compte de l'entreprise)",
    body: InvitationInput,
    response: InvitationOutput,
    example: { body: { email: "collegue@exemple.fr", nomAffiche: "Dominique Collègue" } },
    handler: async ({ uow, actor, body }) => {
      const invitation = await inviterCollegue(uow, actor, liens, body);
      return { email: invitation.email, expireLe: invitation.expireLe.toISOString() };
    },
  });
});
