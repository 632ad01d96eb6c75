import { selectRows, sql, type Database } from "@achat-public/db";
import type { TestClient } from "./harness";

/** The last mail sent to `email` (kept in the `courriels` table: the tests run without SMTP unless they start one). */
export async function dernierCourriel(database: Database, email: string): Promise<{ sujet: string; texte: string } | null> {
  const rows = await selectRows<{ sujet: string; texte: string }>(
    database.db,
    sql`select sujet, texte from courriels where ${email} = any(destinataires) order by created_at desc, id desc limit 1`,
  );
  return rows[0] ?? null;
}

/** The token of the link in a mail's text (`…?jeton=XYZ`). */
export function jetonDuLien(texte: string): string {
  const match = /jeton=([^\s&]+)/.exec(texte);
  if (!match?.[1]) throw new Error(`pas de lien dans : ${texte}`);
  return decodeURIComponent(match[1]);
}

export const MOT_DE_PASSE_ENTREPRISE = "girafe bleue sur un tabouret de cuisine";

/**
 * Registers a company through the API as a visitor would, confirms its e-mail with the link of the mail, and logs
 * the client in. `remoteAddress` varies the address (registrations are throttled per address).
 */
export async function inscrireEtConfirmer(
  client: TestClient,
  database: Database,
  input: { siret: string; raisonSociale: string; email: string; nomAffiche?: string },
  remoteAddress = "10.0.0.1",
): Promise<void> {
  const inscription = await client.request(
    "POST",
    "/api/entreprises/inscription",
    { nomAffiche: "Camille Dupont", motDePasse: MOT_DE_PASSE_ENTREPRISE, ...input },
    { remoteAddress },
  );
  if (inscription.status !== 201) throw new Error(`inscription : ${inscription.status} ${JSON.stringify(inscription.body)}`);
  const mail = await dernierCourriel(database, input.email.toLowerCase());
  if (!mail) throw new Error("aucun courriel de confirmation");
  const confirmation = await client.request("POST", "/api/entreprises/confirmation", { jeton: jetonDuLien(mail.texte) });
  if (confirmation.status !== 200) throw new Error(`confirmation : ${confirmation.status} ${JSON.stringify(confirmation.body)}`);
  const login = await client.login(input.email, MOT_DE_PASSE_ENTREPRISE);
  if (login.status !== 200) throw new Error(`connexion : ${login.status} ${JSON.stringify(login.body)}`);
}

/** Valid SIRETs (Luhn) for the tests, from 13 digits. */
export function siretValide(treize: string): string {
  for (let d = 0; d <= 9; d++) {
    const candidat = `${treize}${d}`;
    let sum = 0;
    for (let i = 0; i < 14; i++) {
      let digit = Number(candidat[13 - i]);
      if (i % 2 === 1) {
        digit *= 2;
        if (digit > 9) digit -= 9;
      }
      sum += digit;
    }
    if (sum % 10 === 0) return candidat;
  }
  throw new Error("inaccessible");
}
