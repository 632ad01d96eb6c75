import { Group, NativeSelect, Pagination as MantinePagination, Text } from "@mantine/core";
import { plural } from "../lib/format";

export interface PaginationProps {
  /** What is counted, e.g. "compte" (and its plural). */
  element: [singulier: string, pluriel: string];
  total: number;
  page: number;
  parPage: number;
  onPage(page: number): void;
  /** Offers a choice of page size when given. */
  onParPage?(parPage: number): void;
  /** Name of the navigation landmark, e.g. « Pages des comptes ». */
  label: string;
  tailles?: number[];
}

/** Paging of a list: « 1 à 50 sur 1 234 comptes », page buttons with French names, optional page size. */
export function Pagination({ element, total, page, parPage, onPage, onParPage, label, tailles = [25, 50, 100, 200] }: PaginationProps) {
  if (total === 0) return null; // the list says itself that it is empty
  const pages = Math.max(1, Math.ceil(total / parPage));
  const first = (page - 1) * parPage + 1;
  const last = Math.min(total, page * parPage);
  return (
    <Group justify="space-between" align="center" gap="sm">
      <Text size="sm" aria-live="polite">
        {`${first.toLocaleString("fr-FR")} à ${last.toLocaleString("fr-FR")} sur ${plural(total, element[0], element[1])}`}
      </Text>
      {pages > 1 && (
        <nav aria-label={label}>
          <MantinePagination
            total={pages}
            value={Math.min(page, pages)}
            onChange={onPage}
            siblings={1}
            getItemProps={(n) => ({ "aria-label": `Page ${n}` })}
            getControlProps={(control) => ({
              "aria-label":
                control === "previous"
                  ? "Page précédente"
                  : control === "next"
                    ? "Page suivante"
                    : control === "first"
                      ? "Première page"
                      : "Dernière page",
            })}
          />
        </nav>
      )}
      {onParPage && (
        <NativeSelect
          label="Par page"
          size="xs"
          value={String(parPage)}
          onChange={(e) => onParPage(Number(e.currentTarget.value))}
          data={tailles.map((t) => String(t))}
        />
      )}
    </Group>
  );
}
