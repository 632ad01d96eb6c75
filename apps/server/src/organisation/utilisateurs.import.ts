import { createUtilisateur, DomainError, ROLE_LABELS, ROLES, type Role } from "@achat-public/domain";
import { defineColonnes } from "@achat-public/tableur";
import { defineImport } from "../platform/imports";

/** The columns of the accounts spreadsheet (import template and export). */
export const COLONNES_UTILISATEURS = defineColonnes([
  { cle: "email", entete: "Adresse électronique", type: "texte", obligatoire: true, longueurMax: 254, exemple: "prenom.nom@valdemarne.fr" },
  { cle: "nomAffiche", entete: "Prénom et nom", type: "texte", obligatoire: true, longueurMax: 120, exemple: "Camille Martin" },
  {
    cle: "role",
    entete: "Rôle",
    type: "liste",
    obligatoire: true,
    valeurs: ROLES.map((valeur) => ({ valeur, libelle: ROLE_LABELS[valeur] })),
    exemple: "acheteur",
  },
  {
    cle: "direction",
    entete: "Sigle de la direction",
    type: "texte",
    longueurMax: 12,
    exemple: "DB",
    aide: "Obligatoire pour un acheteur de direction.",
  },
  { cle: "service", entete: "Service", type: "texte", longueurMax: 120, exemple: "Service construction" },
]);

/**
 * Accounts from a spreadsheet: each row through `createUtilisateur` (same rules as the form), without password
 * (the administrator sets one afterwards, to be changed at first login).
 */
export const importUtilisateurs = defineImport({
  type: "utilisateurs",
  libelle: "Comptes utilisateurs",
  permission: "user.manage",
  colonnes: COLONNES_UTILISATEURS,
  evenement: "users.imported",
  champs: { directionId: "direction", serviceId: "service" },
  lignesExemple: [
    {
      email: "camille.martin@valdemarne.fr",
      nomAffiche: "Camille Martin",
      role: "acheteur",
      direction: "DB",
      service: "Service construction",
    },
  ],
  async ecrireLigne({ uow, actor, organisationId, ligne }) {
    let directionId: string | null = null;
    let serviceId: string | null = null;
    if (ligne.direction) {
      const { directions } = await uow.directions.list(organisationId, 10_000);
      const direction = directions.find((d) => d.sigle === ligne.direction?.toUpperCase());
      if (!direction)
        throw new DomainError("INVALID_INPUT", "Direction inconnue.", "invalid-input", [
          { path: ["direction"], message: `Aucune direction n'a le sigle « ${ligne.direction} ».` },
        ]);
      directionId = direction.id;
      if (ligne.service) {
        const service = direction.services.find((s) => s.nom.toLowerCase() === ligne.service?.toLowerCase());
        if (!service)
          throw new DomainError("INVALID_INPUT", "Service inconnu.", "invalid-input", [
            { path: ["service"], message: `La direction ${direction.sigle} n'a pas de service « ${ligne.service} ».` },
          ]);
        serviceId = service.id;
      }
    } else if (ligne.service) {
      throw new DomainError("INVALID_INPUT", "Service sans direction.", "invalid-input", [
        { path: ["service"], message: "Indiquez aussi le sigle de la direction du service." },
      ]);
    }
    await createUtilisateur(uow, actor, organisationId, {
      email: ligne.email,
      nomAffiche: ligne.nomAffiche,
      role: ligne.role as Role,
      directionId,
      serviceId,
      motDePasse: null,
    });
  },
});
