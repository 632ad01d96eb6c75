import { Anchor, Text } from "@mantine/core";
import { lazy, type ReactNode } from "react";
import { Link, Navigate, Route, Routes, useLocation } from "react-router";
import { useSession } from "../features/auth/session";
import { Chargement } from "../ui/Chargement";
import { Page } from "../ui/Page";
import { FEATURES } from "./features";
import { Layout } from "./Layout";
import { autorise, pagesDe, type FeaturePage } from "./registre";
import { CHEMIN_MOT_DE_PASSE, lienConnexion } from "./retour";

/** The routes, from the registry: each page's code is loaded on its first visit (Suspense is in Layout). */
const ROUTES = pagesDe(FEATURES).map((page) => ({ page, Composant: lazy(page.load) }));

function MotDePasseRequis() {
  return (
    <Page title="Choisissez d'abord votre mot de passe">
      <Text>
        Le mot de passe que vous avez reçu est provisoire : remplacez-le par un mot de passe que vous seul connaissez. Les autres pages
        s'ouvriront ensuite.
      </Text>
      <Anchor component={Link} to={CHEMIN_MOT_DE_PASSE} underline="always">
        Choisir mon mot de passe
      </Anchor>
    </Page>
  );
}

/**
 * Who may see a page: public pages open to anyone; the others need a session (the login page comes back
 * here afterwards), an account whose password is its own, and the page's permission.
 */
function Garde({ page, children }: { page: FeaturePage; children: ReactNode }) {
  const { utilisateur, loading } = useSession();
  const location = useLocation();
  if (page.permission === "public") return children;
  if (loading) return <Chargement texte="Chargement de la session…" />;
  if (!utilisateur) return <Navigate to={lienConnexion(location.pathname + location.search)} replace />;
  if (utilisateur.motDePasseAChanger && page.path !== CHEMIN_MOT_DE_PASSE) return <MotDePasseRequis />;
  if (
    !autorise(
      page.permission,
      utilisateur.permissions.map((p) => p.code),
    )
  ) {
    return (
      <Page title="Accès refusé">
        <Text>Votre rôle ne permet pas d'accéder à cette page.</Text>
        <Anchor component={Link} to="/" underline="always">
          Retour à l'accueil
        </Anchor>
      </Page>
    );
  }
  return children;
}

function NotFoundPage() {
  return (
    <Page title="Page introuvable">
      <Text>Cette adresse ne correspond à aucune page.</Text>
      <Anchor component={Link} to="/" underline="always">
        Retour à l'accueil
      </Anchor>
    </Page>
  );
}

/** The route map of the web app, built from the feature registry (app/features.ts). */
export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        {ROUTES.map(({ page, Composant }) => (
          <Route
            key={page.path}
            path={page.path}
            element={
              <Garde page={page}>
                <Composant />
              </Garde>
            }
          />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
