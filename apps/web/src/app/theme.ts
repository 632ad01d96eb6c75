import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from "@mantine/core";

function mix(hex: string, target: [number, number, number], weight: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const rgb = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return `#${rgb
    .map((c, i) =>
      Math.round(c + ((target[i] ?? c) - c) * weight)
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`;
}

/**
 * Ten shades around the collectivité's colour (index 6 is the colour itself, the shade Mantine uses for
 * filled components), lighter towards white and darker towards black.
 */
export function shadesOf(hex: string): MantineColorsTuple {
  const white: [number, number, number] = [255, 255, 255];
  const black: [number, number, number] = [0, 0, 0];
  return [
    mix(hex, white, 0.92),
    mix(hex, white, 0.8),
    mix(hex, white, 0.64),
    mix(hex, white, 0.46),
    mix(hex, white, 0.3),
    mix(hex, white, 0.14),
    hex,
    mix(hex, black, 0.15),
    mix(hex, black, 0.3),
    mix(hex, black, 0.45),
  ];
}

export function buildTheme(primaryHex: string) {
  return createTheme({
    primaryColor: "collectivite",
    primaryShade: 6,
    colors: { collectivite: shadesOf(primaryHex) },
    fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
    defaultRadius: "sm",
    focusRing: "auto",
    headings: { fontWeight: "700" },
  });
}

/** Text colours strong enough for RGAA contrast (4.5:1) on white, in place of the library's lighter greys. */
export const contrastResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { "--mantine-color-dimmed": "#495057", "--mantine-color-placeholder": "#5c636a", "--mantine-color-error": "#a61e1e" },
  dark: {},
});
