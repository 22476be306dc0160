export * from './purchase.number';
export * from './purchase-order.schema';
export * from './goods-receipt.schema';
export * from './purchase.progress';
export * from './moving-average';
export * from './reorder.suggest';
