import { fileURLToPath } from "node:url";

/**
 * A file of `apps/server/assets` (fonts of the PDF documents…). This module sits at the root of `src/` so that the
 * same relative path works from the sources (`src/assets.ts`) and from the bundle (`dist/main.js`).
 */
export function assetPath(name: string): string {
  return fileURLToPath(new URL(`../assets/${name}`, import.meta.url));
}
