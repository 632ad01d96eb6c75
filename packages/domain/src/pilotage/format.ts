import type { UniteIndicateur } from "./indicateurs";

const nombre = (decimales: number) => new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 0, maximumFractionDigits: decimales });

/**
 * An indicator's value as the cockpit, the exports and the report write it, in French: « 61,2 % »,
 * « 1 234 567 € », « 37,5 jours », « 833 h », « non calculable » when its population is empty.
 */
export function formaterValeur(unite: UniteIndicateur, valeur: number | null): string {
  if (valeur === null) return "non calculable";
  switch (unite) {
    case "part":
      return `${nombre(1).format(valeur * 100)} %`;
    case "euros":
      return `${nombre(0).format(valeur)} €`;
    case "jours":
      return `${nombre(1).format(valeur)} jour${Math.abs(valeur) >= 2 ? "s" : ""}`;
    case "heures":
      return `${nombre(0).format(valeur)} h`;
    case "nombre":
      return nombre(2).format(valeur);
  }
}
