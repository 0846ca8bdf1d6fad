// Imports: rosters (EDEXML, CSV, xlsx) and protocols (.docx, .pdf, .txt).
export const importsApi = {};
