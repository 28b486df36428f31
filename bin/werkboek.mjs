#!/usr/bin/env node
// The command line runs the TypeScript sources through tsx, so `npx werkboek` works right after
// `npm install` without a build step and never runs stale compiled code.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
