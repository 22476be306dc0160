import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { AuditTab } from './audit-tab';
import { MovementsTab } from './movements-tab';
import { Screen } from '../ui/screen';

export function HistoryScreen() {
  const { t } = useI18n();
  const [tab, setTab] = useState<'movements' | 'audit'>('movements');
  return (
    <Screen
      name="history"
      title={t('counter.nav.history')}
      intro={t('history.intro')}
      actions={
        <div className="segmented" role="tablist" aria-label={t('history.view')}>
          <button role="tab" aria-selected={tab === 'movements'} aria-pressed={tab === 'movements'} onClick={() => setTab('movements')}>
            {t('history.movements')}
          </button>
          <button role="tab" aria-selected={tab === 'audit'} aria-pressed={tab === 'audit'} onClick={() => setTab('audit')}>
            {t('history.audit')}
          </button>
        </div>
      }
    >
      {tab === 'movements' ? <MovementsTab /> : <AuditTab />}
    </Screen>
  );
}
