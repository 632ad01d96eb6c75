import "@mantine/core/styles.css";
import "./app/global.css";
import { MantineProvider } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import type { Theme } from "@achat-public/contracts";
import { App } from "./app/App";
import { buildTheme, contrastResolver } from "./app/theme";
import { SessionProvider } from "./features/auth/session";
import { api } from "./lib/api";

const FALLBACK_THEME: Theme = { nomOrganisation: "", couleurPrincipale: "#005a9c", logoUrl: "/api/theme/logo", demo: false };

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: (count, error) => count < 2 && (error as { status?: number }).status === 0, staleTime: 10_000 } },
});

async function start() {
  // The collectivité's name, colour and logo come from the server configuration.
  const theme = await api<Theme>("GET", "/api/theme").catch(() => FALLBACK_THEME);
  const root = document.getElementById("root");
  if (!root) throw new Error("index.html n'a pas d'élément #root");
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={buildTheme(theme.couleurPrincipale)} cssVariablesResolver={contrastResolver}>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <SessionProvider theme={theme}>
              <App />
            </SessionProvider>
          </BrowserRouter>
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  );
}

void start();
