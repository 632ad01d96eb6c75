import { Alert, Anchor, List } from "@mantine/core";
import { useEffect, useRef } from "react";
import { ApiError } from "../lib/api";
import { plural } from "../lib/format";

export interface ErrorAlertProps {
  error: unknown;
  title?: string;
  /**
   * The French label of each field of the form, by the first segment of the API's issue path
   * (`{ nomAffiche: "Prénom et nom" }`). With it, the summary names each problem by its field's label, once,
   * with a link that moves the focus to the field; never the API's field name.
   */
  labels?: Record<string, string>;
  /** The id of a field's input, for the summary's links (default `champ-<name>`). */
  fieldId?: (field: string) => string;
  /** Moves the focus to the summary when an error appears (after a submit). */
  focus?: boolean;
}

export const defaultFieldId = (field: string) => `champ-${field}`;

interface Item {
  field: string | null;
  label: string | null;
  message: string;
}

/** The problems of an error, each once, named by the labels of the form. */
export function problemsOf(error: ApiError, labels: Record<string, string>): Item[] {
  const seen = new Set<string>();
  const items: Item[] = [];
  for (const issue of error.issues) {
    const first = issue.path[0];
    const field = typeof first === "string" && Object.hasOwn(labels, first) ? first : null;
    const key = `${field ?? ""}\u0000${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    items.push({ field, label: field ? (labels[field] ?? null) : null, message: issue.message });
  }
  return items;
}

/**
 * Error summary of a form or a page, announced to screen readers: the French detail when no field is in
 * cause, otherwise the count and each field problem once, linked to its field.
 */
export function ErrorAlert({
  error,
  title = "L'opération n'a pas abouti",
  labels,
  fieldId = defaultFieldId,
  focus = false,
}: ErrorAlertProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus && error) ref.current?.focus();
  }, [focus, error]);
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : null;
  const requestId = apiError?.status === 500 && apiError.requestId ? <div>Identifiant de requête : {apiError.requestId}</div> : null;

  if (apiError && labels && apiError.issues.length > 0) {
    const items = problemsOf(apiError, labels);
    return (
      <Alert color="red" variant="light" title={title} role="alert" ref={ref} tabIndex={-1}>
        {items.length === 1 ? "Une erreur est à corriger :" : `${plural(items.length, "erreur")} sont à corriger :`}
        <List size="sm" mt="xs">
          {items.map((item) => (
            <List.Item key={`${item.field}-${item.message}`}>
              {item.field && item.label ? (
                <>
                  <Anchor
                    href={`#${fieldId(item.field)}`}
                    c="red.9"
                    underline="always"
                    onClick={(event) => {
                      const target = document.getElementById(fieldId(item.field ?? ""));
                      if (!target) return;
                      event.preventDefault();
                      target.focus();
                    }}
                  >
                    {item.label}
                  </Anchor>{" "}
                  : {item.message}
                </>
              ) : (
                item.message
              )}
            </List.Item>
          ))}
        </List>
        {requestId}
      </Alert>
    );
  }

  // Without labels (forms that name their fields themselves): the detail, and the problems when several.
  // The API's own detail of an invalid input lists the field names: a count replaces it.
  const rawDetail = apiError?.code === "INVALID_INPUT" && apiError.message.startsWith("La requête contient");
  const message = !apiError
    ? "Une erreur inattendue est survenue."
    : rawDetail
      ? `Le formulaire contient ${plural(apiError.issues.length, "erreur")} :`
      : apiError.message;
  return (
    <Alert color="red" variant="light" title={title} role="alert" ref={ref} tabIndex={-1}>
      {message}
      {apiError && (apiError.issues.length > 1 || rawDetail) && (
        <List size="sm" mt="xs">
          {apiError.issues.map((issue, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: two issues may carry the same message
            <List.Item key={i}>{issue.message}</List.Item>
          ))}
        </List>
      )}
      {requestId}
    </Alert>
  );
}
