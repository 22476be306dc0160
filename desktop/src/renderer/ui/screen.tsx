import type { ReactNode } from 'react';

interface ScreenProps {
  /** Prefix of the heading's id (`${name}-title`), which labels the screen. */
  name: string;
  title: string;
  intro: string;
  /** Beside the heading: tabs or the screen's main button. */
  actions?: ReactNode;
  children: ReactNode;
}

/** One counter screen: its heading and a line on what it is for, then its content. */
export function Screen({ name, title, intro, actions, children }: ScreenProps) {
  return (
    <section className="screen" aria-labelledby={`${name}-title`}>
      <div className="screen-head">
        <div>
          <h1 id={`${name}-title`}>{title}</h1>
          <p>{intro}</p>
        </div>
        {actions}
      </div>
      {children}
    </section>
  );
}
