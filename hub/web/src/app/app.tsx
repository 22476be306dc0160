import { useEffect, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { authApi } from '../api/endpoints';
import { useAuth } from '../auth/auth-context';
import { allowed } from '../auth/permissions';
import { SignInPage } from '../auth/sign-in.page';
import { RegisterPage } from '../auth/register.page';
import { Shell } from './shell';
import { navigate, signInPathFor, useLocation } from './router';
import { tabs } from './tabs';
import { OverviewPage } from '../features/overview/overview.page';
import { StockPage } from '../features/stock/stock.page';
import { MovementsPage } from '../features/movements/movements.page';
import { ProductsPage } from '../features/products/products.page';
import { StoresPage } from '../features/stores/stores.page';
import { SuppliersPage } from '../features/suppliers/suppliers.page';
import { AuditPage } from '../features/audit/audit.page';
import { ConflictsPage } from '../features/conflicts/conflicts.page';
import { BillsPage } from '../features/bills/bills.page';
import { ShiftsPage } from '../features/shifts/shifts.page';
import { DevicesPage } from '../features/devices/devices.page';
import { UsersPage } from '../features/users/users.page';
import { SettingsPage } from '../features/settings/settings.page';
import { RankingsPage } from '../features/rankings/rankings.page';
import { TrendsPage } from '../features/trends/trends.page';
import { TransfersPage } from '../features/transfers/transfers.page';
import { PurchasesPage } from '../features/purchases/purchases.page';
import { ExpiryPage } from '../features/expiry/expiry.page';
import { MarginsPage } from '../features/margins/margins.page';
import { ReceivablesPage } from '../features/receivables/receivables.page';
import { SavedViewsPage } from '../features/views/saved-views.page';
import { ExportsPage } from '../features/exports/exports.page';

const pages: Record<string, () => ReactNode> = {
  '/overview': () => <OverviewPage />,
  '/stock': () => <StockPage />,
  '/rankings': () => <RankingsPage />,
  '/trends': () => <TrendsPage />,
  '/views': () => <SavedViewsPage />,
  '/exports': () => <ExportsPage />,
  '/movements': () => <MovementsPage />,
  '/transfers': () => <TransfersPage />,
  '/purchases': () => <PurchasesPage />,
  '/expiry': () => <ExpiryPage />,
  '/margins': () => <MarginsPage />,
  '/products': () => <ProductsPage />,
  '/stores': () => <StoresPage />,
  '/suppliers': () => <SuppliersPage />,
  '/logs': () => <AuditPage />,
  '/conflicts': () => <ConflictsPage />,
  '/bills': () => <BillsPage />,
  '/shifts': () => <ShiftsPage />,
  '/receivables': () => <ReceivablesPage />,
  '/devices': () => <DevicesPage />,
  '/users': () => <UsersPage />,
  '/settings': () => <SettingsPage />,
};

export function App() {
  const { user } = useAuth();
  const { path } = useLocation();
  const publicPage = path === '/sign-in' || path === '/register';
  const tab = tabs.find((t) => t.path === path);
  const permitted = !!tab && (!tab.needs || allowed(user, tab.needs));
  // A hub with nobody yet opens Register: its first account becomes the admin.
  const setup = useQuery({ queryKey: ['auth', 'setup'], queryFn: authApi.setup, enabled: !user, staleTime: 10_000, retry: false });
  const firstRun = !user && setup.data?.needsFirstUser === true;

  useEffect(() => {
    if (firstRun && path !== '/register') navigate('/register', { replace: true });
    else if (!user && !publicPage) navigate(signInPathFor(window.location.pathname + window.location.search), { replace: true });
    else if (user && (publicPage || !permitted)) navigate('/overview', { replace: true });
  }, [user, publicPage, permitted, firstRun, path]);

  if (!user) return path === '/register' || firstRun ? <RegisterPage firstAccount={firstRun} /> : <SignInPage />;
  const render = permitted ? pages[path] : undefined;
  return <Shell>{render ? render() : null}</Shell>;
}
