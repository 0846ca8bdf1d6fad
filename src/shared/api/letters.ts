// Letters for the dossier (DOMAIN.md §7): preview, finalise, kenmerk, letter texts, dossier export.
export const lettersApi = {};
