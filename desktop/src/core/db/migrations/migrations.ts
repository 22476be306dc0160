import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-initial';
import * as m0002 from './0002-sale-write-indexes';
import * as m0003 from './0003-sale-partial-indexes';
import * as m0004 from './0004-device-clock';
import * as m0005 from './0005-audit-verified-head';
import * as m0006 from './0006-history-product-seq';
import * as m0007 from './0007-signin-attempts';
import * as m0008 from './0008-bills';
import * as m0010 from './0010-transfers';
import * as m0011 from './0011-purchases';
import * as m0012 from './0012-product-packs';
import * as m0013 from './0013-customers';
import * as m0014 from './0014-shift-push';
import * as m0017 from './0017-receipt-printer';
import * as m0018 from './0018-store-bills';
import * as m0019 from './0019-hub-currency';
import * as m0021 from './0021-user-big-text';
import * as m0024 from './0024-customer-elsewhere';
import * as m0025 from './0025-minor-units';

/** Static imports, never a folder read at run time (the app ships inside an asar). */
export const migrationProvider: MigrationProvider = {
  async getMigrations(): Promise<Record<string, Migration>> {
    return { '0001-initial': m0001, '0002-sale-write-indexes': m0002, '0003-sale-partial-indexes': m0003, '0004-device-clock': m0004, '0005-audit-verified-head': m0005, '0006-history-product-seq': m0006, '0007-signin-attempts': m0007, '0008-bills': m0008, '0010-transfers': m0010, '0011-purchases': m0011, '0012-product-packs': m0012, '0013-customers': m0013, '0014-shift-push': m0014, '0017-receipt-printer': m0017, '0018-store-bills': m0018, '0019-hub-currency': m0019, '0021-user-big-text': m0021, '0024-customer-elsewhere': m0024, '0025-minor-units': m0025 };
  },
};
