import { z } from "zod";
import {
  NOM_LONGUEUR_MAX,
  NOM_LONGUEUR_MIN,
  SIGLE_LONGUEUR_MAX,
  type Direction,
  type DirectionWithServices,
  type Organisation,
  type Service,
} from "@achat-public/domain";
import { BORNE_TEXTE_COURT, texte, Uuid, Version } from "./common.schema";

export const ServiceOutput = z.object({
  id: z.string(),
  directionId: z.string(),
  nom: z.string(),
  nombreComptes: z.number().int(),
  version: z.number().int(),
});
export type ServiceOutput = z.infer<typeof ServiceOutput>;

export const DirectionOutput = z.object({
  id: z.string(),
  nom: z.string(),
  sigle: z.string(),
  nombreComptes: z.number().int(),
  services: z.array(ServiceOutput),
  version: z.number().int(),
});
export type DirectionOutput = z.infer<typeof DirectionOutput>;

export const OrganisationOutput = z.object({
  id: z.string(),
  nom: z.string(),
  siret: z.string(),
  nombreDirections: z.number().int().describe("Nombre total de directions"),
  directions: z.array(DirectionOutput).describe("Les directions, au plus 200, dans l'ordre alphabétique"),
});
export type OrganisationOutput = z.infer<typeof OrganisationOutput>;

/**
 * A name of the organisation (direction, service, account). The schema only bounds it against abuse; its
 * rules (between NOM_LONGUEUR_MIN and NOM_LONGUEUR_MAX characters) are the domain's, so that a form gets all
 * its problems at once rather than the schema's first.
 */
export const nomOrganisation = (description: string) =>
  texte(BORNE_TEXTE_COURT, { compacter: true }).describe(`${description} (${NOM_LONGUEUR_MIN} à ${NOM_LONGUEUR_MAX} caractères)`);

export const DirectionInput = z.strictObject({
  nom: nomOrganisation("Nom de la direction, ex. Direction des bâtiments"),
  sigle: texte(BORNE_TEXTE_COURT, { compacter: true }).describe(`Sigle, ex. DB (1 à ${SIGLE_LONGUEUR_MAX} caractères)`),
});
export type DirectionInput = z.infer<typeof DirectionInput>;

export const DirectionUpdate = DirectionInput.extend({ version: Version });
export type DirectionUpdate = z.infer<typeof DirectionUpdate>;

export const ServiceInput = z.strictObject({ nom: nomOrganisation("Nom du service") });
export type ServiceInput = z.infer<typeof ServiceInput>;

export const ServiceUpdate = ServiceInput.extend({ version: Version });
export type ServiceUpdate = z.infer<typeof ServiceUpdate>;

export const DirectionIdParams = z.strictObject({ directionId: Uuid });

export const presentService = (s: Service & { nombreComptes?: number }): ServiceOutput => ({
  id: s.id,
  directionId: s.directionId,
  nom: s.nom,
  nombreComptes: s.nombreComptes ?? 0,
  version: s.version,
});

export const presentDirection = (d: Direction & Partial<Pick<DirectionWithServices, "services" | "nombreComptes">>): DirectionOutput => ({
  id: d.id,
  nom: d.nom,
  sigle: d.sigle,
  nombreComptes: d.nombreComptes ?? 0,
  services: (d.services ?? []).map(presentService),
  version: d.version,
});

export const presentOrganisation = (tree: {
  organisation: Organisation;
  total: number;
  directions: DirectionWithServices[];
}): OrganisationOutput => ({
  ...tree.organisation,
  nombreDirections: tree.total,
  directions: tree.directions.map(presentDirection),
});
