import { Text } from "@mantine/core";
import { AUCUN_NOM, lignesDonnees, type Noms } from "./donnees";

/** The data of an event (audit or security) as a definition list, the raw JSON folded for experts. */
export function Donnees({ donnees, noms = AUCUN_NOM, type }: { donnees: unknown; noms?: Noms; type?: string }) {
  const lignes = lignesDonnees(donnees, noms);
  return (
    <>
      {lignes.length === 0 ? (
        <Text size="sm">Aucune donnée</Text>
      ) : (
        <dl className="donnees-lisibles">
          {lignes.map((ligne) => (
            <div key={ligne.champ || ligne.libelle}>
              <dt>{ligne.libelle}</dt>
              <dd>
                {ligne.avant !== undefined ? (
                  <>
                    {ligne.avant} <span aria-hidden="true">→</span>
                    <span className="visually-hidden-inline"> devient </span> {ligne.valeur}
                  </>
                ) : (
                  ligne.valeur
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
      <details>
        <summary>
          <Text component="span" size="xs">
            Données techniques
          </Text>
        </summary>
        {type && (
          <Text size="xs">
            Type : <code>{type}</code>
          </Text>
        )}
        <pre className="json-view">{JSON.stringify(donnees, null, 2)}</pre>
      </details>
    </>
  );
}
