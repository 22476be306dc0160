import { useState, type ReactNode } from 'react';
import { useAuth, useUser } from '../auth/auth-context';
import { allowed } from '../auth/permissions';
import { navigate, useLocation } from './router';
import { tabs } from './tabs';

export function Shell({ children }: { children: ReactNode }) {
  const user = useUser();
  const { signOut } = useAuth();
  const { path } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const visible = tabs.filter((t) => !t.needs || allowed(user, t.needs));
  const current = tabs.find((t) => t.path === path);

  return (
    <div className="shell">
      <header className="topbar">
        <button
          type="button"
          className="icon-btn menu-btn"
          aria-label="Menu"
          aria-expanded={menuOpen}
          onClick={() => setMenuOpen((o) => !o)}
        >
          ☰
        </button>
        <a
          className="brand"
          href="/overview"
          onClick={(e) => {
            e.preventDefault();
            navigate('/overview');
          }}
        >
          <span className="brand-mark" aria-hidden="true">
            B
          </span>
          <span>
            Bazaar <strong>Head office</strong>
          </span>
        </a>
        <div className="topbar-user">
          <span className="user-chip" data-testid="user-chip">
            <span className="avatar" aria-hidden="true">
              {user.name.slice(0, 1).toUpperCase()}
            </span>
            <span className="user-meta">
              <span>{user.name}</span>
              <small>
                {user.role}
                {user.role !== 'admin' && ` · ${user.storeIds.length} store${user.storeIds.length === 1 ? '' : 's'}`}
              </small>
            </span>
          </span>
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <nav className={`sidenav${menuOpen ? ' open' : ''}`} aria-label="Dashboard">
        <ul>
          {visible.map((t) => (
            <li key={t.path}>
              <a
                href={t.path}
                aria-current={t.path === path ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  setMenuOpen(false);
                  navigate(t.path);
                }}
              >
                <span className="nav-icon" aria-hidden="true">
                  {t.icon}
                </span>
                {t.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {menuOpen && <div className="nav-backdrop" aria-hidden="true" onClick={() => setMenuOpen(false)} />}
      <main className="content">
        {current && <h1 className="page-title">{current.label}</h1>}
        {children}
      </main>
    </div>
  );
}
