import { plural, readerMessages } from '../lib/messages.ts';
import { drawQuiz, newSeed, parseCount, quizSeed, quizSummary, type QuizData, type QuizOutcome } from '../lib/quiz/draw.ts';

type Child = Node | string | false | undefined;

/** A small element builder: the quiz is a handful of screens, not worth a framework. */
function h(tag: string, props: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) element.setAttribute(name, value);
  for (const child of children) if (child !== false && child !== undefined) element.append(child);
  return element;
}

function link(href: string, text: string): HTMLElement {
  return h('a', { href }, text);
}

/** `?seed=…&n=…` for a draw, keeping the page's path; `self=1` when readers quiz themselves. */
function drawUrl(seed: string, n: number | undefined, self: boolean): string {
  const params = new URLSearchParams({ seed });
  if (n !== undefined) params.set('n', String(n));
  if (self) params.set('self', '1');
  return `${location.pathname}?${params}`;
}

const outcomeLabels: Record<QuizOutcome, string> = {
  knew: 'Knew it',
  partly: 'Partly',
  'did-not-know': 'Did not know',
  correct: 'Correct',
  wrong: 'Wrong',
};

/**
 * The quiz in the reader's browser. The seed comes from the URL (one is added when missing),
 * so the address bar always holds a link that reproduces this draw.
 */
export function startQuiz(root: HTMLElement, data: QuizData): void {
  const params = new URLSearchParams(location.search);
  // The random-IC quiz samples questions from every asset; one asset's quiz asks all of its own.
  const random = data.mode === 'random';
  // A reader checking themselves (the new-hire path's last step): the same draw of questions, no one to ask.
  const self = params.get('self') === '1';
  // The size the link asked for, kept as asked in every link this page makes; an invalid one is dropped.
  const requested = random ? parseCount(params.get('n')) : undefined;
  // "?seed=Alpha" as typed from a seed read aloud: the address then says the seed as drawn.
  let seed = quizSeed(params.get('seed'));
  if (!seed || seed !== params.get('seed') || (params.has('n') && requested === undefined) || (params.has('self') && !self)) {
    seed ||= newSeed();
    history.replaceState(null, '', drawUrl(seed, requested, self));
  }
  const count = random ? Math.min(requested ?? data.count, data.questions.length) : 0;
  // The page's intro says how many the configuration draws; a link's ?n= may ask for another number.
  if (random) for (const said of document.querySelectorAll('[data-quiz-count]')) said.textContent = plural(count, 'question');
  // A new hire checking themselves reads the page's words for that, not the leader's.
  for (const words of document.querySelectorAll<HTMLElement>('[data-quiz-for]')) words.hidden = (words.dataset['quizFor'] === 'self') !== self;
  const draw = drawQuiz(data, seed, count);
  const person = self ? undefined : draw.person;
  // Marks so far, kept for this tab: a reload, or Back from an asset the answer links to,
  // goes on where the quiz was instead of starting again.
  // Keyed by the questions too: after the content changes, old marks are not put on new questions.
  const saved = `handbook-quiz:${location.pathname}:${self ? 'self:' : ''}${seed}:${count}:${fingerprint(draw.questions.map((question) => question.q).join('\n'))}`;
  const outcomes: QuizOutcome[] = restore(saved, draw.questions.length);
  const save = () => {
    try {
      sessionStorage.setItem(saved, JSON.stringify(outcomes));
    } catch {
      // Storage off (a private window): the quiz works, without resuming.
    }
  };
  const startOver = () => {
    outcomes.length = 0;
    try {
      sessionStorage.removeItem(saved);
    } catch {
      // As above.
    }
    ask(0);
  };
  // One live region for the whole quiz, there before anything is said in it: a region
  // inserted with its text already in it is not read out.
  const live = h('p', { class: 'visually-hidden', role: 'status' });
  root.after(live);
  const say = (text: string) => {
    live.textContent = '';
    requestAnimationFrame(() => (live.textContent = text));
  };
  root.parentElement?.querySelector<HTMLElement>('[data-quiz-static]')?.setAttribute('hidden', '');

  // One asset's quiz still asks its questions with no one on the roster to draw: whoever takes it answers.
  if (draw.questions.length === 0 || (random && !self && !person)) {
    root.replaceChildren(h('p', { class: 'notice' }, draw.questions.length > 0 ? readerMessages.quizNoPeople : readerMessages.quizNoQuestions));
    return;
  }

  let opening = true;
  /** Shows a screen and moves focus to its heading, so screen readers hear where they are (not on load). */
  const show = (...children: Child[]) => {
    root.replaceChildren(...children.filter((child): child is Node | string => child !== false && child !== undefined));
    if (!opening) root.querySelector<HTMLElement>('h2')?.focus();
    opening = false;
  };

  const intro = () => {
    const total = draw.questions.length;
    show(
      h('h2', { tabindex: '-1' }, 'This draw'),
      person &&
        h(
          'p',
          { class: 'quiz-person' },
          'Ask ',
          link(person.href, person.name),
          person.team ? ` (${person.team})` : '',
          ` ${plural(total, 'question')}. They answer without looking; you reveal each answer and mark how they did.`,
        ),
      self &&
        h(
          'p',
          { class: 'quiz-self' },
          `${plural(total, 'question')} the value model answers. Answer each without looking, aloud or on paper, then reveal the answer and mark how you did.`,
        ),
      h(
        'p',
        { class: 'quiz-switch' },
        self ? link(drawUrl(seed, requested, false), 'Quiz a random colleague instead') : link(drawUrl(seed, requested, true), 'Quiz yourself instead'),
      ),
      h('p', { class: 'muted' }, 'Draw ', h('code', {}, seed), '. This page’s address reproduces it: share it to ask the same questions again.'),
      h(
        'p',
        { class: 'quiz-actions' },
        outcomes.length > 0 && button(`Go on from question ${outcomes.length + 1}`, () => ask(outcomes.length)),
        outcomes.length > 0 && ' ',
        button(outcomes.length > 0 ? 'Start over' : 'Start', startOver),
        ' ',
        link(drawUrl(newSeed(), requested, self), 'New draw'),
      ),
    );
  };

  const ask = (index: number) => {
    const question = draw.questions[index];
    if (!question) return summary();
    const heading = h('h2', { tabindex: '-1' }, `Question ${index + 1} of ${draw.questions.length}`);
    // Many questions lean on their asset ("What is the root challenge of this tree?"): name it first.
    const about = h('p', { class: 'quiz-about muted' }, 'From ', h('cite', {}, question.assetTitle));
    const text = h('p', { class: 'question', id: `quiz-q-${index}` }, question.q);
    const after = h('div', { class: 'quiz-after' });
    const reveal = (outcome?: QuizOutcome) => {
      const verdict = outcome === 'correct' ? 'Correct. ' : outcome === 'wrong' ? 'Not this one. ' : '';
      say(`${verdict}Answer: ${question.answer}`);
      after.replaceChildren(
        h(
          'p',
          { class: `quiz-answer${outcome ? ` ${outcome}` : ''}` },
          verdict,
          h('strong', {}, 'Answer: '),
          question.answer,
          ' ',
          h('span', { class: 'muted' }, '· from '),
          link(question.href, question.assetTitle),
        ),
      );
      if (outcome) {
        outcomes[index] = outcome;
        save();
        after.append(h('p', {}, button(index + 1 < draw.questions.length ? 'Next question' : 'See the summary', () => ask(index + 1))));
      } else {
        const asked = self ? 'How did you do?' : 'How did they do?';
        const marks = h('div', { class: 'quiz-marks', role: 'group', 'aria-label': asked });
        for (const mark of ['knew', 'partly', 'did-not-know'] as const) {
          marks.append(
            button(outcomeLabels[mark], () => {
              outcomes[index] = mark;
              save();
              ask(index + 1);
            }),
            ' ',
          );
        }
        after.append(h('p', { class: 'muted' }, asked), marks);
      }
      after.querySelector('button')?.focus();
    };

    if (question.choices) {
      const fieldset = h('fieldset', { class: 'quiz-choices' }, h('legend', { class: 'visually-hidden' }, question.q));
      question.choices.forEach((choice, at) => {
        const id = `quiz-${index}-${at}`;
        fieldset.append(h('div', {}, h('input', { type: 'radio', name: `quiz-${index}`, id, value: choice }), ' ', h('label', { for: id }, choice)));
      });
      const check = button('Check the answer', () => {
        const picked = fieldset.querySelector<HTMLInputElement>('input:checked');
        if (!picked) {
          after.replaceChildren(h('p', { class: 'muted' }, readerMessages.quizChooseFirst));
          say(readerMessages.quizChooseFirst);
          fieldset.querySelector('input')?.focus();
          return;
        }
        for (const input of fieldset.querySelectorAll('input')) input.disabled = true;
        check.remove();
        reveal(picked.value === question.answer ? 'correct' : 'wrong');
      });
      show(heading, about, text, fieldset, h('p', {}, check), after);
    } else {
      const revealButton = button('Reveal the answer', () => {
        revealButton.remove();
        reveal();
      });
      show(heading, about, text, h('p', {}, revealButton), after);
    }
  };

  const summary = () => {
    const result = quizSummary(draw.questions, outcomes);
    const rows = draw.questions.map((question, index) =>
      h('tr', {}, h('td', {}, question.q), h('td', {}, link(question.href, question.assetTitle)), h('td', {}, outcomeLabels[outcomes[index]!] ?? '')),
    );
    show(
      h('h2', { tabindex: '-1' }, self ? 'How you did' : person ? `How ${person.name} did` : 'How it went'),
      h(
        'ul',
        { class: 'quiz-score' },
        result.choice.total > 0 && h('li', {}, `Multiple choice: ${result.choice.correct} of ${result.choice.total} correct`),
        result.open.knew + result.open.partly + result.open.didNotKnow > 0 &&
          h('li', {}, `Open questions: knew ${result.open.knew}, partly ${result.open.partly}, did not know ${result.open.didNotKnow}`),
      ),
      h('h3', {}, 'Assets to read'),
      result.assetsToRead.length > 0
        ? h('ul', { class: 'quiz-read' }, ...result.assetsToRead.map((asset) => h('li', {}, link(asset.href, asset.title), ` (${plural(asset.missed, 'answer')} not fully known)`)))
        : h('p', {}, 'None: every answer was known. The value model is doing its job here.'),
      h(
        'div',
        { class: 'table-wrap' },
        h('table', {}, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Question'), h('th', { scope: 'col' }, 'Asset'), h('th', { scope: 'col' }, 'Result'))), h('tbody', {}, ...rows)),
      ),
      h('p', { class: 'quiz-actions' }, button('Same draw again', startOver), ' · ', link(drawUrl(newSeed(), requested, self), 'New draw')),
    );
  };

  function button(label: string, onClick: () => void): HTMLButtonElement {
    const element = h('button', { type: 'button' }, label) as HTMLButtonElement;
    element.addEventListener('click', onClick);
    return element;
  }

  if (outcomes.length === draw.questions.length) summary();
  else intro();
}

/** A short hash of a text (FNV-1a), to tell one set of questions from another. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return (hash >>> 0).toString(36);
}

/** The marks kept for a draw, when they fit it; none otherwise. */
function restore(key: string, total: number): QuizOutcome[] {
  try {
    const kept: unknown = JSON.parse(sessionStorage.getItem(key) ?? '[]');
    const known = new Set(Object.keys(outcomeLabels));
    if (Array.isArray(kept) && kept.length <= total && kept.every((item) => typeof item === 'string' && known.has(item))) return kept as QuizOutcome[];
  } catch {
    // Nothing kept, or storage off.
  }
  return [];
}
