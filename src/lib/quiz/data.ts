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

/** Individual contributors, by id: a stable order, so a seed keeps drawing the same person. */
export function quizRoster(org: Org): QuizPerson[] {
  return [...org.people.values()]
    .filter((person) => org.isIndividualContributor(person.id))
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((person) => ({ id: person.id, name: person.data.name, href: entryUrl('person', person.id), team: org.firstTeam(person.id)?.data.name }));
}

/** The random-IC quiz's data: every IC, and every question of the value model by asset id. */
export function randomQuizData(org: Org, count: number): QuizData {
  const assets = [...org.assets.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  return { mode: 'random', people: quizRoster(org), questions: assets.flatMap(assetQuestions), count };
}

/** One asset's quiz: its questions in the order written, for whoever takes it. */
export function assetQuizData(asset: Entry<Asset>): QuizData {
  return { mode: 'asset', people: [], questions: assetQuestions(asset), count: 0 };
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

