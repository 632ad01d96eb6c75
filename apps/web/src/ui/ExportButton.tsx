import { Button, Menu } from "@mantine/core";
import { query } from "../lib/api";

export interface ExportButtonProps {
  /** The export address, e.g. "/api/utilisateurs/export". */
  path: string;
  /** The filters of the list, sent as they are: the file holds what the list shows (every page). */
  filtres?: Record<string, string | number | undefined | null>;
  /** What is exported, for the button's accessible name, e.g. « la liste des comptes ». */
  quoi: string;
}

/**
 * « Exporter » a list as XLSX or CSV: plain links (the session cookie goes with them), so the browser
 * downloads the file itself. CSV is the accessible alternative of the spreadsheet (RGAA, documents).
 */
export function ExportButton({ path, filtres = {}, quoi }: ExportButtonProps) {
  const href = (format: "xlsx" | "csv") => `${path}${query({ ...filtres, format })}`;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default">
          Exporter (XLSX / CSV)<span className="visually-hidden-inline"> : {quoi}</span>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={href("xlsx")} download>
          Classeur Excel (XLSX)
        </Menu.Item>
        <Menu.Item component="a" href={href("csv")} download>
          Texte CSV (UTF-8)
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
