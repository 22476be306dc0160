export * from './purchase.number';
export * from './purchase-order.schema';
export * from './goods-receipt.schema';
export * from './purchase.progress';
export * from './moving-average';
export * from './reorder.suggest';
export * from './purchase.view.schema';
export * from './purchase-order.text';
