import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";
import * as fr from "@zxcvbn-ts/language-fr";
import type { PasswordStrength } from "@achat-public/domain";

let factory: ZxcvbnFactory | null = null;

/** French hints for the estimator's feedback keys we may show (the rest falls back to a generic hint). */
const SUGGESTIONS: Record<string, string> = {
  keyPattern: "évitez les suites de touches du clavier (azerty, qwerty…)",
  sequences: "évitez les suites comme abc ou 123",
  repeated: "évitez les répétitions",
  dates: "évitez les dates et les années",
  commonWords: "évitez les mots courants seuls",
  namesByThemselves: "évitez les prénoms et les noms",
  userInputs: "évitez votre nom et votre adresse électronique",
};

/**
 * zxcvbn-ts with its common, English and French dictionaries (passwords, names, words): it recognises
 * `qwerty123456`, `azerty12345678` or `iloveyou1234` as guessable, whatever their length.
 */
export function zxcvbnPasswordStrength(): PasswordStrength {
  return {
    estimate(password, userInputs) {
      // the dictionaries ranked at the first estimate, not at start-up (about a second: every CLI command paid it)
      factory ??= new ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...en.dictionary, ...fr.dictionary },
        graphs: common.adjacencyGraphs,
        translations: fr.translations,
      });
      // beyond 100 characters the estimate only grows; cap its work (it is quadratic on some patterns)
      const result = factory.check(password.slice(0, 100), [...userInputs]);
      const sequence = result.sequence.find((m) => m.pattern !== "bruteforce");
      const key =
        sequence?.pattern === "spatial"
          ? "keyPattern"
          : sequence?.pattern === "sequence"
            ? "sequences"
            : sequence?.pattern === "repeat"
              ? "repeated"
              : sequence?.pattern === "date"
                ? "dates"
                : sequence?.pattern === "dictionary"
                  ? (sequence as { dictionaryName?: string }).dictionaryName === "userInputs"
                    ? "userInputs"
                    : "commonWords"
                  : null;
      return { score: result.score, suggestion: key ? (SUGGESTIONS[key] ?? null) : null };
    },
  };
}
