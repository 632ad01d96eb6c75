import type { OrganisationOutput } from "@achat-public/contracts";
import { api } from "../../lib/api";

/** The organisation tree (directions and their services), shared by the pages and blocks that show it. */
export const organisationQuery = {
  queryKey: ["organisation"],
  queryFn: () => api<OrganisationOutput>("GET", "/api/organisation"),
};
