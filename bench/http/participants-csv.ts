/** A participant as a pool file holds it, cut to what the CSV below writes. */
interface PoolParticipant {
  id: string;
  birthYear: number;
  gender: string;
  legalStatus: string;
  statusSince: string;
  homeRegion?: string;
  availableFrom: string;
  waitingSince: string;
  languages: { language: string; level: string }[];
  sectorWishes: string[];
  programmeTags: string[];
}

const columns = ['id', 'birthYear', 'gender', 'legalStatus', 'statusSince', 'homeRegion', 'availableFrom', 'waitingSince', 'languages', 'sectorWishes', 'programmeTags'] as const;

function cell(p: PoolParticipant, column: (typeof columns)[number]): string {
  if (column === 'languages') return p.languages.map((l) => `${l.language}:${l.level}`).join(';');
  const value = p[column];
  const text = Array.isArray(value) ? value.join(';') : String(value ?? '');
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The participants as a coordinator's CSV import (docs/service.md, CSV imports), with a part of their fields. */
export function participantsCsv(participants: PoolParticipant[]): string {
  return [columns.join(','), ...participants.map((p) => columns.map((c) => cell(p, c)).join(','))].join('\n');
}
