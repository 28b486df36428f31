// Integration tests run the BUILT command line (dist/cli), as `npx werkboek` does: build it once here,
// before the test files start, instead of letting the first parallel test runs race to rebuild it.
import path from 'node:path';
import { freshCliEntry } from '../../bin/cli-bundle.mjs';
import { buildCli } from '../../scripts/build-cli.mjs';

export default async function setup(): Promise<void> {
  await freshCliEntry({ root: path.resolve(import.meta.dirname, '../..'), rebuild: buildCli });
}
