import { z } from "zod";
import { text, Uuid, Version } from "./common.schema";

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
  directions: z.array(DirectionOutput),
});
export type OrganisationOutput = z.infer<typeof OrganisationOutput>;

export const DirectionInput = z.strictObject({
  nom: text(200).describe("Nom de la direction, ex. Direction des bâtiments"),
  sigle: text(40).describe("Sigle, ex. DB"),
});
export type DirectionInput = z.infer<typeof DirectionInput>;

export const DirectionUpdate = DirectionInput.extend({ version: Version });
export type DirectionUpdate = z.infer<typeof DirectionUpdate>;

export const ServiceInput = z.strictObject({ nom: text(200).describe("Nom du service") });
export type ServiceInput = z.infer<typeof ServiceInput>;

export const ServiceUpdate = ServiceInput.extend({ version: Version });
export type ServiceUpdate = z.infer<typeof ServiceUpdate>;

export const DirectionIdParams = z.strictObject({ directionId: Uuid });
