import type { SalonOutput } from "@achat-public/contracts";
import { api } from "../../lib/api";

export const salonsQuery = { queryKey: ["salons"], queryFn: () => api<{ salons: SalonOutput[] }>("GET", "/api/salons") };

export function horaires(s: SalonOutput): string {
  const pauses = s.pauses.length ? `, pause ${s.pauses.map((p) => `${p.debut}–${p.fin}`).join(", ")}` : "";
  return `${s.heureOuverture}–${s.heureFermeture}, rendez-vous de ${s.dureeCreneauMinutes} min${pauses}`;
}
