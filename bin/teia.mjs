#!/usr/bin/env node
// The `teia` command. From a checkout it runs the TypeScript sources through tsx; the build
// is not needed for the command line.
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli/run.ts');
