// The module content imports as `@handbook/components`. Every export must be listed in
// src/lib/content/components.ts, which is what `handbook check` allows.
export { default as Callout } from './Callout.astro';
export { default as Ref } from './Ref.astro';
