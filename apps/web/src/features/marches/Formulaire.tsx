import { Button, Checkbox, Group, NativeSelect, Stack, Textarea, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { ErrorAlert } from "../../ui/ErrorAlert";

export interface Champ {
  nom: string;
  libelle: string;
  type?: "texte" | "date" | "montant" | "entier" | "choix" | "case" | "long";
  choix?: { value: string; label: string }[];
  requis?: boolean;
  aide?: string;
}

/** A small form of the contract page: French labels, every server problem under its field and in a summary. */
export function Formulaire({
  titre,
  champs,
  bouton,
  envoyer,
  initial = {},
}: {
  titre: string;
  champs: Champ[];
  bouton: string;
  envoyer: (valeurs: Record<string, unknown>) => Promise<unknown>;
  initial?: Record<string, string | boolean>;
}) {
  const [valeurs, setValeurs] = useState<Record<string, string | boolean>>(initial);
  const [erreur, setErreur] = useState<unknown>(null);
  const [enCours, setEnCours] = useState(false);
  const labels = Object.fromEntries(champs.map((c) => [c.nom, c.libelle]));
  const soumettre = async (e: FormEvent) => {
    e.preventDefault();
    setEnCours(true);
    setErreur(null);
    const corps: Record<string, unknown> = {};
    for (const c of champs) {
      const v = valeurs[c.nom];
      if (c.type === "case") corps[c.nom] = v === true;
      else if (v === undefined || v === "") corps[c.nom] = c.requis ? "" : null;
      else if (c.type === "montant") corps[c.nom] = Number(String(v).replace(/\s/g, "").replace(",", "."));
      else if (c.type === "entier") corps[c.nom] = Number(v);
      else corps[c.nom] = v;
    }
    try {
      await envoyer(corps);
      setValeurs(initial);
    } catch (error) {
      setErreur(error);
    } finally {
      setEnCours(false);
    }
  };
  const id = (nom: string) => `champ-${nom}`;
  const set = (nom: string, v: string | boolean) => setValeurs((old) => ({ ...old, [nom]: v }));
  return (
    <form onSubmit={soumettre} aria-label={titre} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={erreur} labels={labels} title={`${titre} : refusé`} focus />
        <Group align="end" wrap="wrap">
          {champs.map((c) =>
            c.type === "choix" ? (
              <NativeSelect
                key={c.nom}
                id={id(c.nom)}
                label={c.libelle}
                data={c.choix ?? []}
                value={String(valeurs[c.nom] ?? "")}
                onChange={(e) => set(c.nom, e.currentTarget.value)}
              />
            ) : c.type === "case" ? (
              <Checkbox
                key={c.nom}
                id={id(c.nom)}
                label={c.libelle}
                checked={valeurs[c.nom] === true}
                onChange={(e) => set(c.nom, e.currentTarget.checked)}
              />
            ) : c.type === "long" ? (
              <Textarea
                key={c.nom}
                id={id(c.nom)}
                label={c.libelle}
                description={c.aide}
                value={String(valeurs[c.nom] ?? "")}
                onChange={(e) => set(c.nom, e.currentTarget.value)}
                w="100%"
              />
            ) : (
              <TextInput
                key={c.nom}
                id={id(c.nom)}
                label={c.libelle}
                description={c.aide}
                type={c.type === "date" ? "date" : "text"}
                inputMode={c.type === "montant" ? "decimal" : c.type === "entier" ? "numeric" : undefined}
                required={c.requis}
                value={String(valeurs[c.nom] ?? "")}
                onChange={(e) => set(c.nom, e.currentTarget.value)}
              />
            ),
          )}
        </Group>
        <Group>
          <Button type="submit" loading={enCours}>
            {bouton}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
