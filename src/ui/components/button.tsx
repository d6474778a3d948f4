import type { ComponentChildren } from 'preact';

export type ButtonVariant = 'primary' | 'secondary' | 'warning';

export function Button(props: {
  children: ComponentChildren;
  variant?: ButtonVariant;
  type?: 'submit' | 'button';
  name?: string;
  value?: string;
}) {
  return (
    <button
      type={props.type ?? 'submit'}
      class={`button button--${props.variant ?? 'primary'}`}
      name={props.name}
      value={props.value}
    >
      {props.children}
    </button>
  );
}

export function ButtonLink(props: { href: string; children: ComponentChildren; variant?: ButtonVariant }) {
  return (
    <a href={props.href} class={`button button--${props.variant ?? 'secondary'}`}>
      {props.children}
    </a>
  );
}
