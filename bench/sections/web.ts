import type { SectionBanc } from "./section";
import { rapportPagesWeb } from "../web";

/** Initial JavaScript of each page of the web app against its budget (bench/web.ts). */
export const web: SectionBanc = {
  nom: "web",
  titre: "Application web : JavaScript initial de chaque page (gzip), budget 250 Ko",
  async run() {
    if (!(await rapportPagesWeb("Poids initial de chaque page web"))) {
      throw new Error("une page dépasse le budget de 250 Ko de JavaScript initial");
    }
  },
};
