import { useState, type ReactNode } from 'react';
import { useAuth, useUser } from '../auth/auth-context';
import { allowed } from '../auth/permissions';
import { navigate, useLocation } from './router';
import { tabs } from './tabs';
import { LocalePicker, useI18n } from '../i18n/i18n-context';
import { Dialog } from '../components/dialog';
import { PasswordForm } from '../auth/password.form';

export function Shell({ children }: { children: ReactNode }) {
  const user = useUser();
  const { t } = useI18n();
  const { signOut } = useAuth();
  const { path } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);
  const noStore = user.role !== 'admin' && user.storeIds.length === 0;
  const visible = tabs.filter((tab) => !tab.needs || allowed(user, tab.needs));
  const current = tabs.find((tab) => tab.path === path);
  // In the top bar on a wide screen; at the foot of the side menu on a phone, where the bar keeps only the menu, the brand, the language and Sign out.
  const changePassword = (className: string) => (
    <button
      type="button"
      className={`btn btn-ghost btn-sm ${className}`}
      onClick={() => {
        setMenuOpen(false);
        setChangingPassword(true);
      }}
    >
      {t('web.account.changePassword')}
    </button>
  );

  return (
    <div className="shell">
      <header className="topbar">
        <button
          type="button"
          className="icon-btn menu-btn"
          aria-label={t('web.shell.menu')}
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
            {t('web.shell.brand')} <strong>{t('web.shell.headOffice')}</strong>
          </span>
        </a>
        <div className="topbar-user">
          <LocalePicker />
          <span className="user-chip" data-testid="user-chip">
            <span className="avatar" aria-hidden="true">
              {user.name.slice(0, 1).toUpperCase()}
            </span>
            <span className="user-meta">
              <span>{user.name}</span>
              <small>
                {t(`role.${user.role}`)}
                {user.role !== 'admin' && t('web.shell.stores', { count: user.storeIds.length })}
              </small>
            </span>
          </span>
          {changePassword('wide-only')}
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => void signOut()}>
            {t('counter.app.signOut')}
          </button>
        </div>
      </header>
      <nav className={`sidenav${menuOpen ? ' open' : ''}`} aria-label={t('web.shell.dashboard')}>
        <ul>
          {visible.map((tab) => (
            <li key={tab.path}>
              <a
                href={tab.path}
                aria-current={tab.path === path ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  setMenuOpen(false);
                  navigate(tab.path);
                }}
              >
                <span className="nav-icon" aria-hidden="true">
                  {tab.icon}
                </span>
                {t(tab.label)}
              </a>
            </li>
          ))}
        </ul>
        <div className="nav-account">{changePassword('')}</div>
      </nav>
      {menuOpen && <div className="nav-backdrop" aria-hidden="true" onClick={() => setMenuOpen(false)} />}
      <main className="content">
        {current && <h1 className="page-title">{t(current.label)}</h1>}
        {noStore && (
          <p className="notice notice-warn page-notice" role="status" data-testid="no-store">
            {t('web.account.noStore')}
          </p>
        )}
        {children}
      </main>
      <Dialog title={t('web.account.changePassword')} open={changingPassword} onClose={() => setChangingPassword(false)}>
        {changingPassword && <PasswordForm onDone={() => setChangingPassword(false)} />}
      </Dialog>
    </div>
  );
}
