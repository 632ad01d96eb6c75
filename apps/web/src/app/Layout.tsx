import { Anchor, Box, Button, Container, Group, Image, Text, VisuallyHidden } from "@mantine/core";
import { NavLink, Outlet, useLocation, useNavigate } from "react-router";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../lib/api";
import { useSession } from "../features/auth/session";
import { ErrorAlert } from "../ui/ErrorAlert";

interface NavItem {
  to: string;
  label: string;
  permission?: string;
}

export const NAV_ITEMS: NavItem[] = [
  { to: "/", label: "Accueil" },
  { to: "/organisation", label: "Directions et services", permission: "organisation.read" },
  { to: "/utilisateurs", label: "Utilisateurs", permission: "user.read" },
  { to: "/audit", label: "Journal d'audit", permission: "audit.read" },
  { to: "/simulateur", label: "Simulateur des règles", permission: "regles.simulate" },
];

/** Page frame: skip link, banner with the collectivité's logo and navigation, main content, footer. */
export function Layout() {
  const { utilisateur, theme, can, refresh } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [logoutError, setLogoutError] = useState<unknown>(null);

  const logout = async () => {
    try {
      await api("POST", "/api/auth/deconnexion");
      queryClient.clear();
      await refresh();
      navigate("/connexion");
    } catch (error) {
      setLogoutError(error);
    }
  };

  const items = NAV_ITEMS.filter((item) => !item.permission || can(item.permission));

  return (
    <>
      <a className="skip-link" href="#contenu">
        Aller au contenu
      </a>
      <Box component="header" bg="collectivite.8" c="white" py="sm">
        <Container size="xl">
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Group gap="sm" wrap="nowrap">
              <Image src={theme.logoUrl} alt="" w={44} h={44} />
              <div>
                <Anchor component={NavLink} to="/" c="white" fw={700} fz="lg" underline="never">
                  achat-public
                </Anchor>
                <Text size="sm" c="white">
                  {theme.nomOrganisation}
                  {theme.demo ? " — démonstration" : ""}
                </Text>
              </div>
            </Group>
            {!utilisateur && location.pathname !== "/connexion" && (
              <Button component={NavLink} to="/connexion" variant="white" color="dark" size="xs">
                Se connecter
              </Button>
            )}
            {utilisateur && (
              <Group gap="sm">
                <Text size="sm" c="white">
                  <VisuallyHidden>Connecté en tant que </VisuallyHidden>
                  {utilisateur.nomAffiche} ({utilisateur.roleLibelle})
                </Text>
                <Button variant="white" color="dark" size="xs" onClick={logout}>
                  Se déconnecter
                </Button>
              </Group>
            )}
          </Group>
          {utilisateur && (
            <nav aria-label="Navigation principale">
              <Group component="ul" gap="xs" mt="sm" style={{ listStyle: "none", padding: 0, margin: 0 }}>
                {items.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.to === "/"} className="app-header-link">
                      {item.label}
                    </NavLink>
                  </li>
                ))}
              </Group>
            </nav>
          )}
        </Container>
      </Box>
      <Container size="xl" py="xl" component="main" id="contenu" tabIndex={-1}>
        <ErrorAlert error={logoutError} title="Déconnexion impossible" />
        <Outlet />
      </Container>
      <Box component="footer" py="md" bg="gray.1">
        <Container size="xl">
          <Group gap="lg">
            <Text size="sm">achat-public — logiciel libre de pilotage de la commande publique</Text>
            <Anchor href="/api/docs" size="sm" c="collectivite.9">
              Documentation de l'API
            </Anchor>
          </Group>
        </Container>
      </Box>
    </>
  );
}
