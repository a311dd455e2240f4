import { scriptJson } from '../content/html.ts';
import { mermaidConfig } from './render.ts';

/**
 * The lazy loader for pages whose diagrams were not drawn at build time (no browser on
 * the build machine, or `astro dev`). Nothing loads until a diagram scrolls into view;
 * then Mermaid draws every diagram on the page with the build's settings.
 */
export function loaderScript(moduleUrl: string): string {
  return [
    `const nodes=[...document.querySelectorAll('pre[data-diagram]'),...[...document.querySelectorAll('pre>code.language-mermaid')].map((c)=>c.parentElement)];`,
    `if(nodes.length){let started=false;const draw=async()=>{if(started)return;started=true;`,
    `const {default:mermaid}=await import(${scriptJson(moduleUrl)});`,
    `mermaid.initialize(${scriptJson(mermaidConfig)});`,
    `for(const node of nodes){node.textContent=node.textContent;node.classList.add('diagram-drawn');}`,
    `await mermaid.run({nodes});};`,
    `const io=new IntersectionObserver((entries)=>{if(entries.some((entry)=>entry.isIntersecting)){io.disconnect();draw();}});`,
    `nodes.forEach((node)=>io.observe(node));}`,
  ].join('');
}

/** Where the build copies Mermaid's browser modules when some page needs them. */
export const mermaidAssetDir = '_handbook/mermaid';
