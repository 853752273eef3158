import { cefrRank } from '../../../src/domain/common.js';
import type { Participant } from '../../../src/domain/participant.js';
import type { Pool } from '../../../src/domain/pool.js';
import type { PoolResource } from '../../../src/scoring/scorer.js';

/** The score of one pair, written out feature by feature, as the matrix scorer must compute it. */
export function referenceFeatures(pool: Pool, p: Participant, r: PoolResource): Record<string, number> {
  const ref = pool.policy.referenceDate ?? pool.referenceDate;
  const level = (lang: string) => cefrRank(p.languages.find((l) => l.language === lang)?.level ?? 'A0');
  const sectors = r.kind === 'mentor' ? r.item.sectors : r.kind === 'training' ? (r.item.sector ? [r.item.sector] : []) : r.kind === 'opening' ? [r.item.sector] : [];
  const skills = r.kind === 'training' || r.kind === 'opening' ? r.item.skills : [];
  const languages = r.kind === 'mentor' ? r.item.languages : r.kind === 'training' || r.kind === 'opening' ? [r.item.language] : [];
  let sector = 0;
  for (const s of sectors) { const k = p.sectorWishes.indexOf(s); if (k >= 0) sector += 1 / (k + 1); }
  const common = skills.filter((s) => p.skills.includes(s)).length;
  const skillCosine = common === 0 ? 0 : common / Math.sqrt(skills.length * p.skills.length);
  const language = languages.some((l) => level(l) > 0) ? 1 : 0;
  let cefrMargin = 0;
  if (r.kind === 'training') cefrMargin = (level(r.item.language) - cefrRank(r.item.cefrEntry.min)) / 6;
  if (r.kind === 'opening') cefrMargin = (level(r.item.language) - cefrRank(r.item.minCefr)) / 6;
  let shortage = 0;
  if (r.kind === 'opening') shortage = r.item.shortageIndex;
  if (r.kind === 'training' && r.item.sector) {
    for (const o of pool.openings) {
      if (o.status === 'open' && o.sector === r.item.sector && (r.item.region === undefined || o.region === r.item.region)) shortage = Math.max(shortage, o.shortageIndex);
    }
  }
  const provides = r.kind === 'training' ? r.item.childcareProvided : r.kind === 'housing' ? r.item.suitableForChildren : false;
  const need = p.childcareNeed || p.barriers.includes('childcare');
  const days = Math.floor((Date.parse(ref) - Date.parse(p.waitingSince)) / 86_400_000);
  return {
    sector: Math.min(1, sector),
    skills: skillCosine,
    language,
    cefrMargin: Math.max(0, Math.min(1, cefrMargin)),
    shortage,
    childcare: need && provides ? 1 : 0,
    waiting: Math.min(1, Math.max(0, days) / 730),
  };
}

export function referenceScore(pool: Pool, p: Participant, r: PoolResource): number {
  const features = referenceFeatures(pool, p, r);
  return Object.entries(features).reduce((sum, [name, value]) => sum + value * pool.policy.weights[name as keyof typeof pool.policy.weights], 0);
}
