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
