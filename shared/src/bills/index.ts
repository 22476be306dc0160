export * from './bill.schema';
export * from './bill.totals';
export * from './bill.number';
export * from './bill.receipt';
export * from './shift.report';
export * from './bill.view.schema';
export * from './shift.view.schema';
export * from './bill.margin';
