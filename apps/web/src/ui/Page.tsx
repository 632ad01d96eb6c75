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

/**
 * One page: sets the document title, renders the single h1, and moves focus to it when the page opens so
 * that screen-reader users hear where they landed after a navigation.
 */
export function Page({ title, intro, actions, children }: PageProps) {
  const { theme } = useSession();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} — achat-public — ${theme.nomOrganisation}`;
    heading.current?.focus();
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
