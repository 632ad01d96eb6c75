/** One section of `npm run bench`: registered by one line in bench/sections/index.ts. */
export interface SectionBanc {
  /** Short name, for BENCH_SECTIONS. */
  nom: string;
  titre: string;
  run(): Promise<void>;
}
