import { isKnownAuditAction, movementKinds, removalReasonWord, type AuditEntry, type BaseUnit, type MovementKind, type Translator } from '@bazaar/shared';
import { useI18n } from '../../i18n/i18n-context';
import { kindLabel } from '../movements/movement-kinds';
import { DeviceName, ProductName, StoreName, SupplierName, UserName, useProductUnit } from '../shared/lookups';
import type { NameKind } from '../shared/name-batch';

type Fields = Record<string, unknown>;
const fieldsOf = (v: unknown): Fields => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Fields) : {});
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The action in words ("Product changed"); an action this build does not know shows as its code. */
export function useActionWords() {
  const { t } = useI18n();
  return (action: string) => (isKnownAuditAction(action) ? t(`audit.action.${action}`) : action);
}

/** The entity an entry is about, by name: a movement is about its product. */
export function entityRef(e: AuditEntry): { kind: NameKind; id: string } | null {
  const after = fieldsOf(e.after ?? e.before);
  if (e.entity === 'movement') {
    const productId = str(after.productId);
    return productId ? { kind: 'product', id: productId } : null;
  }
  const kinds: Record<string, NameKind> = { product: 'product', store: 'store', supplier: 'supplier', user: 'user', device: 'device' };
  const kind = kinds[e.entity];
  return kind && e.entityId ? { kind, id: e.entityId } : null;
}

/** What kind of thing an entry is about, in words ("Product"); a kind this build does not know shows as its code. */
export function entityWord(t: Translator, entry: Pick<AuditEntry, 'entity'>): string {
  return ['product', 'store', 'supplier', 'user', 'movement', 'device', 'conflict', 'stock', 'auth'].includes(entry.entity)
    ? t.t(`web.audit.entity.${entry.entity as 'product'}`)
    : entry.entity;
}

export function EntityName({ entry }: { entry: AuditEntry }) {
  const i18n = useI18n();
  const ref = entityRef(entry);
  const label = entityWord(i18n, entry);
  if (!ref) return <span>{label}</span>;
  const Name = { product: ProductName, store: StoreName, supplier: SupplierName, user: UserName, device: DeviceName }[ref.kind];
  return (
    <span>
      <small className="muted">{label} · </small>
      <Name id={ref.id} />
    </span>
  );
}

/** The product a movement entry is about (whose unit its quantities are in). */
export const gistProductId = (entry: AuditEntry): string | null => (entry.action === 'movement.create' ? str(fieldsOf(entry.after).productId) : null);

/**
 * A one-line gist of what changed, in words: names, display units, no ids or field codes ('' when
 * there is nothing to say). `unit` is the movement's product unit when known.
 */
export function auditGistText(i18n: Translator, entry: AuditEntry, unit: BaseUnit | null | undefined): string {
  const src = fieldsOf(entry.after ?? entry.before);
  if (entry.action === 'movement.create') {
    const after = fieldsOf(entry.after);
    const kind = str(after.kind);
    const qty = num(after.qty);
    const stock = num(after.stockQty);
    if (!kind || !(movementKinds as readonly string[]).includes(kind) || qty === null) return '';
    const parts = [kindLabel(i18n, kind as MovementKind), unit ? i18n.qty(qty, unit) : String(qty)];
    if (stock !== null && unit) parts.push(i18n.t('web.audit.stockNow', { qty: i18n.qty(stock, unit) }));
    return parts.join(' · ');
  }
  if (entry.action === 'sync.push') return i18n.t('web.audit.pushed', { applied: num(src.applied) ?? 0, rejected: num(src.rejected) ?? 0, duplicates: num(src.duplicates) ?? 0 });
  const name = str(src.name) ?? str(src.username);
  const code = str(src.sku) ?? str(src.code) ?? (str(src.name) ? str(src.username) : null);
  const role = str(src.role);
  const reason = str(src.reason);
  return [name, code && `(${code})`, role && i18n.t(`role.${role as 'admin'}`), reason && removalReasonWord(i18n, reason), str(src.note)].filter((p): p is string => !!p).join(' ');
}

export function AuditGist({ entry }: { entry: AuditEntry }) {
  const i18n = useI18n();
  const unit = useProductUnit(gistProductId(entry));
  const text = auditGistText(i18n, entry, unit);
  if (!text) return <span className="muted">—</span>;
  return entry.action === 'movement.create' ? <bdi>{text}</bdi> : <span>{text}</span>;
}
