import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { plagesDisponibles } from "./requetes";

// a fair from 09h00 to 16h40, 20-minute meetings, a break 12h20–13h40 (19 slots)
const CRENEAUX = [
  "09h00",
  "09h20",
  "09h40",
  "10h00",
  "10h20",
  "10h40",
  "11h00",
  "11h20",
  "11h40",
  "12h00",
  "13h40",
  "14h00",
  "14h20",
  "14h40",
  "15h00",
  "15h20",
  "15h40",
  "16h00",
  "16h20",
];
const salon = { creneaux: CRENEAUX, dureeCreneauMinutes: 20 };

describe("plagesDisponibles : les créneaux d'une entreprise en plages horaires", () => {
  const cas: [string, string[] | null, string][] = [
    ["jamais restreints", null, "Toute la journée"],
    ["tous cochés", CRENEAUX, "Toute la journée"],
    ["aucun", [], "Aucun créneau"],
    ["le matin", CRENEAUX.slice(0, 10), "09h00–12h20 (10 créneaux sur 19)"],
    ["la pause coupe la plage", ["12h00", "13h40", "14h00"], "12h00–12h20, 13h40–14h20 (3 créneaux sur 19)"],
    ["créneaux isolés, dans le désordre", ["14h40", "09h00", "09h40"], "09h00–09h20, 09h40–10h00, 14h40–15h00 (3 créneaux sur 19)"],
    ["un créneau inconnu est ignoré", ["09h00", "07h00"], "09h00–09h20 (1 créneau sur 19)"],
  ];
  for (const [nom, disponibilites, attendu] of cas) {
    it(nom, () => assert.equal(plagesDisponibles(salon, disponibilites), attendu));
  }
});
