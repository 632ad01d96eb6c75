import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { Moi, SessionOutput, Theme } from "@achat-public/contracts";
import { api, setCsrfToken, setPasswordChangeRequiredHandler, setUnauthenticatedHandler } from "../../lib/api";

interface SessionState {
  utilisateur: Moi | null;
  theme: Theme;
  loading: boolean;
  /** Reloads the session (after login, logout or an expired session). */
  refresh(): Promise<void>;
  setSession(session: SessionOutput): void;
  can(permission: string): boolean;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ theme, children }: { theme: Theme; children: ReactNode }) {
  const [utilisateur, setUtilisateur] = useState<Moi | null>(null);
  const [loading, setLoading] = useState(true);

  const setSession = useCallback((session: SessionOutput) => {
    setCsrfToken(session.csrfToken);
    setUtilisateur(session.utilisateur);
  }, []);

  const refresh = useCallback(async () => {
    try {
      setSession(await api<SessionOutput>("GET", "/api/auth/session"));
    } finally {
      setLoading(false);
    }
  }, [setSession]);

  useEffect(() => {
    setUnauthenticatedHandler(() => void refresh());
    // the session learns that the password must change (an administrator reset it): the pages then say so
    setPasswordChangeRequiredHandler(() => void refresh());
    void refresh();
  }, [refresh]);

  const value = useMemo<SessionState>(
    () => ({
      utilisateur,
      theme,
      loading,
      refresh,
      setSession,
      can: (permission) => utilisateur?.permissions.some((p) => p.code === permission) ?? false,
    }),
    [utilisateur, theme, loading, refresh, setSession],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}
