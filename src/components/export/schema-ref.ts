import { PLAN_FILE_SCHEMA_NAME } from '../../export/scenario-file';

/** The `$schema` of a file the page writes: the schema this app serves beside itself (public/), so an editor anywhere can fetch it. */
export function pageSchemaRef(): string {
  return new URL(PLAN_FILE_SCHEMA_NAME, document.baseURI).href;
}
