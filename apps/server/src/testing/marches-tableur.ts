/**
 * Spreadsheets of suppliers and contracts for the import tests and the benchmark (bench/sections/marches-import.ts):
 * CSV with the template's headers, deterministic, `n` rows.
 */
import { luhnIsValid } from "@achat-public/domain/valeurs";

/** A valid SIRET (Luhn) numbered `i`. */
export function siretNumero(i: number): string {
  const base = `8${String(i).padStart(12, "0")}`;
  for (let c = 0; c < 10; c++) if (luhnIsValid(`${base}${c}`)) return `${base}${c}`;
  throw new Error("unreachable");
}

const ENTETES_FOURNISSEURS = "SIRET;Raison sociale;Adresse;Code commune INSEE;Catégorie d'entreprise;Statut inclusif";

/** `n` suppliers, SIRETs `siretNumero(0..n-1)`. */
export function csvFournisseurs(n: number): string {
  const lignes = Array.from({ length: n }, (_, i) => {
    const categorie = ["micro", "pme", "ETI", "Grande entreprise"][i % 4];
    const commune = i % 3 === 0 ? "94028" : i % 3 === 1 ? "75056" : "";
    const inclusif = i % 10 === 0 ? "esat" : "";
    return `${siretNumero(i)};Entreprise numéro ${i};${i} rue de Paris;${commune};${categorie};${inclusif}`;
  });
  return [ENTETES_FOURNISSEURS, ...lignes].join("\r\n");
}

export const ENTETES_MARCHES = [
  "Numéro",
  "Objet",
  "Sigle de la direction",
  "Procédure",
  "Nature",
  "Code CPV",
  "Forme du prix",
  "Accord-cadre",
  "Montant (€ HT)",
  "Minimum (€ HT)",
  "Maximum (€ HT)",
  "Date de notification",
  "Début d'exécution",
  "Durée (mois)",
  "Nombre de reconductions",
  "Durée d'une reconduction (mois)",
  "CCAG",
  "Clause sociale",
  "Heures d'insertion prévues",
  "Clause environnementale",
  "Marché réservé",
  "Achat innovant",
  "Taux de l'avance (%)",
  "Retenue de garantie (%)",
  "Attribué par la CAO",
  "SIRET du titulaire (ou du mandataire)",
  "Nom du titulaire",
  "SIRET des cotraitants",
].join(";");

/** One contract row (`i`-th), holders among the first `fournisseurs` suppliers of `csvFournisseurs`. */
export function ligneMarche(i: number, sigle: string, fournisseurs: number): string {
  const accordCadre = i % 3 === 0;
  const groupement = i % 7 === 0 && fournisseurs > 2;
  const titulaire = siretNumero(i % fournisseurs);
  const cotraitants = groupement ? [siretNumero((i + 1) % fournisseurs), siretNumero((i + 2) % fournisseurs)].join(", ") : "";
  const mois = String((i % 12) + 1).padStart(2, "0");
  const social = i % 5 === 0;
  return [
    `IMP-${String(i).padStart(6, "0")}`,
    `Marché importé numéro ${i} : entretien et maintenance`,
    sigle,
    i % 2 === 0 ? "Appel d'offres ouvert" : "Procédure adaptée",
    ["Services", "Fournitures", "Travaux"][i % 3],
    ["77310000-6", "30213100-6", "45000000-7"][i % 3],
    accordCadre ? "Unitaire" : "Forfaitaire",
    accordCadre ? "oui" : "non",
    accordCadre ? "" : `${(i % 900) + 100} 000,00`,
    "",
    accordCadre ? `${(i % 90) + 10} 000 000,00` : "",
    `15/${mois}/2025`,
    `01/${mois}/2026`,
    "24",
    i % 2 === 0 ? "2" : "0",
    i % 2 === 0 ? "12" : "",
    ["CCAG fournitures courantes et services", "fcs", "CCAG travaux"][i % 3],
    social ? "oui" : "non",
    social ? "350" : "",
    i % 4 === 0 ? "oui" : "non",
    "non",
    "non",
    i % 6 === 0 ? "5 %" : "",
    "",
    i % 2 === 0 ? "oui" : "non",
    titulaire,
    "",
    cotraitants,
  ].join(";");
}

/** `n` contracts of the direction `sigle`. */
export function csvMarches(n: number, sigle: string, fournisseurs: number): string {
  return [ENTETES_MARCHES, ...Array.from({ length: n }, (_, i) => ligneMarche(i, sigle, fournisseurs))].join("\r\n");
}
