import { Center, Loader, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { Link, Navigate, Route, Routes, useLocation } from "react-router";
import { AuditPage } from "../features/audit/AuditPage";
import { HomePage } from "../features/accueil/HomePage";
import { LoginPage } from "../features/auth/LoginPage";
import { useSession } from "../features/auth/session";
import { OrganisationPage } from "../features/organisation/OrganisationPage";
import { SimulateurPage } from "../features/simulateur/SimulateurPage";
import { UsersPage } from "../features/utilisateurs/UsersPage";
import { Page } from "../ui/Page";
import { Layout } from "./Layout";

function RequireLogin({ children }: { children: ReactNode }) {
  const { utilisateur, loading } = useSession();
  const location = useLocation();
  if (loading) {
    return (
      <Center py="xl">
        <Loader aria-label="Chargement de la session" />
      </Center>
    );
  }
  if (!utilisateur) return <Navigate to="/connexion" replace state={{ from: location.pathname + location.search }} />;
  return children;
}

function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const { can } = useSession();
  if (!can(permission)) {
    return (
      <Page title="Accès refusé">
        <Text>Votre rôle ne permet pas d'accéder à cette page.</Text>
        <Link to="/">Retour à l'accueil</Link>
      </Page>
    );
  }
  return children;
}

function NotFoundPage() {
  return (
    <Page title="Page introuvable">
      <Text>Cette adresse ne correspond à aucune page.</Text>
      <Link to="/">Retour à l'accueil</Link>
    </Page>
  );
}

/** The one route map of the web app. */
export function App() {
  const guarded = (permission: string | null, page: ReactNode) => (
    <RequireLogin>{permission ? <RequirePermission permission={permission}>{page}</RequirePermission> : page}</RequireLogin>
  );
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="/connexion" element={<LoginPage />} />
        <Route path="/" element={guarded(null, <HomePage />)} />
        <Route path="/organisation" element={guarded("organisation.read", <OrganisationPage />)} />
        <Route path="/utilisateurs" element={guarded("user.read", <UsersPage />)} />
        <Route path="/audit" element={guarded("audit.read", <AuditPage />)} />
        {/* public legal information: open without an account, like POST /api/regles/… */}
        <Route path="/simulateur" element={<SimulateurPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
