import { Alert, List } from "@mantine/core";
import { ApiError } from "../lib/api";

/** Error summary for a form or a page: the French detail and every field problem, announced to screen readers. */
export function ErrorAlert({ error, title = "L'opération n'a pas abouti" }: { error: unknown; title?: string }) {
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : null;
  const message = apiError ? apiError.message : "Une erreur inattendue est survenue.";
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      {message}
      {apiError && apiError.issues.length > 1 && (
        <List size="sm" mt="xs">
          {apiError.issues.map((issue, i) => (
            <List.Item key={i}>{issue.message}</List.Item>
          ))}
        </List>
      )}
      {apiError?.status === 500 && apiError.requestId && <div>Identifiant de requête : {apiError.requestId}</div>}
    </Alert>
  );
}
