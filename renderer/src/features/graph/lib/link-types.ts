import type { LinkType } from '@contract/graph';

/** A colour and a label per link type (colour-blind-safe palette, plus the label on the edge). */
export const LINK_STYLE: Record<LinkType, { color: string; label: string }> = {
  prerequisite: { color: '#d55e00', label: 'requires' },
  sequel: { color: '#0072b2', label: 'sequel of' },
  related: { color: '#6b7280', label: 'related' },
  response: { color: '#009e73', label: 'responds to' },
  cited: { color: '#cc79a7', label: 'cites' },
  contradicts: { color: '#b91c1c', label: 'contradicts' },
};

/**
 * A link read as one sentence, source first: "“Linear Equations” requires “Intro to Algebra”
 * (watch “Intro to Algebra” first)". The words follow the edge labels, so the dialog, the
 * side panel and the arrows on the graph say the same thing.
 */
export function linkSentence(type: LinkType, source: string, target: string): string {
  const s = `“${source}”`;
  const t = `“${target}”`;
  switch (type) {
    case 'prerequisite':
      return `${s} requires ${t} (watch ${t} first).`;
    case 'sequel':
      return `${s} is a sequel of ${t}.`;
    case 'related':
      return `${s} is related to ${t}.`;
    case 'response':
      return `${s} responds to ${t}.`;
    case 'cited':
      return `${s} cites ${t}.`;
    case 'contradicts':
      return `${s} contradicts ${t}.`;
  }
}
