import pg from 'pg';

export interface StoreInfo {
  id: string;
  code: string;
  products: { id: string; priceMinor: number; costMinor: number; supplierId: string | null }[];
}

/** Stores and their products, read straight from the database the bench generated. */
export async function readWorld(url: string, storeLimit: number, productLimit: number): Promise<StoreInfo[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const stores = await client.query<{ id: string; code: string }>(`SELECT id, code FROM stores ORDER BY code LIMIT $1`, [storeLimit]);
    const products = await client.query<{ id: string; price_minor: string; cost_minor: string; supplier_id: string | null }>(
      `SELECT id, price_minor, cost_minor, supplier_id FROM products WHERE NOT archived ORDER BY id LIMIT $1`,
      [productLimit],
    );
    const list = products.rows.map((p) => ({ id: p.id, priceMinor: Number(p.price_minor), costMinor: Number(p.cost_minor), supplierId: p.supplier_id }));
    return stores.rows.map((s) => ({ id: s.id, code: s.code, products: list }));
  } finally {
    await client.end();
  }
}

export async function sqlQuery<R extends pg.QueryResultRow>(url: string, text: string, params: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, params)).rows;
  } finally {
    await client.end();
  }
}
