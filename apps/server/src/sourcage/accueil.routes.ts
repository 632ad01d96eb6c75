import { AccueilEntreprisesOutput } from "@achat-public/contracts";
import { achatsAVenir, achatsPublies, attributionsRecentes, clausesPubliees, famillesPubliques, salonsAnnonces } from "@achat-public/db";
import type { FamilleAchat } from "@achat-public/domain/programme";
import { familleDuCpv, fourchetteValeur } from "@achat-public/domain/programme";
import { LIBELLES_CLES } from "@achat-public/domain/regles";
import { guidesEntreprises, jourParis } from "@achat-public/domain/sourcage";
import type { DateLegale } from "@achat-public/domain/valeurs";
import { defineRoutes } from "../platform/routes";
import { sourcesVeille } from "../portail/portail.service";

const euros = (cents: number) => cents / 100;
const pourcentage = (pb: number | null) => (pb === null ? null : pb / 100);
const NATURES_LIBELLES: Record<string, string> = { travaux: "Travaux", fournitures: "Fournitures", services: "Services" };

/** The companies' public home (no account): built only from what the département already publishes. */
export const accueilEntreprisesRoutes = defineRoutes("Accueil public des entreprises", (r, ctx) => {
  r.read({
    method: "GET",
    url: "/api/public/entreprises/accueil",
    access: "public",
    summary:
      "Accueil des entreprises : ce que le département achète, les achats à venir, les consultations ouvertes, les attributions, le prochain salon, les guides",
    response: AccueilEntreprisesOutput,
    handler: async () => {
      const db = ctx.database.db;
      const aujourdhui = jourParis(ctx.clock.now()) as DateLegale;
      const annee = Number(aujourdhui.slice(0, 4));
      const trimestre = Math.floor((Number(aujourdhui.slice(5, 7)) - 1) / 3) + 1;
      const annees = [annee - 2, annee - 1, annee];
      const [achats, familles, aVenir, consultations, attributions, salons, clauses] = await Promise.all([
        achatsPublies(db, annees[0] as number),
        famillesPubliques(db),
        achatsAVenir(db, annee, trimestre, 12),
        sourcesVeille(ctx, db).consultations.lister(),
        attributionsRecentes(db, 10),
        salonsAnnonces(db, aujourdhui),
        clausesPubliees(db, `${annee - 1}-01-01`),
      ]);
      // by purchase family (the programme's nomenclature), works by nature, the rest « Autres achats »
      const parFamille = new Map<string, Map<number, { montant: number; nombre: number }>>();
      for (const a of achats) {
        const nature = a.nature as FamilleAchat["nature"];
        const famille =
          a.nature === "travaux"
            ? NATURES_LIBELLES.travaux
            : (familleDuCpv(familles as FamilleAchat[], nature, a.cpv.slice(0, 8))?.libelle ??
              `Autres ${(NATURES_LIBELLES[a.nature] ?? "achats").toLowerCase()}`);
        const cle = famille as string;
        const parAnnee = parFamille.get(cle) ?? new Map();
        const cumul = parAnnee.get(a.annee) ?? { montant: 0, nombre: 0 };
        parAnnee.set(a.annee, { montant: cumul.montant + a.montantHtCents, nombre: cumul.nombre + a.nombre });
        parFamille.set(cle, parAnnee);
      }
      const achatsParFamille = [...parFamille.entries()]
        .map(([famille, parAnnee]) => ({
          famille,
          montants: annees.map((an) => ({
            annee: an,
            montantHt: euros(parAnnee.get(an)?.montant ?? 0),
            nombre: parAnnee.get(an)?.nombre ?? 0,
          })),
        }))
        .sort((x, y) => y.montants.reduce((s, m) => s + m.montantHt, 0) - x.montants.reduce((s, m) => s + m.montantHt, 0));
      const guides = guidesEntreprises(aujourdhui);
      const salon = salons[0];
      return {
        achatsParFamille,
        annees,
        aVenir: aVenir.map((l) => ({
          id: l.id,
          annee: l.annee,
          trimestre: l.trimestre,
          objet: l.objet,
          cpv: l.cpv,
          direction: l.direction,
          fourchette: fourchetteValeur(l.valeurEstimeeHtCents).libelle,
          url: `/programme-public/${l.annee}/${l.id}`,
        })),
        consultations: consultations
          .sort((a, b) => a.dateLimiteReception.localeCompare(b.dateLimiteReception))
          .slice(0, 12)
          .map((c) => ({
            id: c.id,
            objet: c.objet,
            procedure: c.procedure,
            direction: c.direction,
            dateLimiteReception: c.dateLimiteReception,
            urlProfilAcheteur: c.urlProfilAcheteur,
          })),
        attributions: attributions.map((a) => ({
          id: a.id,
          objet: a.objet,
          procedure: a.procedure,
          direction: a.direction,
          dateNotification: a.dateNotification,
          montantHt: a.montantHtCents === null ? null : euros(a.montantHtCents),
          montantMaxHt: a.montantMaxHtCents === null ? null : euros(a.montantMaxHtCents),
          accordCadre: a.accordCadre,
          titulaires: a.titulaires,
        })),
        prochainSalon: salon
          ? {
              nom: salon.nom,
              date: salon.date,
              lieu: salon.lieu,
              heureOuverture: salon.heureOuverture,
              heureFermeture: salon.heureFermeture,
            }
          : null,
        clausesPubliees: { depuis: `${annee - 1}-01-01`, ...clauses },
        guides: {
          paiement: guides.paiement && {
            delaiJours: guides.paiement.delaiJours,
            indemniteForfaitaire: euros(guides.paiement.indemniteForfaitaireCents),
            exemple: {
              montantTtc: euros(guides.paiement.exemple.montantTtcCents),
              dateReception: guides.paiement.exemple.dateReception,
              datePaiement: guides.paiement.exemple.datePaiement,
              joursRetard: guides.paiement.exemple.joursRetard,
              tauxInterets: pourcentage(guides.paiement.exemple.tauxInteretsPointsDeBase),
              tauxBce: pourcentage(guides.paiement.exemple.tauxBcePointsDeBase),
              interetsMoratoires: euros(guides.paiement.exemple.interetsMoratoiresCents),
              dateLimiteVersementInterets: guides.paiement.exemple.dateLimiteVersementInterets,
            },
            fondements: guides.paiement.fondements,
          },
          avance: guides.avance && {
            montantMinimumHt: euros(guides.avance.montantMinimumHtCents),
            dureeMinimumMois: guides.avance.dureeMinimumMois,
            tauxMinimum: pourcentage(guides.avance.tauxMinimumPointsDeBase),
            tauxMinimumPme: pourcentage(guides.avance.tauxMinimumPmePointsDeBase),
            fondements: guides.avance.fondements,
          },
          clauses: guides.clauses.map((c) => ({
            obligation: LIBELLES_CLES[c.cle],
            applicableDepuis: c.applicableDepuis,
            fondements: c.fondements,
          })),
          sourcage: {
            texte: "CCP",
            article: "R2111-1",
            objet:
              "l'acheteur peut consulter les entreprises et réaliser des études de marché avant la consultation, sans fausser la concurrence",
          },
        },
      };
    },
  });
});
