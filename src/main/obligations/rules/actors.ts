// Who acts, in English, for the app's English mode: the rules write a fixed set of Dutch actors
// (no dates or names in them), so the English is looked up here rather than stored per task.
export const ACTOR_EN: Record<string, string> = {
  Schoolleiding: 'School management',
  'Schoolleiding (namens het bevoegd gezag)': 'School management (on behalf of the school board)',
  'Schoolleiding / HR': 'School management / HR',
  'Schoolleiding / bevoegd gezag': 'School management / school board',
  'Schoolleiding of verzuimcoördinator': 'School management or the attendance coordinator',
  'Bevoegd gezag': 'School board (bevoegd gezag)',
  'Bevoegd gezag (of de schoolleiding namens het bestuur)': 'School board (or school management on behalf of the board)',
  'Bevoegd gezag, na overleg met de vertrouwensinspecteur': 'School board, after consulting the confidential inspector',
  'De medewerker die het weet, via de schoolleiding': 'The staff member who knows, through school management',
  'Medewerker (kan een zienswijze geven); bevoegd gezag wacht af': 'Staff member (can give their view); the school board waits',
  'Medewerker (kan in beroep); bevoegd gezag wacht af': 'Staff member (can appeal); the school board waits',
  'Ouders of leerling (kunnen bezwaar maken); bevoegd gezag wacht af': 'Parents or pupil (can object); the school board waits',
};

/** The English actor, or null for one this version does not know (shown in Dutch). */
export const actorEn = (actor: string): string | null => ACTOR_EN[actor] ?? null;
