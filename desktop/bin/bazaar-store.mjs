#!/usr/bin/env node
// The workspace runs TypeScript sources directly (no build step): load tsx, then the CLI.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
