export * from './customer.schema';
export * from './ledger.schema';
export * from './ledger.balance';
export * from './ledger.statement';
export * from './ledger.reminder';
export * from './credit.sync.schema';
export * from './ledger.statement-text';
export * from './credit.view.schema';
