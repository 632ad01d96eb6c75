import type { Problem } from "@achat-public/contracts";

/** An error answered by the API (problem+json), or a network failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: Problem["issues"] = [],
    readonly requestId: string | null = null,
  ) {
    super(message);
  }

  /** The message of the first issue on a field, to show under that field. */
  fieldError(field: string): string | undefined {
    return this.issues.find((i) => i.path[0] === field)?.message;
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;
let onPasswordChangeRequired: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

/** Called when the API refuses a call because the account must first choose its own password. */
export function setPasswordChangeRequiredHandler(handler: () => void): void {
  onPasswordChangeRequired = handler;
}

async function send<T>(method: string, path: string, headers: Record<string, string>, body?: BodyInit): Promise<T> {
  if (method !== "GET" && csrfToken) headers["X-CSRF-Token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: "same-origin", ...(body !== undefined ? { body } : {}) });
  } catch {
    throw new ApiError(0, "NETWORK", "Le serveur ne répond pas : vérifiez votre connexion puis réessayez.");
  }
  if (response.status === 204) return undefined as T;
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const p = data as Partial<Problem> | null;
    if (response.status === 401 && p?.code === "UNAUTHENTICATED") onUnauthenticated?.();
    if (response.status === 403 && p?.code === "PASSWORD_CHANGE_REQUIRED") onPasswordChangeRequired?.();
    throw new ApiError(
      response.status,
      p?.code ?? "UNKNOWN",
      p?.detail ?? `Erreur ${response.status}`,
      p?.issues ?? [],
      p?.requestId ?? null,
    );
  }
  return data as T;
}

/** Calls the API: JSON in and out, CSRF token on every change, problem+json turned into ApiError. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  return send<T>(method, path, headers, body !== undefined ? JSON.stringify(body) : undefined);
}

/** Sends a file as the raw body of a POST (`application/octet-stream`), with the CSRF token. */
export async function upload<T>(path: string, file: Blob): Promise<T> {
  return send<T>("POST", path, { Accept: "application/json", "Content-Type": "application/octet-stream" }, file);
}

export const query = (params: Record<string, string | number | undefined | null>): string => {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== "");
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}` : "";
};

/**
 * `upload` with the progress of the sending (XMLHttpRequest: fetch does not report upload progress), for large
 * files: `progression(fraction)` from 0 to 1 while the bytes leave, then the server works.
 */
export function uploadAvecProgression<T>(path: string, file: Blob, progression: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", path);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    if (csrfToken) xhr.setRequestHeader("X-CSRF-Token", csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) progression(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, "NETWORK", "Le serveur ne répond pas : vérifiez votre connexion puis réessayez."));
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as T);
      const p = data as Partial<Problem> | null;
      if (xhr.status === 401 && p?.code === "UNAUTHENTICATED") onUnauthenticated?.();
      reject(new ApiError(xhr.status, p?.code ?? "UNKNOWN", p?.detail ?? `Erreur ${xhr.status}`, p?.issues ?? [], p?.requestId ?? null));
    };
    xhr.send(file);
  });
}
