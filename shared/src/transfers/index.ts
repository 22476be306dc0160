export * from './transfer.schema';
export * from './transfer.number';
export * from './transfer.flow';
export * from './transfer.sides';
export * from './transfer.view.schema';
