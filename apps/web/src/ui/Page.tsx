import { Stack, Title } from "@mantine/core";
import { useEffect, useRef, type ReactNode } from "react";
import { useSession } from "../features/auth/session";

export interface PageProps {
  title: string;
  /** Short text under the title. */
  intro?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}

/** False until the first page has rendered: a fresh load keeps the browser's focus (skip link first). */
let navigated = false;

/**
 * One page: sets the document title, renders the single h1, and after a client-side navigation moves focus
 * to it, so that screen-reader users hear where they landed.
 */
export function Page({ title, intro, actions, children }: PageProps) {
  const { theme } = useSession();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} — achat-public — ${theme.nomOrganisation}`;
    if (navigated) heading.current?.focus();
    navigated = true;
  }, [title, theme.nomOrganisation]);
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
