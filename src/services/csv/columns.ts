/**
 * CSV columns of each importable entity (documented in docs/service.md). A column name is the
 * field's path in the domain object (`household.adults`); lists are written `a;b;c`.
 */
export type CellType =
  | 'string' | 'int' | 'number' | 'bool' | 'list'
  /** `fr:B1;ar:C2` → [{ language, level }] */
  | 'languages'
  /** `asylum_seeker:6;refugee` → [{ status, minMonths }] */
  | 'statuses';

export type ColumnSpec = Record<string, CellType>;

const eligibility: ColumnSpec = {
  'eligibility.minAge': 'int',
  'eligibility.maxAge': 'int',
  'eligibility.statuses': 'statuses',
  'eligibility.isolatedAdultsOnly': 'bool',
  'eligibility.programmeTags': 'list',
};

export const participantColumns: ColumnSpec = {
  id: 'string', reference: 'string', birthYear: 'int', gender: 'string', legalStatus: 'string', statusSince: 'string',
  homeRegion: 'string', 'household.adults': 'int', 'household.children': 'int', 'household.isolated': 'bool',
  childcareNeed: 'bool', languages: 'languages', educationLevel: 'int', skills: 'list', sectorWishes: 'list',
  'relocation.willing': 'bool', 'relocation.regions': 'list', 'housing.needed': 'bool', 'housing.sharedAcceptable': 'bool',
  availableFrom: 'string', waitingSince: 'string', barriers: 'list', 'mentorPreferences.gender': 'string',
  'mentorPreferences.language': 'string', programmeTags: 'list', priorityGroups: 'list',
};

export const mentorColumns: ColumnSpec = {
  id: 'string', displayName: 'string', kind: 'string', region: 'string', caseloadCap: 'int', currentCaseload: 'int',
  languages: 'list', sectors: 'list', gender: 'string', availableFrom: 'string', ...eligibility,
};

export const trainingSessionColumns: ColumnSpec = {
  id: 'string', provider: 'string', title: 'string', kind: 'string', sector: 'string', region: 'string', seats: 'int',
  startDate: 'string', endDate: 'string', language: 'string', 'cefrEntry.min': 'string', 'cefrEntry.max': 'string',
  cefrExit: 'string', skills: 'list', childcareProvided: 'bool', ...eligibility,
};

export const housingUnitColumns: ColumnSpec = {
  id: 'string', region: 'string', places: 'int', kind: 'string', availableFrom: 'string', minStayMonths: 'int',
  suitableForChildren: 'bool', ...eligibility,
};
