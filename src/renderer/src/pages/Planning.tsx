// Planning: the calendar (issue 5). Owned by the calendar work; replaced by its real page.
export default function Planning() {
  return null;
}
