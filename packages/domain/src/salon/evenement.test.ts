import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isDomainError } from "../commun/errors";
import { creneauxDuSalon, plagesDisponibles, validerSalon, type SalonInput } from "./evenement";

const BASE: SalonInput = {
  nom: "Salon",
  date: "2027-06-10",
  lieu: "Créteil",
  heureOuverture: "09:00",
  heureFermeture: "10:00",
  dureeCreneauMinutes: 20,
  pauses: [],
  tables: 1,
  capaciteEntreprises: 1,
  personnesParEntreprise: 1,
  statut: "preparation",
};

describe("créneaux d'un salon", () => {
  const cas: [string, Partial<SalonInput>, string[]][] = [
    ["une heure de 20 min", {}, ["09h00", "09h20", "09h40"]],
    ["le dernier doit finir avant la fermeture", { heureFermeture: "09:50" }, ["09h00", "09h20"]],
    [
      "une pause saute les créneaux qui la chevauchent",
      { heureFermeture: "10:10", pauses: [{ debut: "09:30", fin: "09:45" }] },
      ["09h00", "09h45"],
    ],
    ["une pause au début", { pauses: [{ debut: "09:00", fin: "09:20" }] }, ["09h20", "09h40"]],
    ["créneaux de 45 min", { dureeCreneauMinutes: 45, heureFermeture: "11:00" }, ["09h00", "09h45"]],
  ];
  for (const [nom, changement, attendu] of cas) {
    it(nom, () =>
      assert.deepEqual(
        creneauxDuSalon({ ...BASE, ...changement }).map((c) => c.id),
        attendu,
      ),
    );
  }
});

describe("validation d'un salon", () => {
  const problemes = (input: SalonInput) => {
    try {
      validerSalon(input);
      return [];
    } catch (error) {
      assert.ok(isDomainError(error));
      return error.issues.map((i) => i.path.join("."));
    }
  };
  it("names every problem with its field", () => {
    assert.deepEqual(
      problemes({
        ...BASE,
        nom: "x",
        date: "2027-13-45",
        heureOuverture: "9h",
        capaciteEntreprises: 0,
        pauses: [{ debut: "12:00", fin: "11:00" }],
      }).sort(),
      ["capaciteEntreprises", "date", "heureOuverture", "nom", "pauses.0.fin"],
    );
  });
  it("refuses a day with no slot left once the breaks are taken", () => {
    assert.deepEqual(problemes({ ...BASE, pauses: [{ debut: "09:00", fin: "10:00" }] }), ["dureeCreneauMinutes"]);
  });
  it("sorts the breaks", () => {
    const s = validerSalon({
      ...BASE,
      heureFermeture: "17:00",
      pauses: [
        { debut: "15:00", fin: "15:20" },
        { debut: "12:00", fin: "13:00" },
      ],
    });
    assert.deepEqual(
      s.pauses.map((p) => p.debut),
      ["12:00", "15:00"],
    );
  });
});

describe("plagesDisponibles : les créneaux d'une entreprise en plages horaires", () => {
  // 09h00 to 16h40, 20-minute meetings, a break 12h20–13h40: 19 slots
  const salon = { ...BASE, heureFermeture: "16:40", pauses: [{ debut: "12:20", fin: "13:40" }] };
  const CRENEAUX = creneauxDuSalon(salon).map((c) => c.id);
  const cas: [string, string[] | null, string][] = [
    ["jamais restreints", null, "Toute la journée"],
    ["tous cochés", CRENEAUX, "Toute la journée"],
    ["aucun", [], "Aucun créneau"],
    ["le matin", CRENEAUX.slice(0, 10), "09h00–12h20 (10 créneaux sur 19)"],
    ["la pause coupe la plage", ["12h00", "13h40", "14h00"], "12h00–12h20, 13h40–14h20 (3 créneaux sur 19)"],
    ["créneaux isolés, dans le désordre", ["14h40", "09h00", "09h40"], "09h00–09h20, 09h40–10h00, 14h40–15h00 (3 créneaux sur 19)"],
    ["un créneau inconnu est ignoré", ["09h00", "07h00"], "09h00–09h20 (1 créneau sur 19)"],
  ];
  it("derives the 19 slots of that day", () => assert.equal(CRENEAUX.length, 19));
  for (const [nom, disponibilites, attendu] of cas) {
    it(nom, () => assert.equal(plagesDisponibles(salon, disponibilites), attendu));
  }
});
