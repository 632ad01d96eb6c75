import { Anchor, Box, Button, Container, Group, Image, Menu, Text, UnstyledButton, VisuallyHidden } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { Component, Suspense, useEffect, useState, type ReactNode } from "react";
import { Link, NavLink, Outlet, useLocation, useNavigate } from "react-router";
import { useSession } from "../features/auth/session";
import { api } from "../lib/api";
import { Chargement } from "../ui/Chargement";
import { ErrorAlert } from "../ui/ErrorAlert";
import { Page } from "../ui/Page";
import { FEATURES } from "./features";
import { autorise, pagesDe } from "./registre";

const PAGES = pagesDe(FEATURES);
const NAV = PAGES.filter((p) => p.nav);
const MENU_COMPTE = PAGES.filter((p) => p.menuCompte);
const PIED = PAGES.filter((p) => p.piedDePage);

/** A page module that fails to load (a new version was deployed meanwhile, the network dropped). */
class PageErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidUpdate(previous: { resetKey: string }) {
    if (previous.resetKey !== this.props.resetKey && this.state.failed) this.setState({ failed: false });
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Page title="Page indisponible">
        <Text>Cette page n'a pas pu être chargée : la plateforme a peut-être été mise à jour, ou la connexion est interrompue.</Text>
        <Group>
          <Button onClick={() => window.location.reload()}>Recharger la page</Button>
        </Group>
      </Page>
    );
  }
}

/** Page frame: skip link, banner with the collectivité's logo, navigation and account menu, main content, footer. */
export function Layout() {
  const { utilisateur, theme, refresh } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [logoutError, setLogoutError] = useState<unknown>(null);
  const narrow = useMediaQuery("(max-width: 48em)", false, { getInitialValueInEffect: false });
  const [menuOuvert, setMenuOuvert] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the phone menu closes after each navigation
  useEffect(() => setMenuOuvert(false), [location.pathname]);

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

  const permissions = utilisateur ? utilisateur.permissions.map((p) => p.code) : null;
  const bloque = utilisateur?.motDePasseAChanger === true;
  // Anonymous visitors see the public pages of the navigation; an account that must change its password, none.
  const items = bloque ? [] : NAV.filter((page) => autorise(page.permission, permissions));
  const showNav = items.length > 0 && (utilisateur !== null || location.pathname !== "/connexion");

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
            <Group gap="xs">
              {!utilisateur && location.pathname !== "/connexion" && (
                <Button component={Link} to="/connexion" variant="white" color="dark" size="xs">
                  Se connecter
                </Button>
              )}
              {utilisateur && (
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <UnstyledButton className="app-account-button">
                      <VisuallyHidden>Mon compte : </VisuallyHidden>
                      {utilisateur.nomAffiche}
                      <Text component="span" size="xs" c="white" display="block">
                        {utilisateur.roleLibelle}
                      </Text>
                    </UnstyledButton>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Label>{utilisateur.email}</Menu.Label>
                    {MENU_COMPTE.map((page) => (
                      <Menu.Item key={page.path} component={Link} to={page.path}>
                        {page.label}
                      </Menu.Item>
                    ))}
                    <Menu.Divider />
                    <Menu.Item onClick={logout}>Se déconnecter</Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              )}
              {/* after the account menu: the next Tab from « Menu » reaches the navigation it opened */}
              {showNav && narrow && (
                <Button
                  variant="white"
                  color="dark"
                  size="xs"
                  aria-expanded={menuOuvert}
                  aria-controls="navigation-principale"
                  onClick={() => setMenuOuvert((o) => !o)}
                >
                  Menu
                </Button>
              )}
            </Group>
          </Group>
          {showNav && (
            <nav aria-label="Navigation principale">
              <ul className="app-nav-list" id="navigation-principale" data-ferme={narrow && !menuOuvert ? "true" : "false"}>
                {items.map((page) => (
                  <li key={page.path}>
                    <NavLink
                      to={page.path}
                      end={page.path === "/"}
                      className="app-header-link"
                      // start loading the page's code as soon as the link is pointed at or focused
                      onMouseEnter={() => void page.load()}
                      onFocus={() => void page.load()}
                    >
                      {page.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </Container>
      </Box>
      <Container size="xl" py="xl" component="main" id="contenu" tabIndex={-1}>
        <ErrorAlert error={logoutError} title="Déconnexion impossible" />
        <PageErrorBoundary resetKey={location.pathname}>
          <Suspense fallback={<Chargement texte="Chargement de la page…" />}>
            <Outlet />
          </Suspense>
        </PageErrorBoundary>
      </Container>
      <Box component="footer" py="md" bg="gray.1">
        <Container size="xl">
          <Group gap="lg" justify="space-between" align="flex-start">
            <Text size="sm">achat-public — logiciel libre de pilotage de la commande publique</Text>
            <nav aria-label="Informations légales">
              <ul className="app-footer-links">
                {PIED.map((page) => (
                  <li key={page.path}>
                    <Anchor component={Link} to={page.path} size="sm" c="collectivite.9" underline="always">
                      {page.piedDePage?.libelle ?? page.label}
                    </Anchor>
                  </li>
                ))}
                <li>
                  <Anchor href="/api/docs" size="sm" c="collectivite.9" underline="always">
                    Documentation de l'API
                  </Anchor>
                </li>
              </ul>
            </nav>
          </Group>
        </Container>
      </Box>
    </>
  );
}
