import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import ICAL from "ical.js";
import { selectRows, sql } from "@achat-public/db";
import { testTargets } from "@achat-public/db/testing";
import type { ConsultationOuverte } from "@achat-public/domain/portail";
import { apiTest, type ApiTest, type TestClient } from "../testing/harness";
import { inscrireEtConfirmer, jetonDuLien, siretValide } from "../testing/entreprises";
import { TestSmtpServer } from "../testing/smtp";
import { envoyerSynthesePortail, preparerSynthesesPortail } from "./portail.jobs";
import { definirConsultationsOuvertes } from "./portail.service";

const CONSULTATIONS: ConsultationOuverte[] = [
  {
    id: "5f0c2d64-1111-4a4a-9b9b-000000000001",
    objet: "Maintenance des ordinateurs des collèges",
    lots: [
      { numero: 1, objet: "Postes fixes", cpv: "50312000-5" },
      { numero: 2, objet: "Portables", cpv: "30213100-6" },
    ],
    cpv: "50312000-5",
    procedure: "appel d'offres ouvert",
    dateLimiteReception: "2027-03-15T11:00:00.000Z",
    direction: "Direction de l'éducation",
    urlProfilAcheteur: "https://marches.exemple.fr/consultation/42",
  },
  {
    id: "5f0c2d64-1111-4a4a-9b9b-000000000002",
    objet: "Travaux de toiture du gymnase",
    lots: [],
    cpv: "45261000-4",
    procedure: "procédure adaptée",
    dateLimiteReception: "2027-04-01T10:00:00.000Z",
    direction: "Direction des bâtiments",
    urlProfilAcheteur: null,
  },
];

const rssItems = (xml: string): { title: string; link: string; guid: unknown; description: string }[] => {
  assert.equal(XMLValidator.validate(xml), true, "well-formed XML");
  const doc = new XMLParser({ ignoreAttributes: false }).parse(xml);
  assert.equal(doc.rss["@_version"], "2.0");
  assert.ok(doc.rss.channel.title && doc.rss.channel.link && doc.rss.channel.description, "RSS 2.0 required channel elements");
  const items = doc.rss.channel.item ?? [];
  return Array.isArray(items) ? items : [items];
};

for (const target of testTargets()) {
  describe(`portail : recherches enregistrées, synthèses, flux et calendrier (${target.name})`, () => {
    let smtp: TestSmtpServer;
    let kit: ApiTest;
    let alpha: TestClient;
    let beta: TestClient;
    const EMAIL = "veille@alpha-informatique.fr";

    before(async () => {
      smtp = new TestSmtpServer();
      const smtpUrl = await smtp.start();
      kit = await apiTest(target, {
        mail: { smtpUrl, from: "achat-public <test@achat-public.local>" },
        jobs: { workers: true, pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1, retryDelaySeconds: 1 },
      });
      definirConsultationsOuvertes(kit.ctx, { lister: async () => CONSULTATIONS });
      alpha = kit.anonymous();
      beta = kit.anonymous();
      await inscrireEtConfirmer(
        alpha,
        kit.database,
        { siret: siretValide("5100000010001"), raisonSociale: "Alpha Informatique", email: EMAIL },
        "10.2.0.1",
      );
      await inscrireEtConfirmer(
        beta,
        kit.database,
        { siret: siretValide("5200000020001"), raisonSociale: "Bêta", email: "beta@beta.fr" },
        "10.2.0.2",
      );
      // a published programme line (supplies, CPV 302…)
      const admin = await kit.as("admin");
      const central = await kit.as("acheteur-central");
      const acheteur = await kit.as("acheteur");
      assert.equal(
        (
          await admin.request("POST", "/api/programme/familles", {
            code: "f-info",
            libelle: "Informatique",
            nature: "fournitures",
            prefixesCpv: ["302"],
          })
        ).status,
        201,
      );
      let l = (
        await acheteur.request("POST", "/api/programme/lignes", {
          annee: 2027,
          directionId: kit.directionId,
          objet: "Ordinateurs portables des collèges",
          nature: "fournitures",
          cpv: "30213100-6",
          valeurEstimeeHt: 35000,
          trimestre: 2,
          dureeMois: 12,
          renouvellement: false,
        })
      ).body;
      l = (await acheteur.request("POST", `/api/programme/lignes/${l.id}/soumettre`, { version: l.version })).body;
      l = (await central.request("POST", `/api/programme/lignes/${l.id}/valider`, { version: l.version })).body;
      l = (await central.request("POST", `/api/programme/lignes/${l.id}/publier`, { version: l.version })).body;
      assert.equal(l.statut, "publiee");
    });
    after(async () => {
      await kit.close();
      await smtp.stop();
    });

    it("saves a search (every bad criterion named), mails the matching new items once, with a working unsubscribe link", async () => {
      const bad = await alpha.request("POST", "/api/entreprise/recherches", {
        nom: "x",
        frequence: "mensuelle",
        prefixesCpv: ["3a"],
        departement: "99",
        montantMinHt: 500,
        montantMaxHt: 100,
      });
      assert.equal(bad.status, 400);
      const champs = bad.body.issues.map((i: { path: (string | number)[] }) => i.path.join("."));
      for (const c of ["nom", "frequence", "prefixesCpv.0", "departement", "montantMaxHt"])
        assert.ok(champs.includes(c), `${c} dans ${champs}`);

      const cree = await alpha.request("POST", "/api/entreprise/recherches", {
        nom: "Informatique des collèges",
        frequence: "quotidienne",
        prefixesCpv: ["302"],
        motsCles: [],
        departement: "94",
        montantMinHt: null,
        montantMaxHt: null,
      });
      assert.equal(cree.status, 201, JSON.stringify(cree.body));
      assert.match(cree.body.fluxUrl, /^http:\/\/localhost:3000\/api\/public\/recherches\/.+\/flux\.rss$/);

      assert.equal(await preparerSynthesesPortail(kit.ctx), 1);
      await smtp.waitFor((mails) => mails.some((m) => m.to.includes(EMAIL) && /nouveauté/.test(m.subject)));
      const mail = smtp.received.find((m) => m.to.includes(EMAIL) && /nouveauté/.test(m.subject));
      assert.match(mail?.subject ?? "", /2 nouveautés pour « Informatique des collèges »/);
      assert.match(mail?.text ?? "", /Ordinateurs portables des collèges \(moins de 40 000 € HT\)/);
      assert.match(mail?.text ?? "", /Maintenance des ordinateurs des collèges .*https:\/\/marches\.exemple\.fr\/consultation\/42/);
      assert.doesNotMatch(mail?.text ?? "", /toiture/, "the consultation of another CPV is not sent");
      assert.doesNotMatch(mail?.text ?? "", /35 000/, "never the exact estimated value");

      // never twice the same item: a second run finds nothing new
      assert.equal(await envoyerSynthesePortail(kit.ctx, cree.body.id), false);
      const [envois] = await selectRows<{ n: number }>(
        kit.database.db,
        sql`select count(*)::int as n from recherches_envois where recherche_id = ${cree.body.id}`,
      );
      assert.equal(envois?.n, 2);
      const lien = /Ne plus recevoir ces alertes : (\S+)/.exec(mail?.text ?? "")?.[1] ?? "";
      assert.match(lien, /^http:\/\/localhost:3000\/entreprises\/desabonnement\?jeton=/);
      const jeton = jetonDuLien(lien);
      const visiteur = kit.anonymous();
      const faux = await visiteur.request("POST", "/api/public/desabonnement", { jeton: `${jeton.slice(0, -2)}xx` });
      assert.equal(faux.status, 400);
      assert.deepEqual(faux.body.issues[0].path, ["jeton"]);
      const ok = await visiteur.request("POST", "/api/public/desabonnement", { jeton });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.match(ok.body.message, /Informatique des collèges/);
      const liste = await alpha.request("GET", "/api/entreprise/recherches");
      assert.equal(liste.body.recherches[0].alertesActives, false);
      assert.equal(await preparerSynthesesPortail(kit.ctx), 0, "no digest after unsubscribing");
    });

    it("serves the public RSS 2.0 feed filtered like the pages, cacheable (ETag, 304), each problem named", async () => {
      const anonyme = kit.anonymous();
      const tout = await anonyme.request("GET", "/api/public/flux.rss");
      assert.equal(tout.status, 200);
      assert.match(String(tout.headers["content-type"]), /application\/rss\+xml/);
      assert.equal(rssItems(tout.body).length, 3);
      const info = await anonyme.request("GET", "/api/public/flux.rss?cpv=302&departement=94");
      const titres = rssItems(info.body).map((i) => i.title);
      assert.deepEqual(titres.sort(), [
        "Consultation : Maintenance des ordinateurs des collèges",
        "Programme : Ordinateurs portables des collèges",
      ]);
      assert.equal(rssItems((await anonyme.request("GET", "/api/public/flux.rss?q=toiture%20gymnase")).body).length, 1);
      assert.equal(
        rssItems((await anonyme.request("GET", "/api/public/flux.rss?cpv=302&montantMin=50000")).body).length,
        1,
        "the line's range is below",
      );
      assert.equal(rssItems((await anonyme.request("GET", "/api/public/flux.rss?departement=93")).body).length, 0);
      const bad = await anonyme.request("GET", "/api/public/flux.rss?cpv=3&montantMin=abc&departement=999");
      assert.equal(bad.status, 400);
      assert.deepEqual(bad.body.issues.map((i: { path: string[] }) => i.path[0]).sort(), ["cpv", "departement", "montantMin"]);
      const etag = String(info.headers.etag);
      assert.match(String(info.headers["cache-control"]), /max-age/);
      const encore = await anonyme.request("GET", "/api/public/flux.rss?cpv=302&departement=94", undefined, {
        headers: { "if-none-match": etag },
      });
      assert.equal(encore.status, 304);
    });

    it("gives each search a private feed address, renewed (old one revoked) or revoked on demand, never another company's", async () => {
      const cree = await alpha.request("POST", "/api/entreprise/recherches", {
        nom: "Travaux",
        frequence: "hebdomadaire",
        prefixesCpv: ["45"],
      });
      const chemin = (url: string) => new URL(url).pathname;
      const anonyme = kit.anonymous();
      const flux = await anonyme.request("GET", chemin(cree.body.fluxUrl));
      assert.equal(flux.status, 200);
      assert.deepEqual(
        rssItems(flux.body).map((i) => i.title),
        ["Consultation : Travaux de toiture du gymnase"],
      );
      assert.equal(
        (await anonyme.request("GET", `${chemin(cree.body.fluxUrl).replace(/\.[^./]+\/flux\.rss$/, ".devine/flux.rss")}`)).status,
        400,
      );

      assert.equal((await beta.request("POST", `/api/entreprise/recherches/${cree.body.id}/flux`, { actif: false })).status, 404);
      assert.equal((await beta.request("DELETE", `/api/entreprise/recherches/${cree.body.id}`)).status, 404);
      assert.deepEqual((await beta.request("GET", "/api/entreprise/recherches")).body.recherches, []);

      const renouvele = await alpha.request("POST", `/api/entreprise/recherches/${cree.body.id}/flux`, { actif: true });
      assert.equal(renouvele.status, 200);
      assert.notEqual(renouvele.body.fluxUrl, cree.body.fluxUrl);
      assert.equal((await anonyme.request("GET", chemin(cree.body.fluxUrl))).status, 400, "old address revoked");
      assert.equal((await anonyme.request("GET", chemin(renouvele.body.fluxUrl))).status, 200);
      const revoque = await alpha.request("POST", `/api/entreprise/recherches/${cree.body.id}/flux`, { actif: false });
      assert.equal(revoque.body.fluxUrl, null);
      assert.equal((await anonyme.request("GET", chemin(renouvele.body.fluxUrl))).status, 400);
      assert.equal((await alpha.request("DELETE", `/api/entreprise/recherches/${cree.body.id}`)).status, 204);
    });

    it("serves an iCalendar of the tender deadlines and the fairs, one VEVENT each with a stable UID", async () => {
      const anonyme = kit.anonymous();
      const a = await anonyme.request("GET", "/api/public/calendrier.ics");
      assert.equal(a.status, 200);
      assert.match(String(a.headers["content-type"]), /text\/calendar/);
      const cal = new ICAL.Component(ICAL.parse(a.body));
      const events = cal.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
      assert.equal(events.length, CONSULTATIONS.length);
      const maintenance = events.find((e) => e.summary.includes("Maintenance"));
      assert.equal(maintenance?.startDate.toJSDate().toISOString(), "2027-03-15T11:00:00.000Z");
      assert.match(maintenance?.description ?? "", /marches\.exemple\.fr/);
      const b = await anonyme.request("GET", "/api/public/calendrier.ics");
      const uids = (body: string) =>
        new ICAL.Component(ICAL.parse(body)).getAllSubcomponents("vevent").map((v) => v.getFirstPropertyValue("uid"));
      assert.deepEqual(uids(b.body), uids(a.body));
      assert.equal(new Set(uids(a.body)).size, events.length);
    });
  });
}
