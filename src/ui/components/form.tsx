import type { ComponentChildren } from 'preact';
import { useView } from '../context.js';

/** A form that always carries the CSRF token. GET forms (search, filters) carry none. */
export function Form(props: {
  action: string;
  method?: 'post' | 'get';
  children: ComponentChildren;
  class?: string;
  id?: string;
}) {
  const { csrfToken } = useView();
  const method = props.method ?? 'post';
  return (
    <form action={props.action} method={method} class={props.class} id={props.id} novalidate>
      {method === 'post' && <input type="hidden" name="_csrf" value={csrfToken} />}
      {props.children}
    </form>
  );
}
