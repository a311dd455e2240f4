import type { Entry } from '../org/types.ts';
import type { Asset } from '../../schemas/assets.ts';
import type { Org } from '../org/build.ts';
import { entryUrl } from '../urls.ts';
import type { QuizData, QuizPerson, QuizQuestion } from './draw.ts';

/** An asset's questions as the quiz ships them. */
export function assetQuestions(asset: Entry<Asset>): QuizQuestion[] {
  return asset.data.questions.map(({ q, answer, choices }) => ({
    asset: asset.id,
    assetTitle: asset.data.title,
    href: entryUrl('asset', asset.id),
    q,
    answer,
    ...(choices ? { choices } : {}),
  }));
}

const rosters = new WeakMap<Org, QuizPerson[]>();

/**
 * Individual contributors, by id: a stable order, so a seed keeps drawing the same person.
 * Every quiz page ships it: worked out once per build.
 */
export function quizRoster(org: Org): QuizPerson[] {
  let roster = rosters.get(org);
  if (!roster) {
    roster = [...org.people.values()]
      .filter((person) => org.isIndividualContributor(person.id))
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((person) => ({ id: person.id, name: person.data.name, href: entryUrl('person', person.id), team: org.firstTeam(person.id)?.data.name }));
    rosters.set(org, roster);
  }
  return roster;
}

/** The random-IC quiz's data: every IC, and every question of the value model by asset id. */
export function randomQuizData(org: Org, count: number): QuizData {
  const assets = [...org.assets.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  return { mode: 'random', people: quizRoster(org), questions: assets.flatMap(assetQuestions), count };
}

/**
 * One asset's quiz: a random individual contributor, as on the random-IC quiz, and all the
 * asset's questions in the order written, so a leader can test one part of the value model.
 */
export function assetQuizData(org: Org, asset: Entry<Asset>): QuizData {
  return { mode: 'asset', people: quizRoster(org), questions: assetQuestions(asset), count: 0 };
}

/** Questions grouped by their asset, in the order the assets first appear: the quiz's no-JavaScript list. */
export function questionsByAsset(questions: QuizQuestion[]): QuizQuestion[][] {
  const groups = new Map<string, QuizQuestion[]>();
  for (const question of questions) {
    const group = groups.get(question.asset);
    if (group) group.push(question);
    else groups.set(question.asset, [question]);
  }
  return [...groups.values()];
}

