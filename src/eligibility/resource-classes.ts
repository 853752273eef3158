import { KeyNumbers } from '../common/key-numbers.js';
import type { PoolResource } from '../scoring/scorer.js';
import type { PairRule } from './types.js';
import { openingMinCefr } from './language-rules.js';

/**
 * By position, the class of each resource: resources of one class have the same kind, region
 * and pair rules, and the same words under each rule's `reads`, so every participant gets one
 * verdict from all of them. Openings also share their language requirement and named bridges,
 * which is all the bridge finder reads. A resource with a rule that does not say what it reads
 * is a class of its own.
 */
export interface ResourceClasses {
  classOf: Int32Array;
  count: number;
}

export function resourceClasses(resources: readonly PoolResource[], rules: readonly (readonly PairRule[])[]): ResourceClasses {
  const numbers = new KeyNumbers();
  const classOf = Int32Array.from(resources, (resource, position) => numbers.of(classKey(resource, rules[position]!, position)));
  return { classOf, count: numbers.count };
}

function classKey(resource: PoolResource, rules: readonly PairRule[], position: number): string {
  const words: string[] = [resource.kind, resource.item.region ?? ''];
  for (const rule of rules) {
    if (!rule.reads) return `@${position}`;
    words.push(rule.rule, rule.reads(resource));
  }
  if (resource.kind === 'opening') words.push(openingMinCefr.reads!(resource), JSON.stringify(resource.item.bridgeTrainings ?? null));
  return JSON.stringify(words);
}
