// Rapportages: the yearly figures (issue 5). Owned by the yearReports work; replaced by its real page.
export default function Rapportages() {
  return null;
}
