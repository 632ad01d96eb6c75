/**
 * Legal calendar dates ("date légale"): a day with no time and no time zone, written `YYYY-MM-DD`.
 *
 * Dates stay plain ISO strings (they sort and compare as strings, and cross JSON unchanged); every
 * computation goes through UTC milliseconds so the host time zone can never shift a day.
 * Public holidays are those of metropolitan France (Code du travail L3133-1); the two extra days of
 * Alsace-Moselle are deliberately not included: the Val-de-Marne does not observe them.
 */
import { DomainError, type Issue } from "../commun/errors";

/** A validated calendar date `YYYY-MM-DD` (Gregorian, years 1900 to 2999). */
export type DateLegale = string;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const MONTHS_FR = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
] as const;

const WEEKDAYS_FR = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"] as const;

/** Whether `raw` is a real calendar date written `YYYY-MM-DD` (refuses `2026-02-30`, `2026-2-3`). */
export function isDateLegale(raw: unknown): raw is DateLegale {
  if (typeof raw !== "string") return false;
  const match = ISO_DATE.exec(raw);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** The problem with `raw` as a legal date, or `undefined` when it is valid (for issue lists). */
export function dateIssue(raw: unknown, path: Issue["path"]): Issue | undefined {
  if (isDateLegale(raw)) return undefined;
  const shown = typeof raw === "string" ? `« ${raw} »` : "la valeur fournie";
  return { path, message: `${capitalise(shown)} n'est pas une date valide au format AAAA-MM-JJ.` };
}

/**
 * Parses a legal date strictly.
 * @throws DomainError `DATE_INVALID` (kind `invalid-input`) naming `path` when `raw` is not a real date.
 */
export function parseDateLegale(raw: unknown, path: Issue["path"] = []): DateLegale {
  const issue = dateIssue(raw, path);
  if (issue) throw new DomainError("DATE_INVALID", issue.message, "invalid-input", [issue]);
  return raw as DateLegale;
}

/** Number of days in a month (1-12) of a Gregorian year. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toUtcMs(date: DateLegale): number {
  assertDate(date);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function fromUtcMs(ms: number): DateLegale {
  return new Date(ms).toISOString().slice(0, 10);
}

function assertDate(date: DateLegale): void {
  // Internal guard: functions below are only ever given validated dates; fail loudly otherwise.
  if (!isDateLegale(date)) throw new TypeError(`Date légale invalide : ${String(date)}`);
}

/** `date` shifted by `days` calendar days (negative to go back). */
export function addDays(date: DateLegale, days: number): DateLegale {
  if (!Number.isInteger(days)) throw new TypeError(`Nombre de jours non entier : ${days}`);
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/**
 * `date` shifted by `months` months, date to date, clamped to the end of a shorter month:
 * 2026-01-31 + 1 month = 2026-02-28; 2025-12-31 + 2 months = 2026-02-28; 2026-03-15 + 2 = 2026-05-15.
 */
export function addMonths(date: DateLegale, months: number): DateLegale {
  if (!Number.isInteger(months)) throw new TypeError(`Nombre de mois non entier : ${months}`);
  assertDate(date);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 + months;
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = ((month % 12) + 12) % 12; // 0-based
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(targetYear, targetMonth + 1));
  return fromUtcMs(Date.UTC(targetYear, targetMonth, day));
}

/** Signed number of days from `from` to `to` (`daysBetween("2026-01-01", "2026-01-31")` = 30). */
export function daysBetween(from: DateLegale, to: DateLegale): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function weekday(date: DateLegale): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

/** French name of the day of the week ("lundi" …). */
export function weekdayFr(date: DateLegale): string {
  return WEEKDAYS_FR[weekday(date)] ?? "";
}

/** Earlier of two dates. */
export function minDate(a: DateLegale, b: DateLegale): DateLegale {
  return a <= b ? a : b;
}

/** Later of two dates. */
export function maxDate(a: DateLegale, b: DateLegale): DateLegale {
  return a >= b ? a : b;
}

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): DateLegale {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return fromUtcMs(Date.UTC(year, month - 1, day));
}

/** A public holiday: its date and its French name. */
export interface JourFerie {
  date: DateLegale;
  libelle: string;
}

const holidayCache = new Map<number, readonly JourFerie[]>();

/**
 * The 11 public holidays of metropolitan France for a year (Code du travail L3133-1), in date order:
 * 1 January, Easter Monday, 1 May, 8 May, Ascension (Easter + 39), Whit Monday (Easter + 50),
 * 14 July, 15 August, 1 November, 11 November, 25 December.
 */
export function joursFeries(year: number): readonly JourFerie[] {
  if (!Number.isInteger(year) || year < 1900 || year > 2999) throw new TypeError(`Année invalide : ${year}`);
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const easter = easterSunday(year);
  const y = String(year);
  const list: JourFerie[] = [
    { date: `${y}-01-01`, libelle: "Jour de l'an" },
    { date: addDays(easter, 1), libelle: "Lundi de Pâques" },
    { date: `${y}-05-01`, libelle: "Fête du Travail" },
    { date: `${y}-05-08`, libelle: "Victoire 1945" },
    { date: addDays(easter, 39), libelle: "Ascension" },
    { date: addDays(easter, 50), libelle: "Lundi de Pentecôte" },
    { date: `${y}-07-14`, libelle: "Fête nationale" },
    { date: `${y}-08-15`, libelle: "Assomption" },
    { date: `${y}-11-01`, libelle: "Toussaint" },
    { date: `${y}-11-11`, libelle: "Armistice 1918" },
    { date: `${y}-12-25`, libelle: "Noël" },
  ];
  list.sort((p, q) => (p.date < q.date ? -1 : 1));
  const frozen = Object.freeze(list);
  holidayCache.set(year, frozen);
  return frozen;
}

/** The name of the public holiday falling on `date`, or `undefined`. */
export function jourFerie(date: DateLegale): string | undefined {
  return joursFeries(Number(date.slice(0, 4))).find((h) => h.date === date)?.libelle;
}

/** Whether `date` is a working day: Monday to Friday and not a public holiday. */
export function isWorkingDay(date: DateLegale): boolean {
  const day = weekday(date);
  return day !== 0 && day !== 6 && jourFerie(date) === undefined;
}

/** First working day on or after `date`. */
export function nextWorkingDay(date: DateLegale): DateLegale {
  let current = date;
  while (!isWorkingDay(current)) current = addDays(current, 1);
  return current;
}

/** "1er avril 2026", "12 janvier 2026". */
export function formatDateFr(date: DateLegale): string {
  assertDate(date);
  const day = Number(date.slice(8, 10));
  return `${day === 1 ? "1er" : String(day)} ${MONTHS_FR[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

/** "lundi 12 janvier 2026". */
export function formatDateLongueFr(date: DateLegale): string {
  return `${weekdayFr(date)} ${formatDateFr(date)}`;
}

/**
 * French warnings for a computed date that is not a working day (Saturday, Sunday, public holiday),
 * with the next working day; an empty array for a working day.
 */
export function avertissementsCalendrier(date: DateLegale): string[] {
  const warnings: string[] = [];
  const day = weekday(date);
  if (day === 6 || day === 0) warnings.push(`Le ${formatDateFr(date)} est un ${day === 6 ? "samedi" : "dimanche"}.`);
  const holiday = jourFerie(date);
  if (holiday) warnings.push(`Le ${formatDateFr(date)} est un jour férié (${holiday}).`);
  if (warnings.length > 0) {
    warnings.push(`Premier jour ouvré suivant : ${formatDateLongueFr(nextWorkingDay(date))}.`);
  }
  return warnings;
}

/**
 * One French sentence for a date that is not a working day, saying what it is and the next working day,
 * or `undefined` for a working day: "le 16 janvier 2027 est un samedi ; premier jour ouvré : lundi
 * 18 janvier 2027", "le 1er mai 2026 est un jour férié (Fête du Travail) ; premier jour ouvré : lundi
 * 4 mai 2026". No final full stop, so that it can end a longer sentence.
 */
export function phraseJourNonOuvre(date: DateLegale): string | undefined {
  if (isWorkingDay(date)) return undefined;
  const day = weekday(date);
  const weekend = day === 6 ? "samedi" : day === 0 ? "dimanche" : undefined;
  const holiday = jourFerie(date);
  const what = holiday ? (weekend ? `un ${weekend} et un jour férié (${holiday})` : `un jour férié (${holiday})`) : `un ${weekend ?? ""}`;
  return `le ${formatDateFr(date)} est ${what} ; premier jour ouvré : ${formatDateLongueFr(nextWorkingDay(date))}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
