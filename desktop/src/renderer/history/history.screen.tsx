import { useState } from 'react';
import { AuditTab } from './audit-tab';
import { MovementsTab } from './movements-tab';

export function HistoryScreen() {
  const [tab, setTab] = useState<'movements' | 'audit'>('movements');
  return (
    <section className="screen" aria-labelledby="history-title">
      <div className="screen-head">
        <div>
          <h1 id="history-title">History</h1>
          <p>Every stock movement on this counter, and the tamper-evident audit log.</p>
        </div>
        <div className="segmented" role="tablist" aria-label="History view">
          <button role="tab" aria-selected={tab === 'movements'} aria-pressed={tab === 'movements'} onClick={() => setTab('movements')}>
            Movements
          </button>
          <button role="tab" aria-selected={tab === 'audit'} aria-pressed={tab === 'audit'} onClick={() => setTab('audit')}>
            Audit log
          </button>
        </div>
      </div>
      {tab === 'movements' ? <MovementsTab /> : <AuditTab />}
    </section>
  );
}
