// The school calendar of regio midden from the shipped holiday data, for the pure rule tests.
import data from '../../resources/schoolvakanties.json';
import { SchoolCalendar, STANDAARD_FEESTDAGEN } from '../../src/main/calendar/schoolDays';
import type { Vakantie, VakantieSoort } from '../../src/main/calendar/schoolDays';

const jaren = (data as unknown as { schooljaren: Record<string, { vakanties: Record<VakantieSoort, Record<'midden', [string, string]>> }> })
  .schooljaren;

export const midden = new SchoolCalendar(
  Object.values(jaren).flatMap((j) =>
    Object.entries(j.vakanties).map(([s, r]) => ({ soort: s as VakantieSoort, start: r.midden[0], eind: r.midden[1] }) as Vakantie),
  ),
  STANDAARD_FEESTDAGEN,
  new Set(Object.keys(jaren)),
);
