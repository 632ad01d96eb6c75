import { Stack, Title } from "@mantine/core";
import { useEffect, useRef, type ReactNode } from "react";
import { useLocation } from "react-router";
import { useSession } from "../features/auth/session";

export interface PageProps {
  title: string;
  /** Short text under the title. */
  intro?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}

/**
 * The path of the last page rendered; null until the first one: a fresh load keeps the browser's focus (skip link
 * first). Only a change of path moves the focus: a page whose title changes once its data has loaded (« Marché
 * 2025-0001 »), or whose filters change the query string, keeps it where it is.
 */
let dernierChemin: string | null = null;

/**
 * One page: sets the document title, renders the single h1, and after a client-side navigation moves focus
 * to it, so that screen-reader users hear where they landed.
 */
export function Page({ title, intro, actions, children }: PageProps) {
  const { theme } = useSession();
  const heading = useRef<HTMLHeadingElement>(null);
  const { pathname } = useLocation();
  useEffect(() => {
    document.title = `${title} — achat-public — ${theme.nomOrganisation}`;
  }, [title, theme.nomOrganisation]);
  useEffect(() => {
    if (dernierChemin !== null && dernierChemin !== pathname) heading.current?.focus();
    dernierChemin = pathname;
  }, [pathname]);
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={1} ref={heading} tabIndex={-1} style={{ outline: "none" }}>
          {title}
        </Title>
        {intro}
      </Stack>
      {actions}
      {children}
    </Stack>
  );
}
