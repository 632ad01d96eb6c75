import { Stack, Table, Text } from "@mantine/core";
import { BarChart, LineChart } from "echarts/charts";
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useId, useRef } from "react";
import { ExportButton, type ExportButtonProps } from "./ExportButton";

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, AriaComponent, SVGRenderer]);

/** One series of a chart: a name and one value per category (null: no value). */
export interface Serie {
  nom: string;
  valeurs: (number | null)[];
  /** The value as written in the table twin and the tooltip (« 61,2 % »). */
  formater: (v: number | null) => string;
  /** Drawn as bars (default) or a line. */
  type?: "barres" | "ligne";
}

export interface GraphiqueProps {
  titre: string;
  categories: string[];
  series: Serie[];
  /** Shares: the axis runs from 0 to 100 %. */
  parts?: boolean;
  /** A target drawn as a dashed line (same unit as the values). */
  cible?: { valeur: number; libelle: string } | null;
  /** A click on a category (drill-down). */
  onCategorie?: (index: number) => void;
  hauteur?: number;
  /** The table twin as a file (XLSX, CSV): the export address and its filters. */
  exporter?: Omit<ExportButtonProps, "quoi">;
}

/** Dark, distinct colours, each also told apart by its pattern (decal): never colour alone (RGAA 3.1). */
const COULEURS = ["#00577a", "#8a4b00", "#3d6b21", "#6b2c6b"];

/**
 * A chart drawn by ECharts (SVG), with its table twin: the chart is an image named by its title for screen
 * readers, and the same figures are in a captioned table under it (« Tableau des données »), which is also
 * what a keyboard user clicks through.
 */
export function Graphique({ titre, categories, series, parts, cible, onCategorie, hauteur = 320, exporter }: GraphiqueProps) {
  const ref = useRef<HTMLDivElement>(null);
  const id = useId();
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, null, { renderer: "svg", locale: "FR" });
    chart.setOption({
      aria: { enabled: true, decal: { show: true } },
      color: COULEURS,
      animation: false,
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0, textStyle: { color: "#1a1a1a" } },
      tooltip: {
        trigger: "axis",
        valueFormatter: (v: unknown) => (series[0] ? series[0].formater(typeof v === "number" ? v : null) : String(v)),
      },
      xAxis: { type: "category", data: categories, axisLabel: { color: "#1a1a1a", interval: 0, rotate: categories.length > 6 ? 30 : 0 } },
      yAxis: {
        type: "value",
        ...(parts ? { min: 0, max: 1, axisLabel: { color: "#1a1a1a", formatter: (v: number) => `${Math.round(v * 100)} %` } } : {}),
        ...(!parts ? { axisLabel: { color: "#1a1a1a" } } : {}),
      },
      series: series.map((s, i) => ({
        name: s.nom,
        type: s.type === "ligne" ? "line" : "bar",
        data: s.valeurs,
        ...(i === 0 && cible
          ? {
              markLine: {
                symbol: "none",
                lineStyle: { type: "dashed", color: "#a61e1e" },
                label: { formatter: cible.libelle },
                data: [{ yAxis: cible.valeur }],
              },
            }
          : {}),
      })),
    });
    if (onCategorie) chart.on("click", (p) => onCategorie(p.dataIndex));
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [categories, series, parts, cible, onCategorie]);

  return (
    <Stack gap="xs">
      <Text fw={700} id={`${id}-titre`}>
        {titre}
      </Text>
      <div ref={ref} role="img" aria-labelledby={`${id}-titre`} style={{ width: "100%", height: hauteur }} />
      <details>
        <summary>Tableau des données : {titre}</summary>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1, axe scrollable-region-focusable) */}
        <section className="table-defilante" aria-label={`Tableau : ${titre}`} tabIndex={0}>
          <Table withTableBorder striped>
            <caption className="visually-hidden-inline">{titre}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Catégorie</Table.Th>
                {series.map((s) => (
                  <Table.Th scope="col" key={s.nom}>
                    {s.nom}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {categories.map((c, i) => (
                <Table.Tr key={c}>
                  <Table.Th scope="row">
                    {onCategorie ? (
                      <button type="button" className="lien-bouton" onClick={() => onCategorie(i)}>
                        {c}
                      </button>
                    ) : (
                      c
                    )}
                  </Table.Th>
                  {series.map((s) => (
                    <Table.Td key={s.nom}>{s.formater(s.valeurs[i] ?? null)}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </section>
      </details>
      {exporter && (
        <div>
          <ExportButton {...exporter} quoi={`le tableau « ${titre} »`} />
        </div>
      )}
    </Stack>
  );
}
