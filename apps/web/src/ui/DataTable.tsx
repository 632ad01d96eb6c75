import { Card, Group, Stack, Table, Text } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { Fragment, useId, type ReactNode } from "react";

export interface Colonne<T> {
  /** Unique key of the column. */
  key: string;
  /** Column header, and the label of the value on phones. */
  header: string;
  render: (row: T) => ReactNode;
  /** On phones, the title of each card (one column at most). */
  principale?: boolean;
  /** Buttons of the row: on phones, at the bottom of the card, without label. */
  actions?: boolean;
  /** Keeps the cell on one line on wide screens (dates, badges). */
  nowrap?: boolean;
}

export interface DataTableProps<T> {
  /** What the table shows: its caption, and the name of its scrolling region. */
  caption: string;
  columns: readonly Colonne<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** Width under which the table scrolls horizontally (inside a keyboard-reachable region) rather than squeezing. */
  minWidth?: number;
  /** Shown instead of the table when there is no row. */
  empty?: ReactNode;
}

/** Phones and narrow windows: rows become cards (each value labelled by its column header). */
export const NARROW = "(max-width: 48em)";

/**
 * A data table readable everywhere. On wide screens, a captioned table with column headers, in a scrolling
 * region that the keyboard reaches (`role="region"`, named, `tabIndex=0`: axe `scrollable-region-focusable`).
 * On phones, a list of cards where every value is labelled by its header.
 */
export function DataTable<T>({ caption, columns, rows, rowKey, minWidth, empty }: DataTableProps<T>) {
  const narrow = useMediaQuery(NARROW, false, { getInitialValueInEffect: false });
  const captionId = useId();
  if (rows.length === 0 && empty) return <>{empty}</>;

  if (narrow) {
    const title = columns.find((c) => c.principale);
    const fields = columns.filter((c) => !c.principale && !c.actions);
    const actions = columns.filter((c) => c.actions);
    return (
      <Stack gap="xs">
        <Text fw={600} size="sm" id={captionId}>
          {caption}
        </Text>
        <ul className="cartes-liste" aria-labelledby={captionId}>
          {rows.map((row) => (
            <li key={rowKey(row)}>
              <Card withBorder padding="sm">
                <Stack gap="xs">
                  {title && (
                    <Text fw={700} className="texte-coupable">
                      {title.render(row)}
                    </Text>
                  )}
                  <dl className="cartes-champs">
                    {fields.map((column) => (
                      <div key={column.key}>
                        <dt>{column.header}</dt>
                        <dd>{column.render(row)}</dd>
                      </div>
                    ))}
                  </dl>
                  {actions.length > 0 && (
                    <Group gap="xs">
                      {actions.map((column) => (
                        <Fragment key={column.key}>{column.render(row)}</Fragment>
                      ))}
                    </Group>
                  )}
                </Stack>
              </Card>
            </li>
          ))}
        </ul>
      </Stack>
    );
  }

  return (
    // A named section is a region landmark.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1, axe scrollable-region-focusable)
    <section className="table-defilante" aria-label={caption} tabIndex={0}>
      <Table striped highlightOnHover miw={minWidth} verticalSpacing="xs">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column.key} scope="col">
                {column.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)}>
              {columns.map((column) => (
                <Table.Td key={column.key} className={column.nowrap ? "cellule-une-ligne" : "texte-coupable"}>
                  {column.render(row)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}
