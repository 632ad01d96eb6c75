import { Alert, Button, FileInput, Group, Progress, Text } from "@mantine/core";
import { useState } from "react";
import type { RapportDecpOutput } from "@achat-public/contracts";
import { uploadAvecProgression } from "../../lib/api";
import { SUCCESS } from "../../ui/colors";
import { DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Page } from "../../ui/Page";

const AFFICHES = 200;

function telecharger(rapport: RapportDecpOutput, nom: string) {
  const lignes = [
    "index;chemin;message",
    ...rapport.problemes.map((p) => [p.index, p.chemin, p.message].map((v) => `"${String(v).replace(/"/g, '""')}"`).join(";")),
  ];
  const url = URL.createObjectURL(new Blob([`\uFEFF${lignes.join("\r\n")}\r\n`], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = `rapport-import-${nom.replace(/\.[^.]+$/, "")}.csv`;
  a.click();
  URL.revokeObjectURL(url);
}

/** Page "/donnees/import" (administrator): import a published DECP file; the report, downloadable. */
export default function ImportDecpPage() {
  const [fichier, setFichier] = useState<File | null>(null);
  const [envoi, setEnvoi] = useState<number | null>(null);
  const [erreur, setErreur] = useState<unknown>(null);
  const [rapport, setRapport] = useState<RapportDecpOutput | null>(null);
  const importer = async () => {
    if (!fichier) return;
    setErreur(null);
    setRapport(null);
    setEnvoi(0);
    try {
      const r = await uploadAvecProgression<RapportDecpOutput>(
        `/api/decp/imports?nomFichier=${encodeURIComponent(fichier.name)}`,
        fichier,
        setEnvoi,
      );
      setRapport(r);
    } catch (e) {
      setErreur(e);
    } finally {
      setEnvoi(null);
    }
  };
  return (
    <Page
      title="Import des DECP"
      intro={
        <Text>
          Importez un fichier de données essentielles publié par n'importe quel acheteur : JSON 2019 ({"{"}"marches": […]{"}"}), JSON ou XML
          2022, ou la table consolidée CSV. Réimporter le même fichier n'ajoute rien. Au-delà de 200 Mo, utilisez la commande « decp
          importer ».
        </Text>
      }
    >
      <Group align="flex-end">
        <FileInput
          label="Fichier DECP"
          accept=".json,.xml,.csv"
          value={fichier}
          onChange={setFichier}
          clearable
          clearButtonProps={{ "aria-label": "Retirer le fichier choisi" }}
          w={360}
        />
        <Button onClick={importer} disabled={!fichier || envoi !== null} loading={envoi !== null}>
          Importer
        </Button>
      </Group>
      {envoi !== null && (
        <div>
          <Text size="sm" id="progression-decp">
            {envoi < 1 ? `Envoi du fichier : ${Math.round(envoi * 100)} %` : "Fichier envoyé : lecture et écriture en cours…"}
          </Text>
          <Progress value={envoi < 1 ? envoi * 100 : 100} animated={envoi >= 1} aria-labelledby="progression-decp" />
        </div>
      )}
      <div aria-live="polite">
        <ErrorAlert error={erreur} title="Import refusé" />
        {rapport && (
          <Alert color={SUCCESS} variant="outline" title="Fichier lu">
            {`${rapport.total.toLocaleString("fr-FR")} enregistrements : ${rapport.importes.toLocaleString("fr-FR")} importés, ` +
              `${rapport.rejetes.toLocaleString("fr-FR")} rejetés, ${rapport.doublons.toLocaleString("fr-FR")} déjà présents ; ` +
              `${rapport.avertissements.toLocaleString("fr-FR")} avertissements.`}
          </Alert>
        )}
      </div>
      {rapport && rapport.problemes.length > 0 && (
        <>
          <Group>
            <Button variant="outline" onClick={() => telecharger(rapport, fichier?.name ?? "decp")}>
              Télécharger le rapport (CSV)
            </Button>
          </Group>
          <DataTable
            caption={`Problèmes relevés${rapport.problemes.length > AFFICHES ? ` (les ${AFFICHES} premiers ; le rapport téléchargé les contient tous)` : ""}`}
            rows={rapport.problemes.slice(0, AFFICHES).map((p, i) => ({ ...p, i }))}
            rowKey={(p) => String(p.i)}
            columns={[
              { key: "index", header: "Enregistrement", render: (p) => String(p.index) },
              { key: "chemin", header: "Champ", render: (p) => p.chemin || "—" },
              { key: "message", header: "Message", principale: true, render: (p) => p.message },
            ]}
          />
        </>
      )}
    </Page>
  );
}
