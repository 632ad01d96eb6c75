/** The domain's test kit: factories with valid defaults and in-memory fakes of the ports. */
export * from "./factories";
export * from "./fakes";
export { optimumExhaustif, petiteInstance } from "./salon";
export { FakeProgramme } from "./programme";
export {
  fixturesPublication,
  fixturesPublicationSaines,
  AUJOURDHUI_PUBLICATION,
  SIRET_DEPARTEMENT,
  type FixturesPublication,
} from "./publication";
export { FakeProcedures } from "./procedures";
