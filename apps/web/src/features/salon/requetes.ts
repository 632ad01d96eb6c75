import type { SalonOutput } from "@achat-public/contracts";
import { api } from "../../lib/api";

export const salonsQuery = { queryKey: ["salons"], queryFn: () => api<{ salons: SalonOutput[] }>("GET", "/api/salons") };

export function horaires(s: SalonOutput): string {
  const pauses = s.pauses.length ? `, pause ${s.pauses.map((p) => `${p.debut}–${p.fin}`).join(", ")}` : "";
  return `${s.heureOuverture}–${s.heureFermeture}, rendez-vous de ${s.dureeCreneauMinutes} min${pauses}`;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}h${String(m % 60).padStart(2, "0")}`;

/**
 * A company's (or buyer's) available slots as time ranges, e.g. "09h00–12h20, 13h40–15h00" (slot ids are their start, "09h00"): consecutive slots merge,
 * a break splits them. `null` (never restricted) or every slot: "Toute la journée".
 */
export function plagesDisponibles(s: Pick<SalonOutput, "creneaux" | "dureeCreneauMinutes">, disponibilites: string[] | null): string {
  const choisis = new Set(disponibilites ?? s.creneaux);
  const debuts = s.creneaux.filter((c) => choisis.has(c)).map(minutes);
  if (debuts.length === 0) return "Aucun créneau";
  if (debuts.length === s.creneaux.length) return "Toute la journée";
  const plages: [number, number][] = [];
  for (const debut of debuts) {
    const derniere = plages.at(-1);
    if (derniere && derniere[1] === debut) derniere[1] = debut + s.dureeCreneauMinutes;
    else plages.push([debut, debut + s.dureeCreneauMinutes]);
  }
  return `${plages.map(([d, f]) => `${hhmm(d)}–${hhmm(f)}`).join(", ")} (${debuts.length} créneau${debuts.length > 1 ? "x" : ""} sur ${s.creneaux.length})`;
}
