// Overzicht: the dashboard (issue 3). Owned by the obligations work; replaced by its real page.
export default function Overzicht() {
  return null;
}
