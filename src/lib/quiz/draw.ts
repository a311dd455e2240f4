/**
 * The random-IC quiz: who is asked and which questions, drawn from a seed so that a link
 * (`/quiz/?seed=k3x9q2`) draws the same person and questions for everyone who opens it.
 * Runs in the reader's browser and in tests, so it imports only the generator.
 */

import { mulberry32 } from '../random.ts';

/** One question as the quiz page ships it. */
export interface QuizQuestion {
  /** Asset id, title and page: the summary sends people there. */
  asset: string;
  assetTitle: string;
  href: string;
  q: string;
  answer: string;
  choices?: string[] | undefined;
}

/** An individual contributor who can be drawn. */
export interface QuizPerson {
  id: string;
  name: string;
  href: string;
  /** Name of their first team, to find them. */
  team?: string | undefined;
}

/** Everything a quiz page needs, embedded in it as JSON. */
export interface QuizData {
  /** `random`: the random-IC quiz (a sample of questions from every asset); `asset`: all of one asset's questions, in the order written. Both draw a person. */
  mode: 'random' | 'asset';
  /** Individual contributors to draw from. */
  people: QuizPerson[];
  questions: QuizQuestion[];
  /** Questions per draw unless the URL says `?n=`; 0 asks them all, in the order written. */
  count: number;
}

/** A drawn quiz: the person, and the questions with their choices in drawn order. */
export interface QuizDraw {
  seed: string;
  person?: QuizPerson | undefined;
  questions: QuizQuestion[];
}

/** A seed that reads well in a URL: six characters of [a-z0-9]. */
export function newSeed(random: () => number = Math.random): string {
  let seed = '';
  for (let i = 0; i < 6; i++) seed += '0123456789abcdefghijklmnopqrstuvwxyz'[Math.floor(random() * 36)];
  return seed;
}

/**
 * The seed a link or a typed address stands for: a leader reads a seed aloud, and whoever
 * types it may capitalise it or catch a space, so "Alpha", " alpha" and "alpha" are one
 * draw. Lowercase is the seed as it was always read, so a link shared before draws the
 * same; the length is capped, as a seed is only a name for a draw.
 */
export function quizSeed(value: string | null | undefined): string {
  return (value ?? '').trim().toLowerCase().slice(0, 40);
}

/** A seeded generator (a string hash into mulberry32): the same seed gives the same numbers everywhere. */
export function seededRandom(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return mulberry32(h);
}

/** The first `count` items of a seeded Fisher–Yates shuffle, without touching the input. */
function sample<T>(items: readonly T[], count: number, random: () => number): T[] {
  const copy = [...items];
  const take = Math.min(count, copy.length);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, take);
}

/**
 * A question's choices in an order of their own, the same on every build: authors tend to
 * write the answer first, and a leader reading the choices aloud from the page would give
 * it away. Seeded by the question's text.
 */
export function shuffledChoices(question: { q: string; choices: readonly string[] }): string[] {
  return sample(question.choices, question.choices.length, seededRandom(question.q));
}

/**
 * Draws the person, then the questions, then each question's choice order, in that order
 * from one generator: the same data and seed (in any case) always give the same quiz. `count` 0 keeps
 * every question in the order written (one asset's quiz).
 */
export function drawQuiz(data: QuizData, written: string, count: number = data.count): QuizDraw {
  const seed = quizSeed(written);
  const random = seededRandom(seed);
  const person = data.people.length > 0 ? data.people[Math.floor(random() * data.people.length)] : undefined;
  const picked = count > 0 ? sample(data.questions, count, random) : data.questions;
  const questions = picked.map((question) =>
    question.choices ? { ...question, choices: sample(question.choices, question.choices.length, random) } : question,
  );
  return { seed, person, questions };
}

/** How a question went: the facilitator's mark for open questions, right or wrong for multiple choice. */
export type QuizOutcome = 'knew' | 'partly' | 'did-not-know' | 'correct' | 'wrong';

/** The summary: scores, and the assets to read because a question on them was missed. */
export function quizSummary(questions: QuizQuestion[], outcomes: QuizOutcome[]) {
  const count = (outcome: QuizOutcome) => outcomes.filter((each) => each === outcome).length;
  const toRead = new Map<string, { asset: string; title: string; href: string; missed: number }>();
  questions.forEach((question, index) => {
    const outcome = outcomes[index];
    if (outcome === undefined || outcome === 'knew' || outcome === 'correct') return;
    const entry = toRead.get(question.asset) ?? { asset: question.asset, title: question.assetTitle, href: question.href, missed: 0 };
    entry.missed++;
    toRead.set(question.asset, entry);
  });
  return {
    choice: { correct: count('correct'), total: count('correct') + count('wrong') },
    open: { knew: count('knew'), partly: count('partly'), didNotKnow: count('did-not-know') },
    /** Most-missed first, then by title. */
    assetsToRead: [...toRead.values()].sort((a, b) => b.missed - a.missed || a.title.localeCompare(b.title)),
  };
}

/** The draw size a link asks for with `?n=`: a whole number from 1, or undefined for anything else. */
export function parseCount(value: string | null): number | undefined {
  return value !== null && /^\d{1,3}$/.test(value) && Number(value) >= 1 ? Number(value) : undefined;
}
