/** A page of a list: lists are always bounded, paged and sorted by the database. */
export interface PageDemandee {
  page: number;
  parPage: number;
}

export interface PageDe<T> {
  total: number;
  page: number;
  parPage: number;
  elements: T[];
}

/** Largest page the API serves. */
export const PAR_PAGE_MAX = 200;

export function decalage(page: PageDemandee): number {
  return (page.page - 1) * page.parPage;
}
