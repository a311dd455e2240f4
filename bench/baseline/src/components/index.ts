export { default as Callout } from './Callout.astro';
export { default as Ref } from './Ref.astro';
