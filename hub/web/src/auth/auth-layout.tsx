import type { ReactNode } from 'react';

export function AuthLayout({ title, subtitle, children }: { title: string; subtitle: string; children: ReactNode }) {
  return (
    <div className="auth-page">
      <aside className="auth-aside" aria-hidden="true">
        <div className="brand brand-lg">
          <span className="brand-mark">B</span>
          <span>
            Bazaar <strong>Inventory</strong>
          </span>
        </div>
        <p>Every store’s stock, sales and counters in one place — even when the shops are offline.</p>
        <ul>
          <li>Live stock across all your stores</li>
          <li>Low and out-of-stock alerts by region</li>
          <li>A tamper-evident activity log</li>
        </ul>
      </aside>
      <main className="auth-card">
        <h1>{title}</h1>
        <p className="muted">{subtitle}</p>
        {children}
      </main>
    </div>
  );
}
