/**
 * Validation of the exports against the OFFICIAL schemas, offline: DECP v2.0.3 (JSON Schema draft-07, ajv) and the
 * OCDS 1.1.5 release package (draft-04, ajv-draft-04) whose `$ref` to the release schema is served from the local
 * copy registered under its canonical URL. See schemas/PROVENANCE.md.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import AjvDraft04 from "ajv-draft-04";
import addFormatsModule from "ajv-formats";
import decpSchema from "./schemas/schema_decp_v2.0.3.json" with { type: "json" };
import releasePackageSchema from "./schemas/release-package-schema.json" with { type: "json" };
import releaseSchema from "./schemas/release-schema.json" with { type: "json" };

/** One schema error: where (JSON pointer in the document) and what (ajv's message). */
export interface ErreurSchema {
  chemin: string;
  message: string;
}

// ajv-formats is CommonJS: its default export is the plugin function.
const addFormats = addFormatsModule as unknown as (ajv: unknown) => void;

let decp: ValidateFunction | null = null;
let ocds: ValidateFunction | null = null;

function erreurs(list: ErrorObject[] | null | undefined): ErreurSchema[] {
  return (list ?? []).map((e) => ({
    chemin: e.instancePath || "/",
    message: `${e.message ?? "invalide"}${e.params && "allowedValues" in e.params ? ` (${(e.params.allowedValues as unknown[]).join(", ")})` : ""}`,
  }));
}

/** Errors of a DECP document against schema_decp_v2.0.3.json (empty: valid). */
export function validerDecp(document: unknown): ErreurSchema[] {
  if (!decp) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    decp = ajv.compile(decpSchema);
  }
  return decp(document) ? [] : erreurs(decp.errors);
}

/** Errors of an OCDS release package against release-package-schema.json 1.1.5 (empty: valid). */
export function validerOcds(document: unknown): ErreurSchema[] {
  if (!ocds) {
    const ajv = new AjvDraft04({ allErrors: true, strict: false });
    addFormats(ajv);
    ajv.addSchema(releaseSchema, "https://standard.open-contracting.org/schema/1__1__5/release-schema.json");
    ocds = ajv.compile(releasePackageSchema);
  }
  return ocds(document) ? [] : erreurs(ocds.errors);
}
