export { type DocsServer, SITE_PAGE, serveDocs } from "./serve-docs.js";
