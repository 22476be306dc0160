import type { Migration } from 'kysely';
import * as m0001 from './0001-initial-schema';
import * as m0002 from './0002-movements-time-index';
import * as m0003 from './0003-alerts-exports-rollups';
import * as m0004 from './0004-stock-status-counts';
import * as m0005 from './0005-movement-device-clock';
import * as m0006 from './0006-audit-chains';
import * as m0007 from './0007-idempotency-keys';
import * as m0008 from './0008-store-time-zones';
import * as m0009 from './0009-bills';
import * as m0010 from './0010-citus-keys';
import * as m0012 from './0012-transfers';
import * as m0013 from './0013-purchases';
import * as m0014 from './0014-product-packs';
import * as m0016 from './0016-net-sales-rollups';
import * as m0017 from './0017-customers';
import * as m0018 from './0018-shifts';
import * as m0019 from './0019-margins-costs';
import * as m0019b from './0019-shrinkage-rollup';
import * as m0022 from './0022-bills-changed-index';
import * as m0023 from './0023-loose-variance';
import * as m0024 from './0024-hub-settings';
import * as m0025 from './0025-saved-views';
import * as m0026 from './0026-shared-customers';
import * as m0027 from './0027-store-locale';
import * as m0031 from './0031-minor-units';

/** Static imports: migrations ship inside the bundle, never read from a folder at run time. */
export const migrations: Record<string, Migration> = {
  '0001-initial-schema': m0001,
  '0002-movements-time-index': m0002,
  '0003-scale-jobs': m0003,
  '0004-stock-status-counts': m0004,
  '0005-movement-device-clock': m0005,
  '0006-audit-chains': m0006,
  '0007-idempotency-keys': m0007,
  '0008-store-time-zones': m0008,
  '0009-bills': m0009,
  '0010-citus-keys': m0010,
  '0012-transfers': m0012,
  '0013-purchases': m0013,
  '0014-product-packs': m0014,
  '0016-net-sales-rollups': m0016,
  '0017-customers': m0017,
  '0018-shifts': m0018,
  '0019-margins-costs': m0019,
  '0019-shrinkage-rollup': m0019b,
  '0022-bills-changed-index': m0022,
  '0023-loose-variance': m0023,
  '0024-hub-settings': m0024,
  '0025-saved-views': m0025,
  '0026-shared-customers': m0026,
  '0027-store-locale': m0027,
  '0031-minor-units': m0031,
};
