import type { ComponentChildren } from 'preact';

export type TagColour = 'grey' | 'green' | 'blue' | 'red' | 'yellow';

/** A short status label ("zweryfikowana", "projekt"). Colour is never the only signal: it has text. */
export function Tag(props: { children: ComponentChildren; colour?: TagColour }) {
  return <strong class={`tag tag--${props.colour ?? 'grey'}`}>{props.children}</strong>;
}
